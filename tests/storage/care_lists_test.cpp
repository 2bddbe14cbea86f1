// The care lists read the customers a page at a time (keyset paging): the pages
// together are exactly the unpaged list, a list stops once it has what was asked
// for, and every page query is an index range, never a scan of all files.
#include <catch2/catch.hpp>

#include <set>

#include "app/core/pin.h"
#include "storage/audit_store.h"
#include "storage/care_lists.h"
#include "storage/care_store.h"
#include "storage/staff_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

const StoreZone kZone{480};
const CivilDate kToday{2026, 6, 1};
Instant noon() { return startOfLocalDay(kToday, kZone) + 12 * kHour; }

// `n` customers: every 10th born on 06-01 (today), every 10th + 3 on 06-08 (a week
// ahead); every 4th last seen 200 days ago (lapsed), the rest yesterday; every
// 7th has a 30-day care plan and opted in.
std::unique_ptr<Database> seed(const TempDir& dir, int n) {
  auto db = Database::open(dir.file("c.db"));
  SqliteStaffStore(*db).addStaff({"cash", "陈前台", Role::Cashier, "前台", true}, hashPin("1111", PinCost::minimum()), 0,
                                 auditOf(0, "", "staff.add", "staff", "cash"));
  db->write([&](SQLite::Database& s) {
    SQLite::Statement c(s, "INSERT INTO customers (id, file_no, name, phone, birthday, created_at, created_by,"
                           " marketing_opt_in) VALUES (?,?,?,?,?,0,'cash',?)");
    SQLite::Statement k(s, "INSERT INTO checkins (id, customer_id, at, method, staff) VALUES (?,?,?,'phone','cash')");
    SQLite::Statement p(s, "INSERT INTO care_plan_intervals VALUES (?, 30, 0, 'cash')");
    for (int i = 1; i <= n; ++i) {
      c.reset();
      c.bind(1, i);
      c.bind(2, "S01-2026-" + std::to_string(100000 + i));
      c.bind(3, "顾客" + std::to_string(i));
      c.bind(4, std::to_string(13800000000LL + i));
      if (i % 10 == 0) c.bind(5, "1990-06-01");
      else if (i % 10 == 3) c.bind(5, "1988-06-08");
      else c.bind(5);
      c.bind(6, i % 7 == 0 ? 1 : 0);
      c.exec();
      k.reset();
      k.bind(1, "k" + std::to_string(i));
      k.bind(2, i);
      k.bind(3, static_cast<std::int64_t>(noon() - (i % 4 == 0 ? 200 : 1) * kDay));
      k.exec();
      if (i % 7 == 0) {
        p.reset();
        p.bind(1, i);
        p.exec();
      }
    }
  });
  return db;
}

CareListRequest request(const std::string& list, int limit, int pageSize) {
  CareListRequest r;
  r.list = list;
  r.today = kToday;
  r.now = noon();
  r.zone = kZone;
  r.limit = limit;
  r.pageSize = pageSize;
  return r;
}

std::string plan(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement q(db, "EXPLAIN QUERY PLAN " + sql);
  std::string out;
  while (q.executeStep()) out += q.getColumn(3).getString() + "\n";
  return out;
}

}  // namespace

TEST_CASE("care candidates come a page at a time in id order, the pages together are every customer once") {
  TempDir dir;
  auto db = seed(dir, 2000);
  std::set<CustomerId> seen;
  CustomerId last = 0;
  int pages = 0;
  CarePage page;
  page.limit = 300;
  forEachCarePage(db->sql(), page, [&](const std::vector<CareCandidate>& got) {
    ++pages;
    CHECK(got.size() <= 300);
    for (const CareCandidate& c : got) {
      CHECK(c.id > last);
      last = c.id;
      seen.insert(c.id);
    }
    return true;
  });
  CHECK(pages == 7);
  CHECK(seen.size() == 2000);
  // The last visit comes from the check-ins (through their new per-customer index).
  CarePage one;
  one.after = 3;
  one.limit = 1;
  auto fourth = careCandidates(db->sql(), one);
  REQUIRE(fourth.size() == 1);
  CHECK(fourth[0].id == 4);
  REQUIRE(fourth[0].lastVisit);
  CHECK(*fourth[0].lastVisit == noon() - 200 * kDay);
}

TEST_CASE("a care list stops at its limit and continues after the customer it stopped at") {
  TempDir dir;
  auto db = seed(dir, 2000);
  // Lapsed: every 4th customer, 500 of them; asked 120 at a time, 100 customers a page.
  std::set<CustomerId> all;
  CareListRequest r = request("lapsed", 120, 100);
  int rounds = 0;
  for (;;) {
    CareListResult got = careList(db->sql(), r);
    ++rounds;
    CHECK(got.tasks.size() <= 120);
    for (const CareTask& t : got.tasks) {
      CHECK(t.customer.id % 4 == 0);
      CHECK(all.insert(t.customer.id).second);
    }
    if (!got.next) break;
    CHECK(got.tasks.size() == 120);
    r.after = got.next;
  }
  CHECK(all.size() == 500);
  CHECK(rounds == 5);

  // Birthdays: only the month-days asked for are read (today and a week ahead).
  CareListResult b = careList(db->sql(), request("birthdays", 1000, 500));
  CHECK(b.tasks.size() == 400);
  int gifts = 0;
  for (const CareTask& t : b.tasks) gifts += t.kind == CareKind::BirthdayGift;
  CHECK(gifts == 200);
  CHECK(b.next == 0);

  // Care reminders start from the care plans: opted-in customers due (30 days after a
  // visit 200 days ago is overdue beyond the window; yesterday's are not due).
  CareListResult c = careList(db->sql(), request("reminders", 1000, 500));
  for (const CareTask& t : c.tasks) CHECK(t.customer.careIntervalDays == 30);
  CHECK(c.season == "summer");
}

TEST_CASE("every care page is an index range, not a scan of all customers") {
  TempDir dir;
  auto db = seed(dir, 50);
  SQLite::Database& s = db->sql();
  std::string birthdays = plan(s, "SELECT c.id FROM customers c WHERE c.birthday IS NOT NULL AND substr(c.birthday, 6, 5)"
                                  " IN ('06-01','06-08') AND c.status <> 'returned' AND c.id > 0 ORDER BY c.id LIMIT 500");
  INFO(birthdays);
  CHECK(birthdays.find("customers_birthday_md") != std::string::npos);
  std::string lapsed = plan(s, "SELECT c.id, (SELECT max(at) FROM checkins k WHERE k.customer_id = c.id)"
                               " FROM customers c WHERE c.id > 0 AND c.status <> 'returned' ORDER BY c.id LIMIT 500");
  INFO(lapsed);
  CHECK(lapsed.find("INTEGER PRIMARY KEY (rowid>?)") != std::string::npos);
  CHECK(lapsed.find("checkins_customer") != std::string::npos);
  CHECK(lapsed.find("SCAN k") == std::string::npos);
}
