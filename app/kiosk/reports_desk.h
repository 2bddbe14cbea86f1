#pragma once
// The owner's Reports screen (manager, finance, admin: report.business): the
// figures of app/core/report_* for a period, worked out off the frame on the
// Reports lane (its own connection) while the screen says it is computing; a
// tapped day's bar reads that day's sales; tables export to CSV onto a USB stick
// when one is mounted, else into the data folder (<db dir>/exports/); the
// summary prints through the shared spool.
// Every reading is audited (report.view), as on the command line.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/report_compliance.h"
#include "app/core/report_customers.h"
#include "app/core/report_sales.h"
#include "app/core/report_staff.h"
#include "app/core/report_summary.h"
#include "app/kiosk/desk.h"
#include "app/ui/reports/reports_view.h"

namespace salon::kiosk {

// What one reading of one tab found (the previous period's figures too, for ±).
struct ReportFigures {
  ReportPeriod period;
  std::optional<SalesReport> sales;
  std::optional<StaffReport> staff, staffBefore;
  std::optional<CustomersReport> customers, customersBefore;
  std::optional<LiabilitiesReport> liabilities;
  std::optional<RecordKeepingReport> records;
};

class ReportsDesk : public Desk {
 public:
  explicit ReportsDesk(DeskContext& k) : Desk(k) {}
  // Exports go to <dir>/exports/ (the folder the database is in).
  void setDataFolder(const std::string& dir) { dataFolder_ = dir; }
  // Where removable drives are mounted (<root>/<user>/<label>): while one is, it
  // is the export target (<drive>/exports/), else the data folder. Tests set a
  // temporary folder as the "stick".
  void setRemovableRoots(std::vector<std::string> roots) { removableRoots_ = std::move(roots); }
  void setReportTickets(ReportTickets* tickets) { tickets_ = tickets; }

  void open(CustomerId customer) override;
  void apply(const ui::ReportsIntent& intent);
  bool offered() const override;
  void languageChanged() override { show(); }
  void locked() override;
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) override;

  const ReportPeriod& period() const { return period_; }
  // The last export's file ("" before one was written).
  const std::string& lastExport() const { return lastExport_; }

 private:
  void on(const ui::ReportsShowTab& i);
  void on(const ui::ReportsPickPeriod& i);
  void on(const ui::ReportsRangeKeys& i);
  void on(const ui::ReportsRangeField& i);
  void on(const ui::ReportsRangeCancel&);
  void on(const ui::ReportsTapBar& i);
  void on(const ui::ReportsCloseDrill&);
  void on(const ui::ReportsExport& i);
  void on(const ui::ReportsPrint&);

  void compute();
  void computed(const std::shared_ptr<ReportFigures>& figures, const std::string& problem);
  void drillInto(const CivilDate& day);
  void said(const std::string& text, bool error);
  // reports_desk_view.cpp: the view model from the figures of the tab shown.
  void show();
  void fillSales(const SalesReport& r);
  void fillStaff(const StaffReport& r, const StaffReport* before);
  void fillCustomers(const CustomersReport& r, const CustomersReport* before);
  void fillLiabilities(const LiabilitiesReport& r);
  void fillRecords(const RecordKeepingReport& r);
  ReportTable dayTable(const CivilDate& day, const std::vector<DaySaleRow>& rows) const;
  // reports_desk_files.cpp: the summary's lines for the tab shown.
  ReportSummary summary() const;

  std::string dataFolder_;
  std::vector<std::string> removableRoots_ = {"/media", "/run/media"};
  ReportTickets* tickets_ = nullptr;
  ui::ReportsTab tab_ = ui::ReportsTab::Sales;
  ui::ReportsPeriod choice_ = ui::ReportsPeriod::Today;
  ReportPeriod period_;
  // The figures read for the current period, by tab (a tab read once is not read again).
  std::map<ui::ReportsTab, std::shared_ptr<const ReportFigures>> figures_;
  int reading_ = 0;  // a result for an older reading (period or tab changed, locked) is dropped
  TaskId task_ = 0;
  bool computing_ = false;
  std::optional<CivilDate> drillDay_;
  std::vector<DaySaleRow> drillRows_;
  std::string printJob_;
  std::string lastExport_;
};

}  // namespace salon::kiosk
