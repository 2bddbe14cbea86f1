// The service details' and consumption records' clocks counted per hour
// (report_hour_service_duties, report_hour_consumption, kept by triggers;
// storage/report_book_duties.cpp) against judging every record one by one
// (storage::recordedItems, what `compliance` prints): the same figures over
// random sales across a local midnight and a month end, with taps (some paired,
// some not), details on time and late, consumption records at settlement, early
// and entered days later, voids (one sale voided twice), upheld disputes and
// approved changes naming services and sales, for several spans, "now"s and
// clock lengths; the per-hour table against its recomputation, its migration on
// a database that already has sales, and `verify` naming an hour edited by hand.
#include <catch2/catch.hpp>

#include <random>
#include <regex>

#include "app/core/compliance.h"
#include "storage/migrations.h"
#include "storage/recording_store.h"
#include "storage/report_book_store.h"
#include "storage/sql.h"
#include "storage/verify.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::test;

namespace {

const StoreZone kZone{480};
const Instant kJune1 = startOfLocalDay({2026, 6, 1}, kZone);  // a local midnight and a month's start
const char* const kStaff[] = {"b0", "b1", "b2"};
const char* const kItems[] = {"S0", "S1", "P0"};

struct DutiesDb {
  TempDir dir;
  std::unique_ptr<storage::Database> db = storage::Database::open(dir.file("salon.db"));
  std::mt19937 rng{19};
  std::vector<std::tuple<std::string, int, std::string, Instant, std::optional<int>, std::string>> lines;

  void exec(const std::string& sql) { db->sql().exec(sql); }

  DutiesDb() {
    exec("INSERT INTO staff (code, name, role, department, pin_hash, active, created_at) VALUES"
         " ('b0', 'b0', 'beautician', '美容部', 'x', 1, 0), ('b1', 'b1', 'beautician', '美发部', 'x', 1, 0),"
         " ('b2', 'b2', 'beautician', '', 'x', 1, 0)");
    exec("INSERT INTO catalog_items (code, name, kind, category, duration_minutes, updated_at) VALUES"
         " ('S0', 'S0', 'service', 'hair', 60, 0), ('S1', 'S1', 'service', 'face', 60, 0),"
         " ('P0', 'P0', 'product', 'product', 0, 0)");
    for (int i = 1; i <= 4; ++i)
      exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by) VALUES (" +
           std::to_string(i) + ", 'F" + std::to_string(i) + "', 'c', '1380000000" + std::to_string(i) +
           "', 'in_force', 0, 'b0')");
    for (const char* d : {"2026-05-30", "2026-05-31", "2026-06-01", "2026-06-02"})
      exec(std::string("INSERT INTO business_days (date, opened_at, opened_by, closed_at, closed_by) VALUES ('") + d +
           "', 0, 'b0', 1, 'b0')");
  }

