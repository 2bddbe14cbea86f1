#include "storage/report_book_duties.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "app/core/error.h"
#include "app/core/service_record.h"
#include "storage/catalog_store.h"
#include "storage/recording_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

constexpr std::int64_t kTapBeforeSettlement = 12 * kHour;  // as serviceDuties pairs a tap with its line
constexpr std::int64_t kDetailsAfter = 31 * kDay;           // as addServices reads the details

// The settled services of sales not voided, as storage::settledServices lists them.
const char* const kSettled =
    "SELECT s.id, l.line_no, s.customer_id, l.item_code, ls.staff, s.completed_at, ls.pos FROM sales s"
    " JOIN sale_lines l ON l.sale_id = s.id JOIN sale_line_staff ls ON ls.sale_id = s.id AND ls.line_no = l.line_no"
    " WHERE s.kind = 'sale' AND l.kind = 'service' AND s.completed_at >= ?1 AND s.completed_at < ?2"
    " AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = s.id AND v.kind = 'void')";

struct RawDuty {
  SettledService s;
  int pos = 0;
};

// The span read: settlements in [start, to), the clock's length, the boundaries
// its counts must not straddle.
struct Span {
  Instant start = 0, to = 0;
  std::int64_t length = 0;
  std::vector<Instant> settledCuts, dueCuts;  // sorted
};

// Some boundary strictly inside [lo, hi)?
bool cuts(const std::vector<Instant>& bounds, Instant lo, Instant hi) {
  auto it = std::upper_bound(bounds.begin(), bounds.end(), lo);
  return it != bounds.end() && *it < hi;
}

// An hour whose services do not all fall on one side of every boundary
// (settled in the span or not; due before from, to, now, a local midnight or not).
bool ragged(const Span& s, std::int64_t hour) {
  Instant lo = hour * kHour;
  return cuts(s.settledCuts, lo, lo + kHour) || cuts(s.dueCuts, lo + s.length, lo + kHour + s.length);
}

Span spanOf(SQLite::Database& db, Instant from, Instant to, const RecordingRules& rules, Instant now) {
  Span s;
  s.start = from - kDay;
  s.to = to;
  s.length = rules.serviceDetails;
  s.settledCuts = {s.start, to};
  s.dueCuts = {from, to, now};
  StoreZone zone = readZone(db);
  std::int64_t first = daysFromCivil(localDate(s.start + s.length, zone)) - 1;
  std::int64_t last = daysFromCivil(localDate(to + s.length, zone)) + 1;
  for (std::int64_t d = first; d <= last; ++d) s.dueCuts.push_back(startOfLocalDay(civilFromDays(d), zone));
  std::sort(s.settledCuts.begin(), s.settledCuts.end());
  std::sort(s.dueCuts.begin(), s.dueCuts.end());
  return s;
}

// The sale ids a "sale:<sale>:<line>:<staff>" service id may name: every cut at a
// ':', so that a code with a ':' in it still finds its sale (one too many is harmless).
void addSalesNamed(const std::string& serviceId, std::set<std::string>& out) {
  if (serviceId.rfind("sale:", 0) != 0) return;
  for (auto p = serviceId.find(':', 5); p != std::string::npos; p = serviceId.find(':', p + 1))
    out.insert(serviceId.substr(5, p - 5));
}

// Sales with a service line a tap of the span may have ended (same customer,
// item and staff, tapped at most 12 hours before the settlement).
void addTappedSales(SQLite::Database& db, const Span& s, std::set<std::string>& out) {
  SQLite::Statement q(db, "SELECT DISTINCT s.id FROM service_endings e JOIN sales s ON s.customer_id IS e.customer_id"
                          " AND s.completed_at >= e.ended_at AND s.completed_at <= e.ended_at + ?3"
                          " JOIN sale_lines l ON l.sale_id = s.id AND l.item_code = e.item"
                          " JOIN sale_line_staff ls ON ls.sale_id = s.id AND ls.line_no = l.line_no AND ls.staff = e.staff"
                          " WHERE e.ended_at >= ?1 - ?3 AND e.ended_at < ?2 AND s.kind = 'sale' AND l.kind = 'service'"
                          " AND s.completed_at >= ?1 AND s.completed_at < ?2");
  SQLite::bind(q, s.start, s.to, kTapBeforeSettlement);
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
}

