#pragma once
// Behind the Settings screen: the catalog and its prices, staff and their PINs,
// the receipt printer (with a test print through the real transport), the
// store's details and the backup password. Every section needs its permission
// (ManageCatalog, ManageStaff, ManageSettings) and every change is audited through
// the same store calls the CLI uses.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/pinyin.h"
#include "app/core/staff.h"
#include "app/core/member_card_tickets.h"
#include "app/core/receipt.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/sync_desk.h"
#include "app/kiosk/text_entry.h"
#include "app/ui/settings/settings_view.h"

namespace salon::kiosk {

// The test page's sample sale: this store's details, no customer, member or balances.
Receipt testPageReceipt(Backroom& room, Instant now, StoreZone zone);

class SettingsDesk : public Desk {
 public:
  explicit SettingsDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::SettingsIntent& intent);
  bool offered() const override;
  void locked() override;
  void languageChanged() override;
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) override;
  // The test page's bytes (wired by the composition root; null: no printing).
  void setCardTickets(MemberCardTickets* tickets) { tickets_ = tickets; }
  // Settings → 总部同步 (the controller's sync desk).
  void setHeadOffice(SyncDesk* sync) { sync_ = sync; }
  // An enrolment code scanned while Settings is shown enrols the store.
  std::optional<bool> scanned(const std::string& payload) override;
  // Names and addresses are typed in pinyin once the engine is ready.
  // Settings → 数据导入 looks for CSV files here besides USB sticks (the
  // database's folder, wired by the composition root).
  void setDataFolder(const std::string& dir) { dataFolder_ = dir; }
  // An import's progress, read from its lane while it runs.
  bool tick() override;

  // The setting key holding the receipt printer's URI (tcp://host:port?profile=58mm).
  static constexpr const char* kPrinterSetting = "printer.receipt";

 private:
  struct Editing {
    ui::EditKind kind = ui::EditKind::None;
    std::string field;
    KeyEntry entry{KeyEntry::Kind::Free, 0};  // typed so far (the real secret, never shown) and pinyin
    std::string value;    // what was typed, when it is finished
    std::string first;    // a secret's first entry
  };

  bool allowed(Action a) const;
  bool allowed(ui::SettingsSection s) const;
  void refresh();
  void fillCatalog();
  void fillStaff();
  void fillPrinter();
  void fillStore();
  void fillAuditHead();
  void fillEditor();
  // What the last action did; `subject` (an item, a person) leads the sentence.
  void done(const std::string& messageKey, const std::string& subject = "");
  void failed(const std::string& code);

  void on(const ui::SettingsOpenSection& i);
  void on(const ui::SettingsEdit& i);
  void on(const ui::SettingsKeys& i);
  void on(const ui::SettingsTyped& i);
  void on(const ui::SettingsPick& i);
  void on(const ui::SettingsCancelEdit&);
  void on(const ui::SettingsChoose& i);
  void on(const ui::SettingsAct& i);

  void startEdit(const std::string& field);
  void finishEdit();
  void commit(const std::string& field, const std::string& value);
  void commitSecret(const std::string& field, const std::string& value);

  // Catalog (settings_desk_catalog.cpp)
  void changePrice(const std::string& code, std::int64_t fen);
  // A price typed in yuan ("98", "19.8"): parsed as a decimal into fen and shown
  // old → new; saved only by "price.confirm".
  void proposePrice(const std::string& code, const std::string& yuan);
  bool priceAct(const std::string& action);
  void fillPriceChange();
  void toggleItem(const std::string& code);
  void saveNewItem();
  // A percentage off one item from now for `days` store days (set up before it starts).
  void choosePromotionKind(const std::string& kind);
  void commitPromotion(const std::string& field, const std::string& value);
  void takePromotionFigure(const std::string& field, const std::string& value);
  void addPromotion(const std::string& code, int days);
  // Staff (settings_desk_staff.cpp)
  void saveNewStaff();
  void setPin(const std::string& code, const std::string& pin);
  void unlock(const std::string& code);
  void setActive(const std::string& code, bool active);
  void setRole(const std::string& code, const std::string& role);
  // Printer and store (settings_desk_store.cpp)
  std::string printerUri() const;
  void loadPrinter(const std::string& saved);
  void savePrinter();
  void testPrint();
  void testFinished(const std::string& uri, PrintJobState state, const std::string& reason);
  void saveSetting(const std::string& key, const std::string& value);
  void saveBackupPassword(const std::string& password);

  ui::SettingsSection section_ = ui::SettingsSection::Catalog;
  Editing edit_;
  std::string messageKey_, messageSubject_, errorCode_, confirming_;
  std::string category_, chosenItem_, chosenStaff_;
  struct ItemDraft {
    bool open = false;
    std::string name, kind = "service", category;
    std::int64_t fen = -1;
  } item_;
  struct StaffDraft {
    bool open = false;
    std::string name, role = "cashier", department, pin;
  } staff_;
  struct RoleChange {
    bool open = false;
    std::string to;  // tapped, not yet confirmed
  } role_;
  struct PrinterDraft {
    bool loaded = false;
    std::string transport = "tcp", target, profile = "80mm";
  } printer_;
  struct PriceChange {
    std::string code;
    std::int64_t fen = -1;  // -1: nothing waits for confirmation
  } price_;
  struct PromotionDraft {
    bool open = false;  // the kinds are out under the chosen item
    std::string kind;   // percent_off, fixed_price, member_price, buy_get_free
    int percent = 0, buy = 0, free = 0;
    std::int64_t fen = 0;
  } promo_;
  int testAttempt_ = 0;
  std::string testJob_, testUri_;  // the test page on the spool, and where it went
  MemberCardTickets* tickets_ = nullptr;
  SyncDesk* sync_ = nullptr;
  // Moving in (settings_desk_import.cpp)
  struct ImportRun;
  void openImport();
  bool chooseImport(const std::string& what, const std::string& value);
  bool importAct(const std::string& action);
  void listImportFiles();
  void previewImport();
  void runImport(const std::string& pin);
  void importFinished(const std::shared_ptr<ImportRun>& run);
  void fillImport();
  std::string dataFolder_;
  std::shared_ptr<ImportRun> importRun_;  // the listing, preview or import on its way
  std::shared_ptr<ImportRun> importShown_;  // the last one finished
  std::vector<std::string> importFiles_;
  std::string importFile_, importKind_ = "members", importMessage_;
  bool importSkipBad_ = false, importCreateTiers_ = false, importOk_ = false;
  bool testing_ = false;
  std::string testResult_;
  bool testOk_ = false;
};

}  // namespace salon::kiosk
