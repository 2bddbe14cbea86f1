// The Reports screen's exports (CSV onto a mounted USB stick, else into
// <data folder>/exports/, written on the Reports lane) and its one-page summary
// (ESC/POS made on the Devices lane, printed through the shared spool).
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/core/error.h"
#include "app/core/store_settings.h"
#include "app/kiosk/reports_desk.h"
#include "app/kiosk/reports_format.h"

namespace salon::kiosk {
namespace {

constexpr const char* kPrinterSetting = "printer.receipt";  // the receipt printer's URI

const ReportTable* findTable(const ui::ReportsView& v, const std::string& key) {
  if (v.drilling && v.drill.key == key) return &v.drill;
  for (const ReportTable& t : v.tables)
    if (t.key == key) return &t;
  return nullptr;
}

// Writes the file whole or not at all (a half-written export is removed).
void writeCsv(const std::filesystem::path& file, const std::string& csv) {
  std::filesystem::create_directories(file.parent_path());
  const std::filesystem::path part = file.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out << csv;
    out.close();
    if (!out) throw DomainError("export_failed", file.string());
  }
  std::filesystem::rename(part, file);
}

// The first removable drive mounted under one of `roots` (<root>/<user>/<label>,
// as desktop automounters do), by path; empty when there is none.
std::filesystem::path firstStick(const std::vector<std::string>& roots) {
  std::vector<std::filesystem::path> found;
  std::error_code ec;
  for (const std::string& root : roots)
    for (std::filesystem::directory_iterator user(root, ec), end; !ec && user != end; user.increment(ec))
      if (std::error_code in; user->is_directory(in))
        for (std::filesystem::directory_iterator drive(user->path(), in); !in && drive != end; drive.increment(in))
          if (drive->is_directory(in)) found.push_back(drive->path());
  std::sort(found.begin(), found.end());
  return found.empty() ? std::filesystem::path() : found.front();
}

}  // namespace

void ReportsDesk::on(const ui::ReportsExport& i) {
  const ReportTable* table = findTable(k_.view.reports, i.table);
  if (!table) return;
  const std::filesystem::path stick = firstStick(removableRoots_);
  if (dataFolder_.empty() && stick.empty()) return said(k_.catalog.text("reports.export_no_folder"), true);
  ReportPeriod p = period_;
  if (table->key == "day_sales" && drillDay_) p = {*drillDay_, *drillDay_};
  const std::filesystem::path file =
      (stick.empty() ? std::filesystem::path(dataFolder_) : stick) / "exports" / reportCsvName(*table, p);
  const std::string saying = stick.empty() ? "reports.exported" : "reports.exported_stick";
  auto csv = std::make_shared<std::string>(reportCsv(*table));
  auto problem = std::make_shared<std::string>();
  const std::string staff = k_.staff ? k_.staff->code : "";
  const Instant now = k_.clock.now();
  const std::string key = table->key;
  k_.tasks->run(
      Lane::Reports, "report export",
      [csv, problem, file, staff, now, key](Backroom& b) {
        try {
          writeCsv(file, *csv);
          b.audit().append(auditOf(now, staff, "report.export", "report", key, file.filename().string()));
        } catch (const std::exception&) {
          *problem = "export_failed";
        }
      },
      [this, problem, file, saying] {
        if (!problem->empty()) return said(k_.catalog.text("reports.export_failed"), true);
        lastExport_ = file.string();
        said(k_.catalog.text(saying) + " " + file.string(), false);
      });
}

void ReportsDesk::on(const ui::ReportsPrint&) {
  ui::ReportsView& v = k_.view.reports;
  if (v.printing || computing_ || !figures_.count(tab_)) return;
  if (!tickets_ || !k_.spool) return said(k_.catalog.text("reports.print_failed") + k_.catalog.text("error.printer_unreachable"), true);
  v.printing = true;
  auto job = std::make_shared<PrintJob>();
  auto problem = std::make_shared<std::string>();
  ReportTickets* tickets = tickets_;
  const ReportSummary s = summary();
  k_.tasks->run(
      Lane::Devices, "report summary",
      [job, problem, tickets, s](Backroom& b) {
        try {
          const std::string uri = b.settings().setting(kPrinterSetting).value_or("");
          job->kind = "report";
          job->title = s.title;
          job->printer = uri;
          job->bytes = tickets->summary(s, uri);
        } catch (const DomainError& e) {
          *problem = e.code();
        }
      },
      [this, job, problem] {
        if (!problem->empty()) {
          k_.view.reports.printing = false;
          return said(k_.catalog.text("reports.print_failed") + k_.catalog.text("error." + *problem), true);
        }
        printJob_ = k_.spool->submit(*job);
        said(k_.catalog.text("reports.printing"), false);
      });
}

void ReportsDesk::printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
  if (jobId.empty() || jobId != printJob_) return;
  printJob_.clear();
  k_.view.reports.printing = false;
  if (state == PrintJobState::Printed) return said(k_.catalog.text("reports.printed"), false);
  said(k_.catalog.text("reports.print_failed") + k_.catalog.text("error." + reason.substr(0, reason.find(':'))), true);
}

// The summary says what the tab's headline figures say, then the first table's
// first rows (the top of each list), in the current language.
ReportSummary ReportsDesk::summary() const {
  const ui::ReportsView& v = k_.view.reports;
  const Catalog& c = k_.catalog;
  ReportSummary s;
  s.storeName = k_.view.status.storeName;
  s.title = c.text("reports.title") + " · " + c.text(std::string("reports.tab.") +
            (tab_ == ui::ReportsTab::Sales ? "sales" : tab_ == ui::ReportsTab::Staff ? "staff"
             : tab_ == ui::ReportsTab::Customers ? "customers" : tab_ == ui::ReportsTab::Liabilities ? "liabilities"
             : "record_keeping"));
  // Plain ASCII between the dates: a receipt printer's font has no en dash.
  auto range = [](const ReportPeriod& p) {
    return p.from == p.to ? formatDate(p.from) : formatDate(p.from) + " ~ " + formatDate(p.to);
  };
  s.period = range(period_);
  s.printedAt = c.text("reports.printed_at") + " " + formatLocalDateTime(k_.clock.now(), k_.zone) + " " +
                (k_.staff ? k_.staff->name : "");
  for (const ui::ReportFigure& f : v.figures)
    s.lines.push_back({f.label, f.value + (f.change.empty() ? "" : " (" + f.change + ")")});
  if (!v.compareLabel.empty()) s.lines.push_back({c.text("reports.compare_with") + " " + range(previousPeriod(period_)), ""});
  // Sales: the top services and the payment mix (the days are on the screen);
  // the other tabs: their one table.
  std::vector<std::size_t> printed{0};
  if (tab_ == ui::ReportsTab::Sales) printed = {1, 2};
  constexpr std::size_t kRowsPrinted = 10;
  for (std::size_t i : printed) {
    if (i >= v.tables.size()) continue;
    const ReportTable& t = v.tables[i];
    s.lines.push_back({t.title, ""});
    for (std::size_t r = 0; r < t.rows.size() && r < kRowsPrinted; ++r) {
      const auto& row = t.rows[r];
      if (row.empty()) continue;
      const ReportCell* shown = &row.back();  // the row's first amount, else its last cell
      for (const ReportCell& cell : row)
        if (cell.amount) {
          shown = &cell;
          break;
        }
      s.lines.push_back({row.front().text, shown->amount ? formatYuan(*shown->amount) : shown->text});
    }
  }
  return s;
}

}  // namespace salon::kiosk
