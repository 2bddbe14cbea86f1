#pragma once
// What the Settings screen shows (plain data prepared by its desk in app/kiosk) and
// what a person can ask for on it. Each section is offered only to roles allowed
// its action (ManageCatalog, ManageStaff, ManageSettings).
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "app/core/customer.h"
#include "app/ui/settings/settings_import_view.h"

namespace salon::ui {

enum class SettingsSection { Catalog, Staff, Printer, Store, Backup, HeadOffice, Import };

// How the field being edited is typed.
enum class EditKind {
  None,
  Money,     // keypad, integer fen shown as ¥
  Digits,    // keypad (minutes, phone, percent)
  Text,      // on-screen keyboard, pinyin → Chinese when the engine is ready
  Plain,     // on-screen keyboard, letters as typed (codes, addresses, queues)
  Secret,    // keypad, shown as dots, entered twice (PIN)
  Password,  // keyboard, shown as dots, entered twice (backup password)
};

struct SettingsEditor {
  EditKind kind = EditKind::None;
  std::string field;      // "item.price", "staff.name", ...
  std::string label;      // translated: what is being typed
  std::string shown;      // the value so far (dots for secrets)
  std::string letters;    // pinyin typed, not yet a character
  std::vector<std::string> candidates;
  bool again = false;     // a secret's second entry
  std::string hint;       // translated: e.g. the strength rule
};

struct SettingsItemRow {
  std::string code;
  std::string name;
  std::string kindKey;      // "ui.settings.kind.service"
  std::string category;     // translated where known, else as stored
  std::string price;        // ¥88.00, or "-"
  std::string promotion;    // "-10%", "特价 ¥68.00", "买2送1" while a promotion runs
  bool active = true;
};

struct SettingsStaffRow {
  std::string code;
  std::string name;
  std::string roleKey;      // "ui.settings.role.manager"
  std::string department;
  bool active = true;
  bool locked = false;      // too many wrong PINs
  std::string role;         // "manager"
};

// A new catalog item or staff member being put together before it is saved.
struct SettingsDraft {
  bool open = false;
  std::string name;
  std::string kind;         // item: service|product; staff: role name
  std::string category;     // item: category code; staff: department
  std::string price;        // item: ¥ shown
  bool pinSet = false;      // staff: PIN entered twice
};

// A new price typed, shown old → new until the manager confirms it (nothing is saved before).
struct SettingsPriceChange {
  bool open = false;
  std::string item;         // the item's name, verbatim
  std::string from, to;     // "¥88.00", "¥98.00"
};

struct SettingsCategory {
  std::string code;
  std::string label;
};

// Settings → 总部同步: the enrolment and how sync goes, one line each.
struct SettingsHeadOffice {
  bool enrolled = false;
  std::vector<std::string> lines;  // translated
  bool busy = false;               // a round or an enrolment is on its way
  bool mayEnrol = false;           // admin only
};

struct SettingsView {
  CustomerId customer = 0;  // unused: settings are not about a customer
  std::string title;        // translated
  std::vector<SettingsSection> sections;  // offered to this staff member
  SettingsSection section = SettingsSection::Catalog;
  std::string message;      // translated: what the last action did
  bool messageIsError = false;
  std::string confirming;   // the action armed by a first tap ("staff.deactivate")
  SettingsEditor editor;

  // Catalog
  std::vector<SettingsCategory> categories;
  std::string category;     // the category shown ("" = all)
  std::vector<SettingsItemRow> items;
  std::string chosenItem;   // code
  bool promoOpen = false;   // the kinds of promotion are out under the chosen item
  std::vector<std::pair<std::string, std::string>> promoKinds;  // kind, translated
  std::vector<std::string> promotions;  // running or coming, one line each
  std::vector<std::string> tiers;       // member tiers and their discounts, one line each
  SettingsDraft newItem;
  SettingsPriceChange priceChange;

  // Staff
  std::vector<SettingsStaffRow> staff;
  std::string chosenStaff;  // code
  std::vector<std::string> roles;  // role names that may be given
  bool roleOpen = false;           // the chosen member's role buttons are out
  std::string roleDraft;           // the role tapped, waiting for the confirmation
  SettingsDraft newStaff;

  // Printer
  std::string transport;    // tcp, file, serial, cups
  std::string target;       // 192.168.1.50:9100, /dev/usb/lp0, ...
  std::string profile;      // 80mm, 58mm, ...
  std::vector<std::string> profiles;
  std::string savedPrinter; // the URI in force
  bool testing = false;     // a test print is on its way
  std::string testResult;   // translated
  bool testOk = false;

  // Store
  std::string storeName, storeAddress, storePhone, receiptFooter;
  std::string language;     // default language
  std::string theme;        // the look: warm, light, contrast
  std::string autoLockMinutes;

  // Backup
  bool backupPasswordSet = false;
  // The audit chain's head (Settings → 备份): written down, or compared with the Z
  // report and the backups' .head notes, a chain rewritten later contradicts it.
  std::string auditHead;                     // "N:HASH" as `verify --expect-head` takes it; "" before any entry
  std::string auditHeadSeq;                  // N
  std::vector<std::string> auditHeadGroups;  // HASH in groups of four hex digits

  // Head office
  SettingsHeadOffice headOffice;

  // Moving in from another system (settings_import*.cpp)
  SettingsImport moving;
};

// The screen's own intents, applied by its desk.
struct SettingsOpenSection { SettingsSection section = SettingsSection::Catalog; };
// Start typing a field (see SettingsEditor::field).
struct SettingsEdit { std::string field; };
// Keypad or on-screen keyboard keys: characters, '<' erase, 'C' clear, '=' done.
struct SettingsKeys { std::string keys; };
// What a hardware keyboard typed: characters as they are.
struct SettingsTyped {
  std::string chars;
  bool enter = false;
  int backspaces = 0;
};
struct SettingsPick { std::string text; };
struct SettingsCancelEdit {};
// Choose something from a list: what ("item", "staff", "category", "kind",
// "role", "transport", "profile", "language", "item.category") and which.
struct SettingsChoose {
  std::string what;
  std::string value;
};
// A button: "item.toggle", "item.new", "item.save", "staff.new", "staff.save",
// "staff.pin", "staff.unlock", "staff.deactivate", "staff.reactivate",
// "printer.save", "printer.test", "draft.cancel", "hq.sync", "import.list",
// "import.preview", "import.run" (then the manager's PIN), "import.skip_bad",
// "price.confirm", "price.cancel" (a new price shown old → new),
// "import.create_tiers". Choices "import.file" and "import.kind".
struct SettingsAct { std::string action; };
using SettingsIntent = std::variant<SettingsOpenSection, SettingsEdit, SettingsKeys, SettingsTyped, SettingsPick,
                                    SettingsCancelEdit, SettingsChoose, SettingsAct>;

}  // namespace salon::ui