// The details recorded for the span's services (as addServices reads them); the
// sales they name are read raw.
std::map<std::string, Instant> detailsOf(SQLite::Database& db, const Span& s, std::set<std::string>& sales) {
  std::map<std::string, Instant> out;
  SQLite::Statement q(db, "SELECT service_id, recorded_at FROM service_details WHERE ended_at >= ? AND ended_at < ?");
  SQLite::bind(q, s.start - kTapBeforeSettlement, s.to + kDetailsAfter);
  while (q.executeStep()) {
    std::string id = q.getColumn(0).getString();
    addSalesNamed(id, sales);
    out[std::move(id)] = q.getColumn(1).getInt64();
  }
  return out;
}

void readRaw(SQLite::Statement& q, std::map<std::tuple<std::string, int, int>, RawDuty>& out) {
  while (q.executeStep()) {
    RawDuty d{{q.getColumn(0).getString(), q.getColumn(1).getInt(), sql::optionalInt(q.getColumn(2)),
               q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getInt64()},
              q.getColumn(6).getInt()};
    out.emplace(std::make_tuple(d.s.saleId, d.s.lineNo, d.pos), std::move(d));
  }
  q.reset();
}

// The services of the raw sales and of the ragged hours, in settledServices' order.
std::vector<RawDuty> rawDuties(SQLite::Database& db, const Span& s, const std::set<std::string>& sales,
                               const std::set<std::int64_t>& raggedHours) {
  std::map<std::tuple<std::string, int, int>, RawDuty> found;
  SQLite::Statement bySale(db, std::string(kSettled) + " AND s.id = ?3");
  for (const std::string& id : sales) {
    SQLite::bind(bySale, s.start, s.to, id);
    readRaw(bySale, found);
  }
  SQLite::Statement byTime(db, kSettled);
  for (std::int64_t h : raggedHours) {
    SQLite::bind(byTime, std::max(s.start, h * kHour), std::min(s.to, (h + 1) * kHour));
    readRaw(byTime, found);
  }
  std::vector<RawDuty> out;
  out.reserve(found.size());
  for (auto& [key, d] : found) out.push_back(std::move(d));
  std::sort(out.begin(), out.end(), [](const RawDuty& a, const RawDuty& b) {
    return std::tie(a.s.completedAt, a.s.saleId, a.s.lineNo, a.pos) <
           std::tie(b.s.completedAt, b.s.saleId, b.s.lineNo, b.pos);
  });
  return out;
}

// The per-hour counts of the span; the hours a boundary cuts are left out (and listed).
std::map<std::pair<std::int64_t, std::string>, std::int64_t> hourCounts(SQLite::Database& db, const Span& s,
                                                                        std::set<std::int64_t>& raggedHours) {
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> out;
  SQLite::Statement q(db, "SELECT hour, staff, duties FROM report_hour_service_duties WHERE hour BETWEEN ? AND ?");
  SQLite::bind(q, s.start / kHour, (s.to - 1) / kHour);
  while (q.executeStep()) {
    std::int64_t h = q.getColumn(0).getInt64();
    if (ragged(s, h)) raggedHours.insert(h);
    else out[{h, q.getColumn(1).getString()}] = q.getColumn(2).getInt64();
  }
  return out;
}

}  // namespace

