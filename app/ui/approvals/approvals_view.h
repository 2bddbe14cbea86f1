#pragma once
// What the Approvals screen shows (plain data prepared by its desk in app/kiosk) and
// what a person can ask for on it: the recording clocks due for the signed-in staff
// member (service details within 30 minutes, disputes within 24 hours, complaints
// by the store's deadline) and, for supervisors and managers, the inbox of files,
// changes, queries and loans waiting for a decision.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/core/clock.h"
#include "app/core/customer.h"

namespace salon::ui {

// One thing with a recording clock running.
struct DueRow {
  std::string kind;      // "service", "dispute", "complaint"
  std::string id;        // service id, dispute id, complaint id
  CustomerId customer = 0;
  std::string customerName;  // verbatim ("" when the sale had no customer)
  std::string what;      // item name, the objection, the complaint (verbatim)
  std::string staff;     // who owes it (name)
  Instant dueAt = 0;
  std::string countdown; // "5 分钟" / "逾期 5 分钟", translated, redone by tick()
  bool overdue = false;
};

// One decision waiting in the inbox.
struct InboxRow {
  std::string kind;     // "file", "change", "query", "loan", "loan_out", "dispute", "complaint"
  std::string id;       // record id (customer id for a file)
  CustomerId customer = 0;
  std::string customerName;  // verbatim
  std::string headline; // translated: "新档案待审核 F000123"
  std::string detail;   // "电话: 138… → 139…  原因: …" (database texts verbatim)
  std::string when;     // "11-22 14:05" when it was asked / due date
  bool overdue = false;
  bool needsCustomer = false;  // a contact change the customer has not confirmed yet
  bool own = false;            // asked for (or registered) by the signed-in staff: someone else decides
  std::string decided;         // translated ("已处理") once decided here: the row stays, its buttons go
};

enum class ApprovalsTab { Due, Inbox };

// The small form for a service's details (item, duration, effect notes, feedback).
struct DetailsForm {
  bool open = false;
  std::string serviceId;
  std::string item, customerName;  // verbatim
  std::string countdown;           // translated
  bool overdue = false;
  int minutes = 60;
  std::string effect, feedback;
  int field = 0;                   // the text field typed into: 0 effect, 1 feedback
};

// Notes for a decision (return a file, reject a change, report a loan problem,
// a dispute's or complaint's outcome): typed on the on-screen keyboard or chosen
// from common reasons.
struct NotesForm {
  bool open = false;
  std::string kind, id, verb;   // what the notes are for: ("file", "12", "return")
  std::string title;            // translated
  std::vector<std::string> reasons;  // translated common reasons
  std::string text;
  // A complaint's resolution also needs its cause, an upheld dispute the
  // reversing entry that corrected the data: a second field.
  bool twoFields = false;
  std::string secondLabel;  // translated
  std::string second;
  int field = 0;            // typed into: 0 text, 1 second
  bool choiceOnly = false;  // one of the reasons, nothing typed (a satisfaction score): no keyboard
};

struct ApprovalsView {
  CustomerId customer = 0;  // whose screen this is (0: nobody chosen yet)
  std::string title;        // translated
  ApprovalsTab tab = ApprovalsTab::Due;
  bool mayReview = false;   // the inbox tab is shown
  std::vector<DueRow> due;
  std::vector<InboxRow> inbox;
  int inboxTotal = 0;       // waiting in all, on every page
  int inboxPage = 0;        // the page shown (0-based) of inboxPages
  int inboxPages = 1;
  std::string message;      // translated: what just happened, or why it was refused
  bool messageIsError = false;
  DetailsForm details;
  NotesForm notes;
  // The keyboard's pinyin state (shared by both forms).
  std::string letters;
  std::vector<std::string> candidates;
  // The home screen's "due soon" rows (kept here too so their texts reach the font book).
  std::vector<DueRow> dueSoon;
};

// The screen's own intents, applied by its desk.
struct ApprovalsRefresh {};  // read again what the screen shows
struct ApprovalsShowTab { ApprovalsTab tab = ApprovalsTab::Due; };
struct ApprovalsOpenDue { std::string kind, id; };        // tap on a due row
struct ApprovalsDecide { std::string kind, id, verb; };   // approve, return, reject, lend, refuse, ok, problem, outcome
struct ApprovalsFormKeys { std::string keys; };           // keyboard keys ('<' erase, 'C' clear, '=' close)
struct ApprovalsFormPick { std::string text; };           // a candidate or a common reason
struct ApprovalsFormField { int field = 0; };             // which text field is typed into
struct ApprovalsFormMinutes { int delta = 0; };           // duration − / +
struct ApprovalsFormSubmit {};
struct ApprovalsFormCancel {};
struct ApprovalsInboxPage { int delta = 0; };             // the previous (-1) or next (+1) page
struct ApprovalsOpenRow { std::string kind, id; };        // see the customer's file before deciding
using ApprovalsIntent = std::variant<ApprovalsRefresh, ApprovalsShowTab, ApprovalsOpenDue, ApprovalsDecide,
                                     ApprovalsFormKeys, ApprovalsFormPick, ApprovalsFormField, ApprovalsFormMinutes,
                                     ApprovalsFormSubmit, ApprovalsFormCancel, ApprovalsInboxPage, ApprovalsOpenRow>;

}  // namespace salon::ui
