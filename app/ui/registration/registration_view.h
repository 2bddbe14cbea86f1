#pragma once
// What the first-visit registration screen shows (plain data prepared by its
// desk in app/kiosk) and what a person can ask for on it. The order is the
// customer's: the privacy notice, agree or decline, the separate marketing
// opt-in, then only the fields core requires (name, phone).
#include <string>
#include <variant>
#include <vector>

#include "app/core/customer.h"

namespace salon::ui {

enum class RegistrationStep { Notice, Declined, Marketing, Name, Phone, Welcome };

struct RegistrationView {
  CustomerId customer = 0;  // the file created (Welcome), else 0
  std::string title;        // translated
  RegistrationStep step = RegistrationStep::Notice;
  std::string notice;         // the salon's privacy notice, verbatim
  std::string noticeVersion;  // what the customer agrees to
  bool marketing = false;     // the opt-in chosen
  std::string name;           // characters picked so far
  std::string letters;        // pinyin typed, not yet turned into characters
  std::vector<std::string> candidates;
  bool pinyinReady = false;   // librime deployed (else letters are typed as they are)
  std::string phone;
  std::string message;        // translated: why the step could not go on
  std::string fileNo;         // after registering
};

// The screen's own intents, applied by its desk.
struct RegisterAgree {};
struct RegisterDecline {};
struct RegisterMarketing { bool yes = false; };
struct RegisterNameKeys { std::string keys; };  // letters, '<' erase, 'C' clear, '=' next
struct RegisterPickName { std::string text; };
struct RegisterPhoneKeys { std::string keys; };  // keypad keys; '=' registers
struct RegisterBack {};
struct RegisterJoinQueue {};
struct RegisterFinish {};
using RegistrationIntent = std::variant<RegisterAgree, RegisterDecline, RegisterMarketing, RegisterNameKeys,
                                        RegisterPickName, RegisterPhoneKeys, RegisterBack, RegisterJoinQueue,
                                        RegisterFinish>;

}  // namespace salon::ui
