#pragma once
// What a person asked for during a frame. Screens return intents; the controller
// applies them after the frame.
#include <string>
#include <variant>
#include <vector>

#include "app/core/customer.h"
#include "app/ui/view_models.h"

namespace salon::ui {

// Keypad keys: '0'..'9', '<' erase one, 'C' clear, '=' done.
struct ChooseStaff { std::string code; };
struct PinKeys { std::string keys; };
struct CancelSignIn {};
struct PhoneKeys { std::string keys; };
struct ScanPayload { std::string payload; };  // a card or QR from a wedge reader
struct ConfirmCheckIn { CustomerId id = 0; };
struct RejectMatches {};
// Open a screen, for a customer where it is about one (0: none).
struct Navigate {
  Screen to = Screen::Home;
  CustomerId customer = 0;
};
struct LockKiosk {};
struct NavigateBack {};  // 返回 to the screen this one was opened from
// Customer mode (check-in faces the customer): 返回 asks for the staff PIN.
struct LeaveCheckIn { bool cancel = false; };
struct LeavePinKeys { std::string keys; };
// Today's online bookings: the cashier confirms or declines one.
struct DecideOnlineHold {
  std::string id;
  bool confirm = false;
};
struct SwitchLanguage { std::string language; };
// The on-screen keyboard: letters and digits, '<' erase, 'C' clear, '=' close.
struct KeyboardKeys { std::string keys; };
struct PickCandidate { std::string text; };
struct OpenSearch {};

using Intent = std::variant<std::monostate, ChooseStaff, PinKeys, CancelSignIn, PhoneKeys, ScanPayload,
                            ConfirmCheckIn, RejectMatches, Navigate, LockKiosk, SwitchLanguage, KeyboardKeys,
                            PickCandidate, OpenSearch, RegistrationIntent, CheckoutIntent, CustomerFileIntent,
                            MembersIntent, ApprovalsIntent, SettingsIntent, AppointmentsIntent,
                            ReportsIntent, OwnFileIntent, NavigateBack, LeaveCheckIn, LeavePinKeys,
                            DecideOnlineHold>;
using Intents = std::vector<Intent>;

inline void add(Intents& out, Intent i) {
  if (!std::holds_alternative<std::monostate>(i)) out.push_back(std::move(i));
}

}  // namespace salon::ui
