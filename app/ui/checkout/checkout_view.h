#pragma once
// What the Checkout screen shows (plain data prepared by its desk in app/kiosk) and
// what a person can ask for on it. Amounts are already formatted ("128.00");
// database texts (names) are verbatim, labels are keys the screen translates.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/core/customer.h"
#include "app/ui/member_figures_view.h"

namespace salon::ui {

// The customer bar: who pays, and what they hold with the salon.
struct CheckoutCustomerBar {
  std::string name;          // "" for a walk-in
  std::string memberNo;
  std::string tier;          // the tier's name ("银卡"), "" for a non-member
  std::string points;        // "1200"
  std::string storedValue;   // "856.00"
  std::string arrears;       // "0.00"
  bool hasArrears = false;
  bool suspended = false;    // arrears suspend services and benefits
  std::vector<std::string> packages;  // "补水护理10次卡 ×8"
  std::string alert;         // allergies / illnesses / medication ("" when none)
  bool alertAcknowledged = false;
  std::string fileNo;        // the customer's file number (the avatar's colour)
  // Head office turned this member's offline overdraws into arrears (issue 18):
  // what of them is still owed ("600.00"; "" when none).
  std::string overdraw;
  // A member's figures (head office's or the store's own, issue 18); when shown
  // they replace points, stored value, packages and arrears above on the bar.
  MemberFiguresView figures{};
};

struct CheckoutTile {
  std::string code;
  std::string name;
  std::string price;  // "88.00"
};

struct CheckoutCategory {
  std::string key;  // ui.checkout.cat.hair
  std::vector<CheckoutTile> tiles;
};

struct CheckoutLine {
  int id = 0;               // stable while the sale is open
  std::string name;
  int qty = 1;
  std::string staffName;    // "" while nobody is chosen
  bool service = false;
  std::string gross;        // unit price × qty
  std::string benefitKey;   // ui.checkout.benefit.tier ("" when none)
  std::string discount;     // the line's benefit + manual discount ("" when none)
  std::string net;          // what the line costs
  std::string finishedAt;   // "14:05" once 服务完成 was tapped for it ("" before)
};

struct CheckoutStaffChoice {
  std::string code;
  std::string name;
};

// A payment entered on the tender screen.
struct CheckoutTenderRow {
  std::string typeKey;  // ui.checkout.tender.cash
  std::string amount;
  std::string ref;      // payment reference, package name
};

// A way to pay, offered on the tender screen (stored value only with a customer, ...).
struct CheckoutTenderOption {
  std::string type;   // cash, card, wechat, alipay, stored_value, points, arrears
  std::string note;   // "856.00" left, "1200" points
};

struct CheckoutPackageOption {
  std::string id;
  std::string label;  // "补水护理10次卡 ×8"
};

struct CheckoutFoundCustomer {
  CustomerId id = 0;
  std::string name;
  std::string maskedPhone;
};

// 经理授权 (issue 18): head office cannot be reached and the member's offline
// allowance is spent; a manager's PIN lets this one sale through. The store-wide
// and per-sale caps and "offline too long" are never offered.
struct CheckoutApprovalView {
  bool offered = false;    // the refusal a PIN lifts: 经理授权 is shown
  bool open = false;       // choosing a manager, then typing their PIN
  std::string left;        // what is left of the member's offline allowance ("120.00")
  std::vector<CheckoutStaffChoice> managers;  // who may approve (the CLI's Guard action)
  std::string managerCode, managerName;       // chosen ("" while choosing)
  int pinDigits = 0;
  bool checking = false;   // the PIN lane is checking
  std::string message;     // translated: a wrong PIN, not a manager
};

enum class CheckoutStage { Cart, Tender, Settled };
// What the keypad types into on the cart side.
enum class CheckoutEntry { None, FindMember, Discount, OpeningFloat, BackEntry };

// 补录 (issue 15): the ticket is entered after the service was really finished.
// Times are "14:05" in the store's zone; reasons are keys the screen translates.
struct CheckoutBackEntryView {
  bool active = false;      // the ticket is a back-entry: the banner says when and why
  std::string at;           // when the service was finished
  std::string reasonKey;    // ui.checkout.back_entry.reason.forgot
  bool late = false;        // the consumption record will be counted late (over 10 minutes)
  // The editor (entry == BackEntry), before 确定.
  int choice = -1;          // the time chip chosen (0-3: minutes ago, 4: earlier today), -1 none
  std::string draftAt;      // the chosen time ("" none)
  bool draftLate = false;
  std::string draftReason;  // the chosen reason's code ("" none)
  bool typing = false;      // the keypad types the time of day
  std::string typed;        // "14:0" as typed so far
  std::string earliest;     // the open day opened at (nothing earlier is taken)
};
// The time chips of the editor: minutes before now; the last chip types the time of day.
inline constexpr int kBackEntryMinutes[4] = {15, 30, 60, 120};
inline constexpr const char* kBackEntryReasons[3] = {"forgot", "system_down", "customer_left"};

// A ticket put aside (挂单), shown as a chip to take it back.
struct CheckoutParkedRow {
  std::string name;   // the customer's name, "" for a walk-in
  std::string total;  // "1,393.40"
  int lines = 0;
};

struct CheckoutView {
  CustomerId customer = 0;  // whose screen this is (0: walk-in)
  CheckoutStage stage = CheckoutStage::Cart;
  std::string message;      // translated: a refusal, a hint, the print outcome
  bool messageIsError = false;
  CheckoutCustomerBar bar;
  bool dayOpen = true;      // no sale is posted before the business day is opened (开班)
  std::vector<CheckoutParkedRow> parked;  // tickets put aside, oldest first

