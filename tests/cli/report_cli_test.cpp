// `report sales|staff|customers|liabilities|compliance`: manager, finance and
// admin only, each reading audited, customer names only for roles that may
// open files, and the same figures as the Z reports of the days they cover.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "support/run_command.h"
#include "support/temp_dir.h"

using nlohmann::json;
using salon::test::runKiosk;

namespace {

struct Shop {
  salon::test::TempDir dir;
  std::string db = dir.file("salon.db");
  std::string from, to;
  Shop() {
    REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
    auto demo = runKiosk("demo-data --db " + db + " --staff admin --sales 300", dir.path().string(), "SALON_PIN=9999");
    REQUIRE(demo.exitCode == 0);
    std::time_t now = std::time(nullptr);
    from = date(now - 400 * 86400);
    to = date(now + 86400);
  }
  static std::string date(std::time_t t) {
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
    return buf;
  }
  salon::test::CommandResult run(const std::string& args, const std::string& pin) {
    return runKiosk(args + " --db " + db, dir.path().string(), "SALON_PIN=" + pin);
  }
  json ok(const std::string& args, const std::string& pin = "1234") {
    auto r = run(args, pin);
    INFO(args << "\n" << r.err);
    REQUIRE(r.exitCode == 0);
    return json::parse(r.out);
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getInt64();
  }
};

}  // namespace

TEST_CASE("report sales agrees with the sales in the books, compares with the previous period") {
  Shop s;
  json j = s.ok("report sales --staff mgr --json --from " + s.from + " --to " + s.to);
  CHECK(j["total"].get<long long>() ==
        s.count("SELECT SUM(total) FROM sales WHERE kind <> 'arrears_settlement' AND business_day BETWEEN '" + s.from +
                "' AND '" + s.to + "'"));
  CHECK(j["counts"]["sales"].get<long long>() > 200);
  CHECK(j["days"].size() == 402);
  CHECK(j["payments"][0]["key"] == "cash");
  CHECK(j["top_services"].size() <= 10);
  long long byDay = 0;
  for (const auto& d : j["days"]) byDay += d["amount"].get<long long>();
  CHECK(byDay == j["total"].get<long long>());
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.view' AND record_id = 'sales'") == 1);
}

TEST_CASE("report staff keeps its keys, commission, rebooking and on-time rates are added") {
  Shop s;
  json j = s.ok("report staff --staff fin --from 2000-01-01 --to 2100-01-01", "5678");
  REQUIRE_FALSE(j["staff"].empty());
  for (const auto& row : j["staff"])
    for (const char* key : {"staff", "performance", "service", "commission", "rebook_bp", "on_time_bp"})
      CHECK(row.contains(key));
  CHECK(j["from"] == "2000-01-01");
  CHECK(s.run("report staff --staff cash --from 2000-01-01 --to 2100-01-01", "3456").exitCode == 2);
  CHECK(s.run("report staff --staff sup --from 2000-01-01 --to 2100-01-01", "2345").exitCode == 2);
}

TEST_CASE("report customers: names for the manager, not for finance, both audited") {
  Shop s;
  json m = s.ok("report customers --staff mgr --json --from " + s.from + " --to " + s.to);
  REQUIRE_FALSE(m["top_customers"].empty());
  CHECK_FALSE(m["top_customers"][0]["name"].get<std::string>().empty());
  CHECK(m["names_shown"] == true);
  CHECK(m["customers"].get<long long>() == m["new"].get<long long>() + m["returning"].get<long long>());
  json f = s.ok("report customers --staff fin --json --from " + s.from + " --to " + s.to, "5678");
  CHECK(f["top_customers"][0]["name"] == "");
  CHECK(f["top_customers"][0]["spend"] == m["top_customers"][0]["spend"]);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.view' AND record_id = 'customers'"
                " AND sections = 'customer_names'") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.view' AND record_id = 'customers'") == 2);
  CHECK(s.ok("report customers --staff admin --json --from " + s.from + " --to " + s.to, "9999")["names_shown"] == false);
}

TEST_CASE("report liabilities: the old keys, as of a day, at month ends, report compliance takes --json") {
  Shop s;
  json now = s.ok("report liabilities --staff mgr --json");
  for (const char* key : {"stored_value", "points", "packages", "arrears", "members", "as_of"}) CHECK(now.contains(key));
  json ends = s.ok("report liabilities --staff mgr --json --from 2026-01-01 --to 2026-03-31");
  REQUIRE(ends["month_ends"].size() == 3);
  CHECK(ends["month_ends"][1]["date"] == "2026-02-28");
  json c = s.ok("report compliance --staff mgr --json --from " + s.from + " --to " + s.to);
  CHECK(c.contains("rows"));
  CHECK(c.contains("by_clock"));
  CHECK(s.run("report sales --staff mgr --from 2026-02-01 --to 2026-01-01", "1234").exitCode == 2);
}
