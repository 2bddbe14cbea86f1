#pragma once
// Plain data each screen draws, prepared by the controller before the frame.
// Texts that come from the database are here verbatim; labels are translated
// by the screens through the catalog.
#include <string>
#include <vector>

#include "app/core/customer.h"
#include "app/ui/appointments/appointments_view.h"
#include "app/ui/approvals/approvals_view.h"
#include "app/ui/checkout/checkout_view.h"
#include "app/ui/customer_file/customer_file_view.h"
#include "app/ui/members/members_view.h"
#include "app/ui/own_file/own_file_view.h"
#include "app/ui/registration/registration_view.h"
#include "app/ui/reports/reports_view.h"
#include "app/ui/settings/settings_view.h"

namespace salon::ui {

enum class Screen { SignIn, Home, CheckIn, Registration, Checkout, CustomerFile, Members, Approvals, Settings, Appointments, Reports };

// A way out of the home screen, with a count of what waits there (approvals due).
struct HomeTile {
  Screen screen = Screen::Home;
  std::string labelKey;  // "ui.nav.checkout"
  int badge = 0;
}; 

struct StaffTile {
  std::string code;
  std::string name;
  std::string roleKey;  // "ui.role.cashier"
};

struct SignInView {
  std::vector<StaffTile> staff;
  std::string chosenCode;  // "" while choosing
  std::string chosenName;
  int pinDigits = 0;       // shown as dots, never the digits
  bool checking = false;   // the PIN is being checked
  std::string message;     // translated: wrong PIN, locked, auto-locked
};

struct CustomerRow {
  CustomerId id = 0;
  std::string fileNo;
  std::string memberNo;
  std::string name;
  std::string maskedPhone;  // 138****8000
  std::string statusKey;    // "ui.status.in_force"
};

struct QueueRow {
  CustomerId customer = 0;
  std::string time;       // 14:05, store time
  std::string name;       // staff see the full name
  std::string methodKey;  // "ui.method.phone"
  std::string stateKey;   // "ui.queue.waiting", "ui.queue.paid"
};

// Finding a customer by name (on-screen pinyin keyboard) or phone digits.
struct SearchView {
  bool open = false;                   // the keyboard is shown
  std::string query;                   // what is searched for
  std::string letters;                 // pinyin typed, not yet turned into characters
  std::vector<std::string> candidates; // for `letters`
  bool pinyinReady = false;            // librime deployed
};

// One of today's appointments on the home screen (tap: the day book).
struct HomeAppointment {
  std::string time;      // 10:00, store time
  std::string name;      // the customer (and pet)
  std::string detail;    // services · staff
  std::string stateKey;  // "ui.appointments.state.booked"
};

// An online booking waiting for the store's answer (confirm or decline).
struct HomeHold {
  std::string id;      // the appointment it becomes
  std::string time;    // "12-06 14:00", store time
  std::string name;    // the customer, the phone masked, "new" for a first booking
  std::string detail;  // service · staff (or any)
  std::string left;    // "23 分钟内答复"
  bool urgent = false; // under 5 minutes left
};

// A member head office found this store's offline sales overdrew (issue 18): the
// overdraw became arrears; listed while the member still owes.
struct HomeOverdraw {
  CustomerId customer = 0;
  std::string when;     // "12-06 14:00": when it came down
  std::string name;     // "王小美 M01000001"
  std::string arrears;  // the overdraw, "600.00"
  std::string owes;     // the member's arrears now, "600.00"
};

struct HomeView {
  std::string staffName;
  std::vector<HomeTile> tiles;  // the screens this staff member may open
  SearchView search;
  std::vector<QueueRow> queue;  // today's check-ins, oldest first
  std::vector<CustomerRow> customers;
  std::vector<DueRow> dueSoon;  // recording deadlines due soonest (the Approvals desk's)
  int dueTotal = 0;             // how many are due in all
  std::vector<HomeAppointment> appointments;  // today's, not yet done (the Appointments desk's)
  std::vector<HomeHold> holds;                // online bookings to confirm or decline
  std::vector<HomeOverdraw> overdraws;        // 总部：离线超额已转为欠款 (the Checkout desk's)
  std::string holdMessage;                    // what the last answer did
  bool holdMessageIsError = false;
};

// Check-in by phone shows only a masked name and no balances: a phone number
// alone does not prove who is at the counter.
struct CheckInMatch {
  CustomerId id = 0;
  std::string maskedName;  // 张*
};

// By member card or QR (the card proves who is here): the greeting, today's
// appointments and the balances, shown until the customer confirms.
struct CheckInCard {
  CustomerId id = 0;                // 0: no card scanned
  std::string method;               // "card" or "qr"
  std::string name;                 // the full name (the card proves who is here)
  std::string tier;                 // the tier's name, "" for none
  std::vector<std::string> today;   // today's appointments: "14:00 面部护理"
  std::string points;               // "1,200"
  std::string balance;              // stored value, "¥1,000.00"
  // The member's figures (head office's or the store's own, issue 18); when
  // shown they replace points and balance above.
  MemberFiguresView figures{};
};

struct CheckInView {
  CheckInCard card;
  std::string digits;
  std::vector<CheckInMatch> matches;
  bool searched = false;       // matches are the result of a search
  std::string message;         // translated
  std::string welcomedName;    // after confirming: the masked name
  OwnFileView ownFile;         // the customer's own file, opened from the card
  // Leaving customer mode: the staff member's PIN is asked on the keypad.
  bool leaving = false;
  int leavePinDigits = 0;
  bool leaveChecking = false;  // the PIN is being checked
  std::string leaveMessage;    // translated: a wrong PIN
};

enum class DbCheck { Running, Ok, Failed };

struct StatusView {
  std::string storeName;
  std::string staffName;   // "" when locked
  std::string language;    // zh-Hans, zh-Hant, en
  DbCheck dbCheck = DbCheck::Running;
  std::string dbProblem;   // what quick_check said
  bool backupFailed = false;  // the last automatic backup failed
  std::string backupProblem;  // its error code and detail
  // No backup password yet, so no backup can be made: Settings sets one.
  bool backupPasswordMissing = false;
  // Head office: last contact and the events waiting ("" when not enrolled);
  // a warning after 24 h without contact or when uploads stopped.
  std::string headOffice;
  std::string headOfficeShort;  // where the whole line does not fit: the events waiting
  bool headOfficeWarning = false;
  // The screen faces the customer (check-in, registration): the bar shows the
  // store and the languages only, no staff name, warnings or lock.
  bool customerFacing = false;
  std::string theme = "warm";  // the store's look (kiosk.theme): warm, light, contrast
};

struct KioskView {
  Screen screen = Screen::SignIn;
  StatusView status;
  SignInView signIn;
  HomeView home;
  CheckInView checkIn;
  RegistrationView registration;
  CheckoutView checkout;
  CustomerFileView customerFile;
  MembersView members;
  ApprovalsView approvals;
  SettingsView settings;
  AppointmentsView appointments;
  ReportsView reports;
};

}  // namespace salon::ui