std::vector<RecordedItem> countedServiceDuties(Database& db, Instant from, Instant to, const RecordingRules& rules,
                                               Instant now, const std::vector<Correction>& corrections) {
  return guarded([&] {
    SQLite::Database& sql = db.sql();
    Span span = spanOf(sql, from, to, rules, now);
    std::set<std::string> rawSales;
    addTappedSales(sql, span, rawSales);
    std::map<std::string, Instant> recorded = detailsOf(sql, span, rawSales);
    for (const Correction& c : corrections)
      if (c.recordType == "service") addSalesNamed(c.recordId, rawSales);
    std::set<std::int64_t> raggedHours;
    auto counts = hourCounts(sql, span, raggedHours);
    std::vector<SettledService> settled;
    for (RawDuty& d : rawDuties(sql, span, rawSales, raggedHours)) {
      std::int64_t h = d.s.completedAt / kHour;
      if (!raggedHours.count(h)) --counts[{h, d.s.staff}];  // judged one by one below, not counted
      settled.push_back(std::move(d.s));
    }
    SqliteServiceRecords services(db);
    std::map<std::string, std::string> departments = services.departments();
    std::vector<RecordedItem> out;
    for (ServiceDuty& d : serviceDuties(services.endings(span.start - kTapBeforeSettlement, to), settled, recorded,
                                        departments, rules))
      out.push_back({std::move(d.deadline), false});
    markCorrected(out, corrections);
    for (const auto& [key, n] : counts) {
      if (n < 0) throw DomainError("db_corrupt", "report_hour_service_duties is out of step with the sales (verify)");
      if (n == 0) continue;
      auto dept = departments.find(key.second);
      RecordedItem item{startDeadline(RecordingClock::ServiceDetails, rules, key.first * kHour, "service", "",
                                      key.second, dept == departments.end() ? "" : dept->second),
                        false};
      item.count = static_cast<int>(n);
      out.push_back(std::move(item));
    }
    return out;
  });
}

}  // namespace salon::storage

