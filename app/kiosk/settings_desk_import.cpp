// Settings → 数据导入: the manager brings members, packages or appointments
// across from another system. Listing the files, the preview and the import
// run on the Reports lane (a large file takes a while); the lane's progress
// callback writes counters the desk reads in tick(), and `done` brings the
// outcome back to the main thread. The import asks for the manager's PIN again.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>

#include "app/core/error.h"
#include "app/core/money.h"
#include "app/core/moving_in.h"
#include "app/core/staff_auth.h"
#include "app/kiosk/settings_desk.h"

namespace salon::kiosk {
namespace {

constexpr std::size_t kBadRowsShown = 20;

ImportKind kindOf(const std::string& kind) {
  if (kind == "packages") return ImportKind::Packages;
  if (kind == "appointments") return ImportKind::Appointments;
  return ImportKind::Members;
}

// USB sticks as desktop Linux mounts them: /media/<user|label>/ and /run/media/<user>/<label>.
std::vector<std::string> stickFolders() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  auto subfolders = [&ec](const fs::path& p) {
    std::vector<fs::path> dirs;
    for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_directory(ec)) dirs.push_back(it->path());
    ec.clear();
    return dirs;
  };
  for (const fs::path& d : subfolders("/media")) {
    out.push_back(d.string());
    for (const fs::path& label : subfolders(d)) out.push_back(label.string());
  }
  for (const fs::path& user : subfolders("/run/media"))
    for (const fs::path& label : subfolders(user)) out.push_back(label.string());
  return out;
}

std::string fileLabel(const std::string& path) {
  std::filesystem::path p(path);
  return p.filename().string() + "  ·  " + p.parent_path().string();
}

std::string line(const Catalog& c, const std::string& key, const std::string& value) {
  return c.text("ui.settings.import." + key) + (c.language() == "en" ? ": " : "：") + value;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Control totals to compare with the old system's own figures before importing.
std::vector<std::string> totalsOf(const Catalog& c, const ImportPreview& p) {
  const ImportTotals& t = p.totals;
  std::vector<std::string> out;
  out.push_back(line(c, "rows", std::to_string(p.rows) + " · " + c.text("ui.settings.import.good") +
                                    std::to_string(p.good) + " · " + c.text("ui.settings.import.bad") +
                                    std::to_string(p.badRows)));
  if (p.kind == ImportKind::Appointments) {
    out.push_back(line(c, "appointments", std::to_string(p.appointments)));
    return out;
  }
  if (p.kind == ImportKind::Members) {
    out.push_back(line(c, "members", std::to_string(t.members)));
    out.push_back(line(c, "stored_value", formatYuan(t.storedValue) + " · " + c.text("ui.settings.import.bonus") +
                                              formatYuan(t.storedValueBonus)));
    out.push_back(line(c, "points", std::to_string(t.points)));
    out.push_back(line(c, "arrears", formatYuan(t.arrears)));
  }
  out.push_back(line(c, "sessions", std::to_string(t.packageSessions) + " · " + formatYuan(t.packageValue)));
  for (const auto& [tier, members] : t.tiers) out.push_back(line(c, "tier", tier + " · " + std::to_string(members)));
  return out;
}

}  // namespace

struct SettingsDesk::ImportRun {
  enum class What { List, Preview, Import } what = What::List;
  ImportKind kind = ImportKind::Members;
  std::string file;
  std::atomic<int> phase{0};  // 0 read, 1 check, 2 write
  std::atomic<std::uint64_t> done{0}, total{0};
  std::uint64_t shownDone = 0;
  std::vector<std::string> files;
  std::optional<ImportPreview> preview;
  std::optional<ImportOutcome> outcome;
  std::string errorCode;
  bool finished = false;

  ImportProgress progress() {
    return [this](const std::string& p, std::uint64_t d, std::uint64_t t) {
      phase = p == "write" ? 2 : p == "check" ? 1 : 0;
      total = t;
      done = d;
    };
  }
};

void SettingsDesk::openImport() {
  importMessage_.clear();
  if (!importRun_) listImportFiles();
}

void SettingsDesk::listImportFiles() {
  if (importRun_) return;
  auto run = std::make_shared<ImportRun>();
  std::vector<std::string> data;
  if (!dataFolder_.empty()) data.push_back(dataFolder_);
  importRun_ = run;
  k_.tasks->run(
      Lane::Reports, "import: list files",
      [run, data](Backroom& b) {
        std::vector<std::string> folders = stickFolders();
        folders.insert(folders.end(), data.begin(), data.end());
        try {
          run->files = b.movingIn().importableFiles(folders);
        } catch (const DomainError& e) {
          run->errorCode = e.code();
        }
      },
      [this, run] { importFinished(run); });
}

bool SettingsDesk::chooseImport(const std::string& what, const std::string& value) {
  if (what != "import.file" && what != "import.kind") return false;
  if (importRun_) return true;  // busy: the choice waits
  if (what == "import.file") importFile_ = value;
  else importKind_ = value == "packages" || value == "appointments" ? value : "members";
  importShown_.reset();  // the preview was another file's or kind's
  importMessage_.clear();
  return true;
}

bool SettingsDesk::importAct(const std::string& action) {
  if (action.rfind("import.", 0) != 0) return false;
  if (action == "import.list") listImportFiles();
  else if (action == "import.preview") previewImport();
  else if (action == "import.skip_bad") importSkipBad_ = !importSkipBad_;
  else if (action == "import.create_tiers") importCreateTiers_ = !importCreateTiers_;
  else if (action == "import.run" && !importRun_ && importShown_ && importShown_->preview) startEdit("import.pin");
  return true;
}

