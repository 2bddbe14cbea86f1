#pragma once
// The port the reports read the books through (storage/report_book_store.h
// implements it over SQLite with indexes that fit each question). It answers
// with sums and short lists, never with every sale, so a year's report stays a
// few thousand rows; the figures themselves are worked out in core
// (report_sales.h, report_staff.h, report_customers.h, report_compliance.h).
#include <map>
#include <string>
#include <vector>

#include "app/core/care_contact.h"
#include "app/core/compliance.h"
#include "app/core/customer.h"
#include "app/core/money.h"
#include "app/core/report_period.h"

namespace salon {

struct NamedAmount {
  std::string key, name;  // category / item code / tender type, and its display name
  Money amount;
  std::int64_t count = 0;  // entries, units sold, sessions or points, as the list says
};

// A void or a refund: who made it, who approved it and why.
struct ReversalEntry {
  std::string id, kind, reverses, businessDay, cashier, approvedBy, reason;
  Instant at = 0;
  Money total;  // negative: money given back
};

// Sales, voids and refunds of a period (arrears settlements are money owed
// coming in, not sales, and are left out), net of reversals.
struct SalesLedger {
  std::map<std::string, Money> byDay;  // business day → total
  std::int64_t sales = 0, voids = 0, refunds = 0;
  std::vector<NamedAmount> byCategory;  // every category, count = units
  std::vector<NamedAmount> byService;   // every service, largest first, count = units
  std::vector<NamedAmount> byTender;    // count: package sessions / points for those tenders
  Money benefits, lineDiscounts, orderDiscount;
  std::vector<ReversalEntry> reversals;  // oldest first
};

// 业绩 and 手工 kept per staff member and day (staff_day_totals).
struct StaffTakings {
  std::string staff, name;
  Money performance, service;
  int daysWorked = 0;  // business days with any 业绩 or 手工
};
// 手工 of one staff member on one service, by line shares: value and units x 10000.
struct StaffServiceWork {
  std::string staff, item, category;
  Money service;
  std::int64_t unitsBp = 0;
};
// Visits (customer × day) where the staff member performed a service; rebooked:
// the customer booked their next appointment that same day.
struct StaffVisits {
  std::string staff;
  int visits = 0, rebooked = 0;
};

// The store's commission rules (store settings "commission.*"): a percentage of
// 手工 per category, or a fixed amount per service performed, else the store's
// default percentage; plus a percentage of 业绩.
struct CommissionRules {
  int performanceBp = 300;
  int serviceBp = 1000;
  std::map<std::string, int> categoryBp;   // "commission.category.<category>" = bp
  std::map<std::string, Money> perService;  // "commission.service.<item>" = fen per service
};

struct CustomerVisit {
  CustomerId customer = 0;
  std::int64_t day = 0;  // daysFromCivil of the business day
};
struct CustomerSpend {
  CustomerId customer = 0;
  std::string fileNo, name;
  Money spend;
  int visits = 0;
};

struct LiabilitiesFigures {
  Money svPrincipal, svBonus, packageValue, arrears;
  std::int64_t points = 0, packageSessions = 0, members = 0;
};

// One entry of a business day, for the drill-down from a day's bar: a sale, a
// void or a refund (arrears settlements are left out, as in the sales ledger).
struct DaySaleRow {
  std::string id, kind, cashier, customer, reason;
  std::string items;    // the lines' names, "、"-joined
  std::string tenders;  // the tender types, ","-joined
  Instant at = 0;
  Money total;          // negative for a void or refund
};

class ReportBook {
 public:
  virtual ~ReportBook() = default;
  virtual SalesLedger salesLedger(const ReportPeriod& p) = 0;
  virtual std::map<std::string, Money> dailyTotals(const ReportPeriod& p) = 0;
  // Every entry of one business day, oldest first.
  virtual std::vector<DaySaleRow> daySales(const CivilDate& day) = 0;

  virtual std::vector<StaffTakings> staffTakings(const ReportPeriod& p) = 0;
  virtual std::vector<StaffServiceWork> staffServiceWork(const ReportPeriod& p) = 0;
  virtual std::vector<StaffVisits> staffVisits(const ReportPeriod& p, StoreZone zone) = 0;
  virtual std::vector<CareContact> followUps(Instant from, Instant to) = 0;
  // The records with a recording clock of [from, to) as computeCompliance counts
  // them at `now`; alike records may come as one item with a count.
  virtual std::vector<RecordedItem> recordedItems(Instant from, Instant to, const RecordingRules& rules,
                                                  Instant now) = 0;
  // recordedItems of the service details' clock only.
  virtual std::vector<RecordedItem> serviceDetailItems(Instant from, Instant to, const RecordingRules& rules,
                                                       Instant now) = 0;
  virtual CommissionRules commissionRules() = 0;
  virtual int openMinutesPerDay() = 0;  // the store's opening hours ("appointments.open/close")

  // Distinct (customer, day) with a sale in [from, to], sorted by customer then day.
  virtual std::vector<CustomerVisit> customerVisits(const CivilDate& from, const CivilDate& to) = 0;
  // Customers whose first sale ever falls in the period.
  virtual std::int64_t newCustomers(const ReportPeriod& p) = 0;
  // Customers who came before and not in the `days` days up to the end of `asOf`.
  virtual std::int64_t lapsedCustomers(const CivilDate& asOf, int days) = 0;
  virtual std::vector<NamedAmount> membersPerTier() = 0;
  virtual std::vector<CustomerSpend> topCustomers(const ReportPeriod& p, int limit) = 0;

  virtual LiabilitiesFigures liabilitiesBefore(Instant before) = 0;
  virtual StoreZone zone() = 0;
};

}  // namespace salon