namespace salon::storage {
namespace {

// The consumption records of sales, with the window addConsumption reads.
const char* const kConsumption =
    "SELECT c.sale_id, c.completed_at, c.recorded_at, s.cashier FROM consumption_records c JOIN sales s ON s.id = c.sale_id"
    " WHERE s.kind = 'sale' AND ((c.completed_at >= ?1 AND c.completed_at < ?2) OR (c.recorded_at >= ?3 AND c.recorded_at < ?4))";

struct ConsumptionSpan {
  Instant start = 0, from = 0, to = 0;
  std::int64_t length = 0;
  StoreZone zone;
  // A local midnight strictly inside (lo, hi)?
  bool midnightInside(Instant lo, Instant hi) const {
    return startOfLocalDay(civilFromDays(daysFromCivil(localDate(lo, zone)) + 1), zone) < hi;
  }
};

struct Group {
  std::int64_t hour = 0, delay = 0;
  std::string cashier;
  bool operator<(const Group& o) const { return std::tie(hour, cashier, delay) < std::tie(o.hour, o.cashier, o.delay); }
};

// Whether a group's records fall alike: read by the span or not, due and recorded
// in the span or not, on one local day each.
bool alike(const ConsumptionSpan& s, const Group& g) {
  Instant lo = g.hour * kHour, hi = lo + kHour, rlo = lo + g.delay, rhi = hi + g.delay;
  std::vector<Instant> settled{s.start, s.to}, spanEnds{s.from, s.to};
  return !cuts(settled, lo, hi) && !cuts(spanEnds, rlo, rhi) && !cuts(spanEnds, lo + s.length, hi + s.length) &&
         !s.midnightInside(lo + s.length, hi + s.length) && !s.midnightInside(rlo, rhi);
}

bool read(const ConsumptionSpan& s, const Group& g) {
  Instant lo = g.hour * kHour, hi = lo + kHour;
  return (lo < s.to && hi > s.start) || (lo + g.delay < s.to && hi + g.delay > s.from);
}

void readConsumption(SQLite::Statement& q, std::map<std::string, std::tuple<Instant, Instant, std::string>>& out) {
  while (q.executeStep())
    out[q.getColumn(0).getString()] = {q.getColumn(1).getInt64(), q.getColumn(2).getInt64(), q.getColumn(3).getString()};
  q.reset();
}

}  // namespace

std::vector<RecordedItem> countedConsumption(Database& db, Instant from, Instant to, const RecordingRules& rules,
                                             Instant /*now*/, const std::vector<Correction>& corrections) {
  return guarded([&] {
    SQLite::Database& sql = db.sql();
    ConsumptionSpan span{from - kDay, from, to, rules.consumption, readZone(sql)};
    std::map<Group, std::int64_t> counts;
    std::set<std::int64_t> raggedHours;
    SQLite::Statement q(sql, "SELECT hour, cashier, delay, records FROM report_hour_consumption"
                             " WHERE hour BETWEEN ?1 AND ?2 OR (delay <> 0 AND hour <= ?2)");
    SQLite::bind(q, span.start / kHour, (to - 1) / kHour);
    while (q.executeStep()) {
      Group g{q.getColumn(0).getInt64(), q.getColumn(2).getInt64(), q.getColumn(1).getString()};
      if (!alike(span, g)) raggedHours.insert(g.hour);
      else if (read(span, g)) counts[g] = q.getColumn(3).getInt64();
    }
    for (auto it = counts.begin(); it != counts.end();) it = raggedHours.count(it->first.hour) ? counts.erase(it) : ++it;
    // The raw records: the ragged hours' and those of the sales a correction names.
    std::map<std::string, std::tuple<Instant, Instant, std::string>> raw;
    SQLite::Statement byTime(sql, std::string(kConsumption) + " AND c.completed_at >= ?5 AND c.completed_at < ?6");
    for (std::int64_t h : raggedHours) {
      SQLite::bind(byTime, span.start, to, from, to, h * kHour, (h + 1) * kHour);
      readConsumption(byTime, raw);
    }
    SQLite::Statement bySale(sql, std::string(kConsumption) + " AND c.sale_id = ?5");
    for (const Correction& c : corrections) {
      if (c.recordType != "sale") continue;
      std::map<std::string, std::tuple<Instant, Instant, std::string>> one;
      SQLite::bind(bySale, span.start, to, from, to, c.recordId);
      readConsumption(bySale, one);
      for (auto& [id, r] : one) {
        Group g{std::get<0>(r) / kHour, std::get<1>(r) - std::get<0>(r), std::get<2>(r)};
        if (!raggedHours.count(g.hour) && !raw.count(id)) --counts[g];  // judged one by one below
        raw.emplace(id, r);
      }
    }
    std::map<std::string, std::string> departments = SqliteServiceRecords(db).departments();
    auto departmentOf = [&](const std::string& staff) {
      auto d = departments.find(staff);
      return d == departments.end() ? std::string() : d->second;
    };
    std::vector<RecordedItem> out;
    for (const auto& [id, r] : raw) {
      const auto& [completed, recorded, cashier] = r;
      RecordedItem item{startDeadline(RecordingClock::Consumption, rules, completed, "sale", id, cashier,
                                      departmentOf(cashier)), false};
      item.deadline.doneAt = recorded;
      out.push_back(std::move(item));
    }
    markCorrected(out, corrections);
    for (const auto& [g, n] : counts) {
      if (n < 0) throw DomainError("db_corrupt", "report_hour_consumption is out of step with the records (verify)");
      if (n == 0) continue;
      RecordedItem item{startDeadline(RecordingClock::Consumption, rules, g.hour * kHour, "sale", "", g.cashier,
                                      departmentOf(g.cashier)), false};
      item.deadline.doneAt = g.hour * kHour + g.delay;
      item.count = static_cast<int>(n);
      out.push_back(std::move(item));
    }
    return out;
  });
}

}  // namespace salon::storage