void SettingsDesk::previewImport() {
  if (importRun_ || importFile_.empty()) return;
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ImportBalances, "import", importFile_);
  auto run = std::make_shared<ImportRun>();
  run->what = ImportRun::What::Preview;
  run->kind = kindOf(importKind_);
  run->file = importFile_;
  importRun_ = run;
  importShown_.reset();
  importMessage_.clear();
  k_.tasks->run(
      Lane::Reports, "import: preview",
      [run, me, clock = &k_.clock](Backroom& b) {
        try {
          run->preview = b.movingIn().preview(me, *clock, run->kind, run->file, run->progress());
        } catch (const DomainError& e) {
          run->errorCode = e.code();
        }
      },
      [this, run] { importFinished(run); });
}

// The PIN is checked on the lane (the hash is slow) right before the import.
void SettingsDesk::runImport(const std::string& pin) {
  if (importRun_ || !importShown_ || !importShown_->preview) return;
  const Staff me = *k_.staff;
  Guard(k_.audit, k_.clock).require(me, Action::ImportBalances, "import", importShown_->file);
  auto run = std::make_shared<ImportRun>();
  run->what = ImportRun::What::Import;
  run->kind = importShown_->kind;
  run->file = importShown_->file;
  importRun_ = run;
  importMessage_.clear();
  k_.tasks->run(
      Lane::Reports, "import: run",
      [run, me, pin, skip = importSkipBad_, create = importCreateTiers_, clock = &k_.clock](Backroom& b) {
        try {
          Staff confirmed = StaffAuth(b.staff(), *clock).signIn(me.code, pin, me.code);
          run->outcome = b.movingIn().run(confirmed, *clock, run->kind, run->file, skip, create, run->progress());
        } catch (const DomainError& e) {
          run->errorCode = e.code();
        }
      },
      [this, run] { importFinished(run); });
}

void SettingsDesk::importFinished(const std::shared_ptr<ImportRun>& run) {
  if (run != importRun_) return;  // locked meanwhile: nobody is waiting for it
  importRun_.reset();
  run->finished = true;
  importOk_ = run->errorCode.empty();
  const Catalog& c = k_.catalog;
  if (!importOk_) importMessage_ = c.text("error." + run->errorCode);
  if (run->what == ImportRun::What::List) {
    importFiles_ = run->files;
    std::sort(importFiles_.begin(), importFiles_.end());  // a folder reached two ways lists a file twice
    importFiles_.erase(std::unique(importFiles_.begin(), importFiles_.end()), importFiles_.end());
    if (!importFile_.empty() && std::find(importFiles_.begin(), importFiles_.end(), importFile_) == importFiles_.end())
      importFile_.clear(), importShown_.reset();
  } else if (run->what == ImportRun::What::Preview && importOk_) {
    importShown_ = run;
  } else if (run->what == ImportRun::What::Import && importOk_) {
    importMessage_ = c.text("ui.settings.import.done") + std::to_string(run->outcome->imported) + " · " +
                     c.text("ui.settings.import.id") + run->outcome->importId;
    if (importShown_ && importShown_->preview) importShown_->preview->earlierImport = run->outcome->importId;
  }
  if (k_.staff && k_.view.screen == ui::Screen::Settings) refresh();
}

void SettingsDesk::fillImport() {
  ui::SettingsImport& v = k_.view.settings.moving;
  const Catalog& c = k_.catalog;
  v = {};
  v.kind = importKind_;
  v.file = importFile_;
  for (const std::string& f : importFiles_) v.files.push_back({f, fileLabel(f)});
  v.skipBad = importSkipBad_;
  v.createTiers = importCreateTiers_;
  v.result = importMessage_;
  v.resultOk = importOk_;
  v.busy = importRun_ != nullptr;
  if (importRun_ && importRun_->what != ImportRun::What::List) {
    const std::uint64_t done = importRun_->done, total = importRun_->total;
    v.fraction = total ? static_cast<float>(done) / static_cast<float>(total) : 0.0f;
    v.progress = c.text("ui.settings.import.phase." + std::to_string(importRun_->phase.load())) + " " +
                 std::to_string(total ? done * 100 / total : 0) + "%";
  }
  if (!importShown_ || !importShown_->preview) return;
  const ImportPreview& p = *importShown_->preview;
  v.previewed = true;
  v.totals = totalsOf(c, p);
  for (std::size_t i = 0; i < p.bad.size() && i < kBadRowsShown; ++i)
    v.bad.push_back(std::to_string(p.bad[i].line) + ": " + p.bad[i].code + ": " + p.bad[i].detail);
  if (p.badRows > v.bad.size())
    v.badMore = c.text("ui.settings.import.more_bad") + std::to_string(p.badRows - v.bad.size());
  if (!p.unknownTiers.empty()) v.warnings.push_back(line(c, "unknown_tiers", joined(p.unknownTiers)));
  if (!p.unknownItems.empty()) v.warnings.push_back(line(c, "unknown_items", joined(p.unknownItems)));
  if (!p.earlierImport.empty()) v.warnings.push_back(line(c, "earlier", p.earlierImport));
  // Unknown tiers may be created and bad rows skipped when asked to.
  v.importable = p.earlierImport.empty() && p.unknownItems.empty() && p.good > 0 &&
                 (p.unknownTiers.empty() || importCreateTiers_) && (p.badRows == 0 || importSkipBad_);
}

bool SettingsDesk::tick() {
  if (!importRun_ || importRun_->done == importRun_->shownDone) return false;
  importRun_->shownDone = importRun_->done;
  if (k_.view.screen != ui::Screen::Settings || section_ != ui::SettingsSection::Import) return false;
  refresh();
  return true;
}

}  // namespace salon::kiosk
