#pragma once
// The kiosk's screens: each draws its view model and returns what was asked for.
#include <string>

#include "app/ui/intents.h"
#include "app/ui/registration/registration_screen.h"
#include "app/ui/checkout/checkout_screen.h"
#include "app/ui/customer_file/customer_file_screen.h"
#include "app/ui/members/members_screen.h"
#include "app/ui/own_file/own_file_panel.h"
#include "app/ui/approvals/approvals_screen.h"
#include "app/ui/settings/settings_screen.h"
#include "app/ui/appointments/appointments_screen.h"
#include "app/ui/reports/reports_screen.h"
#include "app/ui/view_models.h"
#include "app/ui/widgets.h"

namespace salon::ui {

class StatusBar {
 public:
  Intent draw(UiContext& ui, const StatusView& v);

 private:
  void headOfficeLine(UiContext& ui, const StatusView& v, float right);
  Intent languages(UiContext& ui, const StatusView& v, float x, float btnW, float btnH);
  Intent languagesOnly(UiContext& ui, const StatusView& v);
  void end();
};

class SignInScreen {
 public:
  Intent draw(UiContext& ui, const SignInView& v);

 private:
  Intent chooseStaff(UiContext& ui, const SignInView& v);
  Intent enterPin(UiContext& ui, const SignInView& v);
};

class HomeScreen {
 public:
  Intent draw(UiContext& ui, const HomeView& v);

 private:
  Intent searchBar(UiContext& ui, const SearchView& v);
  Intent tiles(UiContext& ui, const HomeView& v);
};

// Customer-facing: big, simple, no balances and only a masked name by phone.
class CheckInScreen {
 public:
  Intents draw(UiContext& ui, const CheckInView& v);

 private:
  Intent fromKeyboard();
  void leavePrompt(UiContext& ui, const CheckInView& v, float width);
  void bottomButtons(UiContext& ui, const CheckInView& v, float leftW, Intents& out);
  std::string wedge_;  // what a keyboard or wedge reader typed since the last Enter
  OwnFilePanel ownFile_;
};

// What is drawn where a finger lands: the screen, its step, and lists whose rows
// move when one goes (approvals). When it changes, presses rest for a moment.
std::string pageOf(const KioskView& v);

// The whole window: the status bar and the current screen.
class KioskFrame {
 public:
  Intents draw(UiContext& ui, const KioskView& v);

 private:
  StatusBar status_;
  SignInScreen signIn_;
  HomeScreen home_;
  CheckInScreen checkIn_;
  RegistrationScreen registration_;
  CheckoutScreen checkout_;
  CustomerFileScreen customerFile_;
  MembersScreen members_;
  ApprovalsScreen approvals_;
  SettingsScreen settings_;
  AppointmentsScreen appointments_;
  ReportsScreen reports_;
};

}  // namespace salon::ui
