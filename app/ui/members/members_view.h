#pragma once
// What the Members screen shows (plain data prepared by its desk in app/kiosk) and
// what a person can ask for on it.
#include <string>
#include <variant>
#include <vector>

#include "app/core/customer.h"
#include "app/ui/customer_file/customer_file_view.h"

namespace salon::ui {

// A stored-value plan offered for a top-up (储值1000送200).
struct TopUpPlan {
  std::string code;
  std::string name;
  std::string price;  // formatted yuan
};

struct MembersView {
  CustomerId customer = 0;  // whose screen this is (0: nobody chosen yet)
  std::string title;        // translated
  CustomerSearchView search;
  // The member.
  std::string name, memberNo, fileNo, phone, tier;
  std::string points, storedValue, bonus, arrears;  // formatted
  bool member = false;      // has a member number (a card)
  int cardVersion = 0;
  std::string tab = "card"; // card, top_up, packages, points, stored_value
  // Card: reprint keeps the card, reissue replaces it (the old one stops working).
  std::string cardAction;   // "", "reprint", "reissue"
  std::string cardReasonKey;
  std::string printer;      // "" when no printer is set up
  bool printing = false;
  // Top-up.
  std::vector<TopUpPlan> plans;
  std::string amountDigits;  // yuan typed on the keypad
  std::string topUpSummary;  // translated: the plan(s) it buys and the bonus
  std::string tender = "cash";
  bool topUpDone = false;
  // Histories (translated kinds, formatted amounts).
  std::vector<FileLine> packages, pointsHistory, storedValueHistory;
  std::string message;      // translated
  bool messageIsError = false;
};

// The screen's own intents, applied by its desk.
struct MemberSearchKeys { std::string keys; };
struct MemberSearchTyped { std::string text; };
struct OpenMember { CustomerId id = 0; };
struct ShowMemberTab { std::string tab; };
struct ChooseCardAction { std::string action; };  // reprint | reissue
struct CardReason { std::string reasonKey; };
struct ConfirmCard {};
struct AmountKeys { std::string keys; };          // keypad: digits, '<', 'C'
struct PickTopUpPlan { std::string code; };
struct ChooseTopUpTender { std::string tender; };  // cash | card
struct ConfirmTopUp {};
struct NewTopUp {};
struct FindAnotherMember {};
using MembersIntent = std::variant<MemberSearchKeys, MemberSearchTyped, OpenMember, ShowMemberTab, ChooseCardAction,
                                   CardReason, ConfirmCard, AmountKeys, PickTopUpPlan, ChooseTopUpTender,
                                   ConfirmTopUp, NewTopUp, FindAnotherMember>;

}  // namespace salon::ui
