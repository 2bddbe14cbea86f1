// The staff side of the reports' port: 业绩 and 手工 from the per-day totals,
// 手工 by service for the commission rules and visits from the per-day rows of
// the report_day_totals migration, rebookings, follow-ups,
// the recording clocks and the store settings the figures depend on.
#include "app/core/error.h"
#include "storage/care_store.h"
#include "storage/catalog_store.h"
#include "storage/recording_store.h"
#include "storage/report_book_duties.h"
#include "storage/report_book_store.h"
#include "storage/settings_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

// Rounds a sum of amount × share_bp to fen, half away from zero.
std::int64_t ofShares(std::int64_t sumBp) {
  return sumBp >= 0 ? (sumBp + 5000) / 10000 : -((-sumBp + 5000) / 10000);
}

int minutesOf(const std::optional<std::string>& hhmm, int fallback) {
  int h = 0, m = 0;
  if (!hhmm || std::sscanf(hhmm->c_str(), "%d:%d", &h, &m) != 2 || h < 0 || h > 24 || m < 0 || m > 59) return fallback;
  return h * 60 + m;
}

}  // namespace

std::vector<StaffTakings> SqliteReportBook::staffTakings(const ReportPeriod& p) {
  return guarded([&] {
    std::vector<StaffTakings> out;
    SQLite::Statement q(db_.sql(), "SELECT t.staff, COALESCE(MAX(st.name), t.staff), SUM(t.performance), SUM(t.service),"
                                   " SUM(t.performance <> 0 OR t.service <> 0) FROM staff_day_totals t"
                                   " LEFT JOIN staff st ON st.code = t.staff"
                                   " WHERE t.business_day BETWEEN ?1 AND ?2 GROUP BY t.staff ORDER BY t.staff");
    SQLite::bind(q, formatDate(p.from), formatDate(p.to));
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), sql::money(q.getColumn(2)),
                     sql::money(q.getColumn(3)), q.getColumn(4).getInt()});
    return out;
  });
}

std::vector<StaffServiceWork> SqliteReportBook::staffServiceWork(const ReportPeriod& p) {
  return guarded([&] {
    std::vector<StaffServiceWork> out;
    SQLite::Statement q(db_.sql(), "SELECT staff, item_code, category, SUM(net_bp), SUM(units_bp)"
                                   " FROM report_day_staff_services WHERE business_day BETWEEN ?1 AND ?2"
                                   " GROUP BY staff, item_code, category ORDER BY staff, item_code, category");
    SQLite::bind(q, formatDate(p.from), formatDate(p.to));
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     Money(ofShares(q.getColumn(3).getInt64())), q.getColumn(4).getInt64()});
    return out;
  });
}

std::vector<StaffVisits> SqliteReportBook::staffVisits(const ReportPeriod& p, StoreZone zone) {
  return guarded([&] {
    std::vector<StaffVisits> out;
    // A visit: the staff member performed a service for a known customer that day.
    // Rebooked: an appointment (not cancelled) booked that same local day, starting later.
    SQLite::Statement q(db_.sql(),
                        "WITH v AS (SELECT staff, customer_id AS customer, last_at AS at FROM report_day_visits"
                        " WHERE business_day BETWEEN ?1 AND ?2)"
                        " SELECT staff, COUNT(*), SUM(EXISTS (SELECT 1 FROM appointments a WHERE a.customer_id = v.customer"
                        " AND a.state <> 'cancelled' AND a.start_at > v.at"
                        " AND (a.booked_at + ?3) / 86400000 = (v.at + ?3) / 86400000)) FROM v GROUP BY staff ORDER BY staff");
    SQLite::bind(q, formatDate(p.from), formatDate(p.to), static_cast<std::int64_t>(zone.offsetMinutes) * kMinute);
    while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt()});
    return out;
  });
}

std::vector<CareContact> SqliteReportBook::followUps(Instant from, Instant to) {
  return guarded([&] { return followUpsBetween(db_.sql(), from, to); });
}

// Consumption and services counted per hour where they can be (report_book_duties.h);
// the same figures as storage::recordedItems.
std::vector<RecordedItem> SqliteReportBook::recordedItems(Instant from, Instant to, const RecordingRules& rules,
                                                          Instant now) {
  std::vector<Correction> corrections = recordCorrections(db_);
  std::vector<RecordedItem> out = caseItems(db_, from, to, rules);
  markCorrected(out, corrections);
  for (auto* counted : {&countedConsumption, &countedServiceDuties}) {
    std::vector<RecordedItem> more = counted(db_, from, to, rules, now, corrections);
    out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return out;
}

std::vector<RecordedItem> SqliteReportBook::serviceDetailItems(Instant from, Instant to, const RecordingRules& rules,
                                                               Instant now) {
  return countedServiceDuties(db_, from, to, rules, now, recordCorrections(db_));
}

CommissionRules SqliteReportBook::commissionRules() {
  return guarded([&] {
    CheckoutPolicy policy = readPolicy(db_.sql());
    CommissionRules r;
    r.performanceBp = policy.performanceCommissionBp;
    r.serviceBp = policy.serviceCommissionBp;
    SQLite::Statement q(db_.sql(), "SELECT key, value FROM store_settings WHERE key LIKE 'commission.%'");
    while (q.executeStep()) {
      std::string key = q.getColumn(0).getString(), value = q.getColumn(1).getString();
      long long n = 0;
      if (std::sscanf(value.c_str(), "%lld", &n) != 1 || n < 0) continue;
      if (key.rfind("commission.category.", 0) == 0) r.categoryBp[key.substr(20)] = static_cast<int>(n);
      if (key.rfind("commission.service.", 0) == 0) r.perService[key.substr(19)] = Money(n);
    }
    return r;
  });
}

int SqliteReportBook::openMinutesPerDay() {
  return guarded([&] {
    int open = minutesOf(readSetting(db_.sql(), "appointments.open"), 9 * 60);
    int close = minutesOf(readSetting(db_.sql(), "appointments.close"), 21 * 60);
    return close > open ? close - open : 12 * 60;
  });
}

}  // namespace salon::storage
