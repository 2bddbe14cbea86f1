#pragma once
// The reports' port over SQLite (app/core/report_book.h): sums grouped in SQL
// over the sales, lines, tenders and staff totals of a range of business days,
// through the indexes of migrations 003 and 014_reports.sql.
#include "app/core/report_book.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteReportBook : public ReportBook {
 public:
  explicit SqliteReportBook(Database& db) : db_(db) {}

  SalesLedger salesLedger(const ReportPeriod& p) override;
  std::map<std::string, Money> dailyTotals(const ReportPeriod& p) override;
  std::vector<DaySaleRow> daySales(const CivilDate& day) override;

  std::vector<StaffTakings> staffTakings(const ReportPeriod& p) override;
  std::vector<StaffServiceWork> staffServiceWork(const ReportPeriod& p) override;
  std::vector<StaffVisits> staffVisits(const ReportPeriod& p, StoreZone zone) override;
  std::vector<CareContact> followUps(Instant from, Instant to) override;
  std::vector<RecordedItem> recordedItems(Instant from, Instant to, const RecordingRules& rules, Instant now) override;
  std::vector<RecordedItem> serviceDetailItems(Instant from, Instant to, const RecordingRules& rules,
                                               Instant now) override;
  CommissionRules commissionRules() override;
  int openMinutesPerDay() override;

  std::vector<CustomerVisit> customerVisits(const CivilDate& from, const CivilDate& to) override;
  std::int64_t newCustomers(const ReportPeriod& p) override;
  std::int64_t lapsedCustomers(const CivilDate& asOf, int days) override;
  std::vector<NamedAmount> membersPerTier() override;
  std::vector<CustomerSpend> topCustomers(const ReportPeriod& p, int limit) override;

  LiabilitiesFigures liabilitiesBefore(Instant before) override;
  StoreZone zone() override;

 private:
  Database& db_;
};

}  // namespace salon::storage
