// salon-kiosk member show: a hand-built member (stored value with bonus, a
// package, points, arrears) printed from the store's own ledgers, every key and
// figure in fen; the view audited with its purpose; unknown member and refused
// role as stable codes on stderr.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

// 2027-01-31 12:00 at +08:00.
constexpr std::int64_t kExpires = 1801368000000;

struct Store {
  TempDir dir;
  std::string db = dir.file("salon.db");
  std::string memberNo;
  Store() {
    REQUIRE(runKiosk("demo-data --db " + db, scratch()).exitCode == 0);
    std::string f = dir.file("reg.json");
    std::ofstream(f) << R"({"name":"王小美","phone":"13800138000","consent":true,"member":true})";
    auto r = runKiosk("customers register --json " + f + " --db " + db + " --staff cash", scratch(), "SALON_PIN=3456");
    REQUIRE(r.exitCode == 0);
    memberNo = nlohmann::json::parse(r.out)["member_no"];
    handBuild();
  }
  std::string scratch() const { return dir.path().string(); }
  salon::test::CommandResult run(const std::string& args, const std::string& staff = "cash",
                                 const std::string& pin = "3456") {
    return runKiosk(args + " --db " + db + " --staff " + staff, scratch(), "SALON_LANG=en SALON_PIN=" + pin);
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getInt64();
  }
  // A top-up of ¥1,000 + ¥200 bonus, a spend of ¥300 (¥250 principal, ¥50 bonus),
  // 500 points earned and 120 redeemed, a 10-session package with 7 left, ¥80 owed.
  void handBuild() {
    SQLite::Database s(db, SQLite::OPEN_READWRITE);
    std::int64_t id = s.execAndGet("SELECT id FROM customers WHERE member_no = '" + memberNo + "'").getInt64();
    std::string c = std::to_string(id);
    s.exec("INSERT INTO stored_value_ledger (customer_id, sale_id, principal_delta, bonus_delta, kind, at) VALUES"
           " (" + c + ", 's1', 100000, 20000, 'top_up', 1), (" + c + ", 's2', -25000, -5000, 'spend', 2)");
    s.exec("INSERT INTO points_ledger (customer_id, sale_id, delta, kind, at) VALUES"
           " (" + c + ", 's1', 500, 'earn', 1), (" + c + ", 's2', -120, 'redeem', 2)");
    s.exec("INSERT INTO arrears_ledger (customer_id, sale_id, delta, kind, at) VALUES (" + c + ", 's3', 8000, 'charge', 3)");
    s.exec("INSERT INTO customer_packages (id, customer_id, sale_id, package_code, service_code, sessions_total,"
           " sessions_left, paid, session_list_price, expires_at) VALUES"
           " ('s4/1', " + c + ", 's4', 'PKG-10', 'SVC-01', 10, 7, 30000, 3800, " + std::to_string(kExpires) + "),"
           " ('s5/1', " + c + ", 's5', 'PKG-5', 'SVC-02', 5, 0, 10000, 2500, " + std::to_string(kExpires) + ")");
    s.exec("INSERT INTO member_balances (customer_id, points, sv_principal, sv_bonus, arrears) VALUES"
           " (" + c + ", 380, 75000, 15000, 8000)");
  }
};

}  // namespace

TEST_CASE("member show --json: the store's own figures for a hand-built member, audited as a view") {
  Store s;
  auto before = s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.view' AND record_type = 'member'");
  auto r = s.run("member show " + s.memberNo + " --json");
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() == 8);
  CHECK(j["member_no"] == s.memberNo);
  CHECK(j["home_store"] == "S01");
  CHECK(j["stored_value"] == nlohmann::json{{"principal", 75000}, {"bonus", 15000}});
  CHECK(j["points"] == 380);
  REQUIRE(j["packages"].size() == 1);  // a used-up package is not a balance
  CHECK(j["packages"][0] == nlohmann::json{{"service", "SVC-01"}, {"sessions_left", 7}, {"expires", "2027-01-31"}});
  CHECK(j["arrears"] == 8000);
  CHECK(j["source"] == "local");
  std::string asOf = j["as_of"];
  CHECK(asOf.size() == 24);
  CHECK(asOf.back() == 'Z');
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.view' AND record_type = 'member'"
                " AND record_id = '" + s.memberNo + "' AND reason = 'balance enquiry'") == before + 1);
}

TEST_CASE("member show: unknown member and a refused role are stable codes on stderr, nothing on stdout") {
  Store s;
  auto unknown = s.run("member show M99999999 --json");
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.out.empty());
  CHECK(nlohmann::json::parse(unknown.err)["error"]["code"] == "member_unknown");

  auto refused = s.run("member show " + s.memberNo + " --json", "fin", "5678");
  CHECK(refused.exitCode == 2);
  CHECK(refused.out.empty());
  CHECK(nlohmann::json::parse(refused.err)["error"]["code"] == "permission_denied");
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'fin'"
                " AND record_id = '" + s.memberNo + "'") == 1);

  auto text = s.run("member show " + s.memberNo);
  REQUIRE(text.exitCode == 0);
  CHECK(text.out.find("750.00 + 150.00 bonus") != std::string::npos);
}