  int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }

  void sale(const std::string& id, Instant at, bool plain = false) {
    std::optional<int> customer;
    if (pick(5)) customer = 1 + pick(4);
    SQLite::Statement s(db->sql(),
                        "INSERT INTO sales (id, kind, business_day, completed_at, recorded_at, cashier, customer_id,"
                        " gross, benefits, line_discounts, order_discount, subtotal, tax, tax_inclusive, rounding, total,"
                        " change_given, points_earned, reason, approved_by, fingerprint, points_after,"
                        " sv_principal_after, sv_bonus_after, arrears_after)"
                        " VALUES (?, 'sale', ?, ?, ?, 'b0', ?, 100, 0, 0, 0, 100, 0, 1, 0, 100, 0, 0, '', '', 'f', 0, 0, 0, 0)");
    SQLite::bind(s, id, formatDate(localDate(at, kZone)), at, at);
    if (customer) s.bind(5, *customer); else s.bind(5);
    s.exec();
    // Its consumption record: nearly always at settlement, some entered later (back-entries) or early.
    std::int64_t delay = plain || pick(4) ? 0 : pick(3) == 0 ? pick(3 * 24 * 60) * kMinute + pick(60000) : pick(30) * kMinute - kMinute;
    exec("INSERT INTO consumption_records (sale_id, customer_id, completed_at, recorded_at, items, amount, payment)"
         " VALUES ('" + id + "', NULL, " + std::to_string(at) + ", " + std::to_string(at + delay) + ", '', 100, '')");
    if (!plain && pick(15) == 0)
      exec("INSERT INTO disputes (id, customer_id, record_type, record_id, objection, opened_by, opened_at, due_at,"
           " state, correction_ref) VALUES ('ds" + id + "', 1, 'sale', '" + id + "', 'x', 'b0', " + std::to_string(at) +
           ", " + std::to_string(at + kDay) + ", 'upheld', 'r')");
    int n = 1 + pick(2);
    for (int l = 1; l <= n; ++l) {
      std::string item = kItems[pick(3)];
      SQLite::Statement q(db->sql(), "INSERT INTO sale_lines (sale_id, line_no, item_code, name, category, kind, qty,"
                                     " unit_price, gross, benefit, benefit_amount, manual_discount, adjustment, net)"
                                     " VALUES (?, ?, ?, ?, 'hair', ?, 1, 50, 50, '', 0, 0, 0, 50)");
      SQLite::bind(q, id, l, item, item, item[0] == 'S' ? "service" : "product");
      q.exec();
      int shares = 1 + pick(2), first = pick(3);
      for (int p = 1; p <= shares; ++p) {
        std::string staff = kStaff[(first + p) % 3];
        SQLite::Statement x(db->sql(), "INSERT INTO sale_line_staff (sale_id, line_no, pos, staff, share_bp) VALUES (?, ?, ?, ?, 5000)");
        SQLite::bind(x, id, l, p, staff);
        x.exec();
        lines.emplace_back(id, l, staff, at, customer, item);
      }
    }
  }

  void voidOf(const std::string& sale, const std::string& id, Instant at) {
    exec("INSERT INTO sales (id, kind, reverses, business_day, completed_at, recorded_at, cashier, gross, benefits,"
         " line_discounts, order_discount, subtotal, tax, tax_inclusive, rounding, total, change_given, points_earned,"
         " reason, approved_by, fingerprint, points_after, sv_principal_after, sv_bonus_after, arrears_after) VALUES ('" +
         id + "', 'void', '" + sale + "', '" + formatDate(localDate(at, kZone)) + "', " + std::to_string(at) + ", " +
         std::to_string(at) + ", 'b0', -100, 0, 0, 0, -100, 0, 1, 0, -100, 0, 0, 'x', 'b0', 'f', 0, 0, 0, 0)");
  }

  void tap(const std::string& id, std::optional<int> customer, const std::string& item, const std::string& staff,
           Instant at) {
    SQLite::Statement q(db->sql(), "INSERT INTO service_endings (id, customer_id, item, staff, ended_at, ended_by)"
                                   " VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, id);
    if (customer) q.bind(2, *customer); else q.bind(2);
    q.bind(3, item);
    q.bind(4, staff);
    q.bind(5, static_cast<std::int64_t>(at));
    q.bind(6, staff);
    q.exec();
  }

  void details(const std::string& service, const std::string& staff, Instant ended, Instant recorded) {
    SQLite::Statement q(db->sql(), "INSERT OR IGNORE INTO service_details (service_id, staff, item, ended_at,"
                                   " recorded_at, duration_min, effect) VALUES (?, ?, 'S0', ?, ?, 30, 'ok')");
    SQLite::bind(q, service, staff, ended, recorded);
    q.exec();
  }

  // Four days of sales around 2026-06-01 00:00 local, with what happens to them.
  void busyDays() {
    for (int i = 0; i < 400; ++i) {
      Instant at = kJune1 - 2 * kDay + static_cast<Instant>(rng() % static_cast<unsigned>(4 * kDay / kMinute)) * kMinute;
      if (i % 40 == 0) at = kJune1 - 40 * kMinute + pick(39) * kMinute;  // due across midnight and the month's end
      sale("s" + std::to_string(i), at);
      if (pick(12) == 0) voidOf("s" + std::to_string(i), "v" + std::to_string(i), at + 5 * kMinute);
      if (i == 7) voidOf("s7", "v7b", at + 9 * kMinute);  // voided twice
    }
    int n = 0;
    for (const auto& [sale, line, staff, at, customer, item] : lines) {
      std::string id = "sale:" + sale + ":" + std::to_string(line) + ":" + staff;
      switch (pick(8)) {
        case 0: tap("t" + std::to_string(++n), customer, item, staff, at - pick(14 * 60) * kMinute); break;
        case 1: details(id, staff, at, at + pick(60) * kMinute); break;
        case 2: details(id, staff, at, at + pick(3 * 24 * 60) * kMinute); break;
        case 3: {
          std::string t = "t" + std::to_string(++n);
          tap(t, customer, item, staff, at - pick(60) * kMinute);
          details(t, staff, at, at + pick(90) * kMinute);
          break;
        }
        case 4:
          exec("INSERT INTO disputes (id, customer_id, record_type, record_id, objection, opened_by, opened_at, due_at,"
               " state, correction_ref) VALUES ('d" + std::to_string(++n) + "', 1, 'service', '" + id +
               "', 'x', 'b0', " + std::to_string(at) + ", " + std::to_string(at + kDay) + ", 'upheld', 'r')");
          break;
        case 5:
          exec("INSERT INTO change_requests (id, customer_id, field, old_value, new_value, reason, requested_by,"
               " requested_at, state, corrects_type, corrects_id) VALUES ('c" + std::to_string(++n) +
               "', 1, 'f', 'a', 'b', 'r', 'b0', 0, 'approved', 'service', '" + id + "')");
          break;
        default: break;
      }
    }
    tap("stray", 2, "S1", "b1", kJune1 + 3 * kHour);  // a tap nobody settled
  }
};

