#pragma once
// What the CustomerFile screen shows (plain data prepared by its desk in app/kiosk) and
// what a person can ask for on it.
#include <string>
#include <variant>
#include <vector>

#include "app/core/customer.h"

namespace salon::ui {

// A customer found by the search (phone masked: the list is not the file).
struct FoundCustomer {
  CustomerId id = 0;
  std::string fileNo;
  std::string memberNo;
  std::string name;
  std::string maskedPhone;
};

// Finding a customer by phone, name, pinyin initials or card number.
struct CustomerSearchView {
  std::string query;
  bool searched = false;
  std::vector<FoundCustomer> found;
  // Browsing every file a page at a time (the file screen, nothing typed): the
  // order ("pinyin", "strokes", "created", "skin"; "" when not browsing), the
  // page from 0, and whether another page follows.
  std::string browseOrder;
  int browsePage = 0;
  bool browseMore = false;
  // Nobody here: head office asked (issue 18). "" not asked; "asking"; "found" (brought
  // in from another store); else why not (hq_unreachable, hq_file_unknown, ...).
  std::string chain;
};

// One field of the open tab: the value verbatim, or masked for this role.
struct FileField {
  std::string key;          // "allergies", "phone"
  std::string labelKey;     // "ui.file.field.allergies"
  std::string value;        // what is shown (already masked when `masked`)
  bool masked = false;
  bool declined = false;    // the customer declined to give it
  bool editable = false;    // a change may be asked for
  std::string pending;      // a change waiting for approval: the new value ("" none)
};

// A record line: a visit, a consumption, a pet, a package.
struct FileLine {
  std::string when;
  std::string title;
  std::string detail;
};

enum class FileStage { Search, Purpose, Waiting, Open };

// Asking for a field to change: the new value and a reason, then a supervisor decides.
struct FileEdit {
  std::string field;        // "" when not editing
  std::string labelKey;
  std::string oldValue;
  std::string newValue;
  std::vector<std::string> choices;  // a choice field: the values to pick from
  std::string reasonKey;    // "ui.file.reason.customer_asked"
  std::string letters;      // pinyin being composed (the engine is ready)
  std::vector<std::string> candidates;
};

struct CustomerFileView {
  CustomerId customer = 0;  // whose screen this is (0: nobody chosen yet)
  std::string title;        // translated
  FileStage stage = FileStage::Search;
  CustomerSearchView search;
  // The file's header (shown from the purpose question on).
  std::string name, fileNo, memberNo, phone, statusKey;
  // The purposes offered (codes; label "ui.file.purpose.<code>") and whether each is routine.
  std::vector<std::string> purposes;
  std::vector<bool> routine;
  std::string purpose;      // the purpose the file was opened for
  std::vector<std::string> tabs;  // "basic", "health", "skin", "care", "visits", "pets", "membership"
  std::string tab;
  std::vector<FileField> fields;
  std::vector<FileLine> lines;
  std::string linesTitleKey;  // heading over `lines` ("" none)
  std::vector<FileLine> moreLines;
  std::string moreTitleKey;
  FileEdit edit;
  std::string message;      // translated: a refusal, "sent for approval", ...
  bool messageIsError = false;
};

// The screen's own intents, applied by its desk.
struct FileSearchKeys { std::string keys; };          // on-screen keyboard: letters/digits, '<', 'C'
struct FileSearchTyped { std::string text; };         // a hardware keyboard, an IME, a card reader
struct OpenFoundCustomer { CustomerId id = 0; };
struct ChoosePurpose { std::string purpose; };
struct CheckApproval {};                              // the query request may have been decided
struct ShowFileTab { std::string tab; };
struct StartFieldEdit { std::string field; };
struct EditKeys { std::string keys; };                // on-screen keyboard into the new value
struct EditTyped { std::string text; };
struct EditChoice { std::string value; };
struct EditReason { std::string reasonKey; };
struct SubmitFieldEdit {};
struct CancelFieldEdit {};
struct FindAnotherCustomer {};
struct BrowseFiles {  // a page of every file in an order
  std::string order;
  int page = 0;
};
using CustomerFileIntent =
    std::variant<FileSearchKeys, FileSearchTyped, OpenFoundCustomer, ChoosePurpose, CheckApproval, ShowFileTab,
                 StartFieldEdit, EditKeys, EditTyped, EditChoice, EditReason, SubmitFieldEdit, CancelFieldEdit,
                 FindAnotherCustomer, BrowseFiles>;

}  // namespace salon::ui