  // Cart side.
  CheckoutEntry entry = CheckoutEntry::None;
  std::string entryText;    // digits or amount typed on the keypad
  std::vector<CheckoutFoundCustomer> found;
  std::vector<CheckoutCategory> categories;
  int category = 0;
  std::vector<CheckoutLine> lines;
  int askingStaffFor = 0;   // a line id: the staff chooser is open for it
  std::vector<CheckoutStaffChoice> staffChoices;
  std::string undoName;     // the line just removed, undoable ("" when none)
  bool mayDiscount = false;
  bool mayFinishServices = false;  // 服务完成 is the performers' and managers' to tap
  std::string orderDiscount;  // "" when none
  std::string gross, benefits, discounts, rounding, total;
  bool hasRounding = false;
  CheckoutBackEntryView backEntry;  // 补录: the banner over the totals, the editor on the left

  // Tender side.
  std::string saleId;       // made when the tender screen opens; every retry reuses it
  std::string amountEntry;  // keypad amount (yuan)
  std::vector<std::string> quickCash;  // "88.00" exact, "90", "100", "200"
  std::vector<CheckoutTenderOption> tenderOptions;
  std::vector<CheckoutPackageOption> packageOptions;
  std::vector<CheckoutTenderRow> tenders;
  std::string paid, remaining, change;
  bool fullyPaid = false;
  std::string paymentRef;   // a scanned WeChat / Alipay payment code
  // The customer scanned the store's own QR code: the keypad types the end of the
  // transaction number instead of an amount, and 微信 / 支付宝 take it as the ref.
  bool staticQr = false;
  std::string staticQrDigits;
  CheckoutApprovalView approval;