std::vector<std::string> rowsOf(const ComplianceReport& r) {
  std::vector<std::string> out;
  for (const ComplianceRow& x : r.rows)
    out.push_back(x.clock + " " + x.groupBy + " " + x.who + " " + x.period + " due " + std::to_string(x.due) +
                  " on time " + std::to_string(x.onTime) + " made " + std::to_string(x.made) + " corrected " +
                  std::to_string(x.corrected));
  return out;
}

std::vector<std::string> rowsOf(storage::Database& db, const std::string& sql) {
  std::vector<std::string> out;
  SQLite::Statement q(db.sql(), sql);
  while (q.executeStep()) {
    std::string row;
    for (int i = 0; i < q.getColumnCount(); ++i) row += (i ? "|" : "") + q.getColumn(i).getString();
    out.push_back(row);
  }
  return out;
}

const char* const kRecomputed =
    "SELECT s.completed_at / 3600000, ls.staff, COUNT(*) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
    " JOIN sale_line_staff ls ON ls.sale_id = s.id AND ls.line_no = l.line_no WHERE s.kind = 'sale'"
    " AND l.kind = 'service' AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.reverses = s.id AND v.kind = 'void')"
    " GROUP BY 1, 2 ORDER BY 1, 2";

std::string dutiesProblem(storage::Database& db) {
  for (const auto& l : storage::verifyDatabase(db).ledgers)
    if (l.name == "report_year_items") return l.ok ? "" : l.problem;
  return "not run";
}

}  // namespace

TEST_CASE("service duties counted per hour: the same figures as judging every service") {
  DutiesDb d;
  d.busyDays();
  CHECK(rowsOf(*d.db, "SELECT hour, staff, duties FROM report_hour_service_duties ORDER BY 1, 2") ==
        rowsOf(*d.db, kRecomputed));
  storage::SqliteReportBook book(*d.db);
  struct Case {
    Instant from, to, now;
    std::int64_t length;
  };
  const Case cases[] = {
      {kJune1 - kDay, kJune1 + 2 * kDay, kJune1 + 30 * kDay, 30 * kMinute},        // everything due
      {kJune1 - kDay, kJune1 + 2 * kDay, kJune1 + 5 * kHour + 17 * kMinute, 30 * kMinute},  // now inside
      {kJune1, kJune1 + kDay, kJune1 + 30 * kDay, 45 * kMinute},                   // a store's own length
      {kJune1 - 2 * kDay, kJune1, kJune1 - 7 * kHour - 3 * kMinute, 10 * kMinute},
      {kJune1 - kDay + 7 * kMinute, kJune1 + 13 * kHour + 1, kJune1 + 10 * kDay, 2 * kHour + 1},  // odd edges
  };
  std::vector<Case> all(std::begin(cases), std::end(cases));
  for (int i = 0; i < 12; ++i) {  // spans with edges anywhere
    Instant from = kJune1 - 2 * kDay + d.pick(3 * 24 * 60) * kMinute + d.pick(60000);
    all.push_back({from, from + 2 * kHour + d.pick(2 * 24 * 60) * kMinute + d.pick(60000),
                   from + d.pick(3 * 24 * 60) * kMinute, (1 + d.pick(120)) * kMinute + d.pick(60000)});
  }
  for (const Case& c : all) {
    RecordingRules rules;
    rules.serviceDetails = c.length;
    rules.consumption = c.length / 3;
    INFO("from " << c.from << " to " << c.to << " now " << c.now << " length " << c.length);
    auto judged = computeCompliance(storage::recordedItems(*d.db, c.from, c.to, rules), c.from, c.to, c.now, kZone,
                                    CompliancePeriod::Month, false);
    auto counted = computeCompliance(book.recordedItems(c.from, c.to, rules, c.now), c.from, c.to, c.now, kZone,
                                     CompliancePeriod::Month, false);
    CHECK_FALSE(rowsOf(judged).empty());
    CHECK(rowsOf(counted) == rowsOf(judged));
    auto judgedServices = computeCompliance(storage::serviceDetailItems(*d.db, c.from, c.to, rules), c.from, c.to,
                                            c.now, kZone, CompliancePeriod::Week, false);
    auto countedServices = computeCompliance(book.serviceDetailItems(c.from, c.to, rules, c.now), c.from, c.to, c.now,
                                             kZone, CompliancePeriod::Week, false);
    CHECK(rowsOf(countedServices) == rowsOf(judgedServices));
  }
  CHECK(dutiesProblem(*d.db) == "");
}

TEST_CASE("records counted per hour: an hour whose clock runs past a local midnight is judged record by record") {
  DutiesDb d;
  d.sale("a", kJune1 - 40 * kMinute, true);  // 23:20 local: due 23:30 (10 min), 23:50 (30 min)
  d.sale("b", kJune1 - 3 * kMinute, true);   // 23:57: due 00:07, 00:27 — in June
  storage::SqliteReportBook book(*d.db);
  Instant from = kJune1 - 5 * kDay, to = kJune1 + 5 * kDay, now = to + kDay;
  auto judged = computeCompliance(storage::recordedItems(*d.db, from, to, {}), from, to, now, kZone,
                                  CompliancePeriod::Month, false);
  auto counted = computeCompliance(book.recordedItems(from, to, {}, now), from, to, now, kZone,
                                   CompliancePeriod::Month, false);
  CHECK(rowsOf(counted) == rowsOf(judged));
  int june = 0;
  for (const ComplianceRow& r : judged.rows) june += r.period == "2026-06" && r.groupBy == "store" ? r.due : 0;
  CHECK(june >= 2);  // b's consumption record and at least one service share
}

TEST_CASE("service duties per hour: the migration counts the sales already there, verify names an hour edited") {
  DutiesDb d;
  d.busyDays();
  auto kept = rowsOf(*d.db, "SELECT hour, staff, duties FROM report_hour_service_duties ORDER BY 1, 2");
  const storage::Migration* m = nullptr;
  for (const auto& x : storage::migrations())
    if (std::string(x.name).find("report_year_items") != std::string::npos) m = &x;
  REQUIRE(m);
  // The database as it was before the migration, then the migration run on it.
  std::regex created(R"(CREATE (TABLE|TRIGGER|INDEX) (\w+))");
  std::string sql = m->sql;
  for (std::sregex_iterator i(sql.begin(), sql.end(), created), end; i != end; ++i)
    d.exec("DROP " + (*i)[1].str() + " IF EXISTS " + (*i)[2].str());
  d.db->sql().exec(m->sql);
  CHECK(rowsOf(*d.db, "SELECT hour, staff, duties FROM report_hour_service_duties ORDER BY 1, 2") == kept);
  CHECK(dutiesProblem(*d.db) == "");
  std::string hour = rowsOf(*d.db, "SELECT hour FROM report_hour_service_duties WHERE staff = 'b1' LIMIT 1").at(0);
  d.exec("UPDATE report_hour_service_duties SET duties = duties + 1 WHERE staff = 'b1' AND hour = " + hour);
  CHECK(dutiesProblem(*d.db) == "report_hour_service_duties " + hour + "/b1: duties " +
                                    rowsOf(*d.db, "SELECT duties FROM report_hour_service_duties WHERE staff = 'b1'"
                                                  " AND hour = " + hour).at(0) + " != rows " +
                                    rowsOf(*d.db, "SELECT duties - 1 FROM report_hour_service_duties WHERE staff = 'b1'"
                                                  " AND hour = " + hour).at(0));
}