  // Settled.
  std::string saleNo;
  std::string settledTotal;
  std::string receiptText;  // the receipt as printed, while the picture is made
  std::uintptr_t receiptTexture = 0;  // the virtual printer's picture, uploaded (0: none)
  int receiptWidth = 0, receiptHeight = 0;
  bool printing = false;
  int prints = 0;           // receipts sent to the printer for this sale
  std::string settledAt;    // a back-entry's completion time ("" for a sale made now)
  bool settledLate = false; // the back-entry was counted late
};

// The screen's own intents, applied by its desk.
struct CheckoutAcknowledgeAlert {};
struct CheckoutFindMember {};            // open the keypad to find a member by phone
struct CheckoutEntryKeys { std::string keys; };  // keypad keys for the open entry
struct CheckoutScanned { std::string payload; };  // a card (cart side) or payment code (tender side)
struct CheckoutPickCustomer { CustomerId id = 0; };
struct CheckoutStayWalkIn {};
struct CheckoutPickCategory { int index = 0; };
struct CheckoutAddItem { std::string code; };
struct CheckoutAskStaff { int line = 0; };
struct CheckoutChooseStaff { int line = 0; std::string code; };
struct CheckoutRemoveLine { int line = 0; };
struct CheckoutUndoRemove {};
struct CheckoutOpenDiscount {};
struct CheckoutOpenTender {};
struct CheckoutBackToCart {};
struct CheckoutAmountKeys { std::string keys; };
struct CheckoutStaticQr {};  // the customer paid by scanning the store's QR code (again: back to amounts)
struct CheckoutQuickCash { std::string amount; };  // "100" yuan, or "88.00"
struct CheckoutAddTender { std::string type; };     // cash, card, wechat, ...
struct CheckoutUsePackage { std::string id; };
struct CheckoutRemoveTender { int index = 0; };
struct CheckoutSettle {};
struct CheckoutPrint {};
struct CheckoutNewSale {};
struct CheckoutOpenDay {};  // 开班: the keypad asks for the opening float
struct CheckoutPark {};     // 挂单: put this ticket aside and start a new one
struct CheckoutResume { int index = 0; };  // take a ticket put aside back
struct CheckoutFinishService { int line = 0; };  // 服务完成: the line's service ended now
struct CheckoutAskApproval {};                    // 经理授权: open the manager's PIN entry
struct CheckoutChooseApprover { std::string code; };
struct CheckoutApprovalKeys { std::string keys; };  // the manager's PIN ("=": check it)
struct CheckoutCancelApproval {};
struct CheckoutOpenBackEntry {};                    // 补录: the editor in the catalog's place
struct CheckoutBackEntryTime { int choice = 0; };   // a time chip (kBackEntryMinutes; 4: earlier today)
struct CheckoutBackEntryKeys { std::string keys; }; // the time of day on the keypad ("=": take it)
struct CheckoutBackEntryReason { std::string code; };  // kBackEntryReasons
struct CheckoutApplyBackEntry {};                   // 确定: the ticket is a back-entry
struct CheckoutCancelBackEntry {};                  // 取消补录: a sale made now again
using CheckoutIntent =
    std::variant<CheckoutAcknowledgeAlert, CheckoutFindMember, CheckoutEntryKeys, CheckoutScanned, CheckoutPickCustomer,
                 CheckoutStayWalkIn, CheckoutPickCategory, CheckoutAddItem, CheckoutAskStaff, CheckoutChooseStaff,
                 CheckoutRemoveLine, CheckoutUndoRemove, CheckoutOpenDiscount, CheckoutOpenTender, CheckoutBackToCart,
                 CheckoutAmountKeys, CheckoutQuickCash, CheckoutAddTender, CheckoutUsePackage, CheckoutRemoveTender,
                 CheckoutSettle, CheckoutPrint, CheckoutNewSale, CheckoutOpenDay, CheckoutPark, CheckoutResume,
                 CheckoutFinishService, CheckoutStaticQr, CheckoutAskApproval, CheckoutChooseApprover,
                 CheckoutApprovalKeys, CheckoutCancelApproval, CheckoutOpenBackEntry, CheckoutBackEntryTime,
                 CheckoutBackEntryKeys, CheckoutBackEntryReason, CheckoutApplyBackEntry, CheckoutCancelBackEntry>;

}  // namespace salon::ui
