// Moving in: next week's appointments come across from the old system, each row
// booked as at the counter (conflicts, opening hours, staff and services that
// exist), bad rows by line, all or nothing, audited, never the same file twice.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

const std::string kData = std::string(SALON_SOURCE_DIR) + "/tests/data/import/";

struct Store {
  TempDir dir;
  std::string db = dir.file("salon.db");
  Store() {
    REQUIRE(runKiosk("demo-data --db " + db, scratch()).exitCode == 0);
    REQUIRE(run("customers import " + kData + "legacy_members_gb18030.csv --staff mgr --skip-bad"
                " --map-tiers 银卡会员=silver,金卡会员=gold")
                .exitCode == 0);
  }
  std::string scratch() const { return dir.path().string(); }
  salon::test::CommandResult run(const std::string& args, const std::string& pin = "1234") {
    return runKiosk(args + " --db " + db, scratch(), "SALON_PIN=" + pin);
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getInt64();
  }
};

}  // namespace

TEST_CASE("appointments import: Chinese headers in GB18030, each row checked like a counter booking") {
  Store s;
  std::string file = kData + "appointments_gb18030.csv";
  auto dry = s.run("appointments import " + file + " --staff mgr --dry-run --json");
  REQUIRE(dry.exitCode == 0);
  auto j = nlohmann::json::parse(dry.out);
  CHECK(j["good"] == 3);
  CHECK(j["imported"] == 0);
  std::vector<std::string> codes;
  for (const auto& b : j["bad"]) codes.push_back(b["code"]);
  CHECK(codes == std::vector<std::string>{"slot_taken", "outside_hours", "customer_not_found", "service_unknown",
                                          "staff_unknown", "date_invalid", "time_invalid", "staff_not_qualified",
                                          "bad_input"});
  CHECK(j["bad"][0]["message"] == file + ":3: slot_taken: staff beau 2099-12-07 10:00");
  CHECK(j["totals"]["staff"]["beau"] == 2);
  CHECK(s.count("SELECT COUNT(*) FROM appointments") == 0);

  // Bad rows: nothing booked unless --skip-bad.
  auto refused = s.run("appointments import " + file + " --staff mgr");
  CHECK(refused.exitCode != 0);
  CHECK(refused.err.find("import_rows_bad") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM appointments") == 0);
  CHECK(s.count("SELECT COUNT(*) FROM member_imports WHERE kind = 'appointments'") == 0);

  auto r = s.run("appointments import " + file + " --staff mgr --skip-bad --json");
  REQUIRE(r.exitCode == 0);
  CHECK(nlohmann::json::parse(r.out)["imported"] == 3);
  CHECK(s.count("SELECT COUNT(*) FROM appointments a JOIN customers c ON c.id = a.customer_id"
                " WHERE c.member_no = '000123' AND a.services_label = '洗剪吹、肩颈按摩' AND a.end_at - a.start_at = 105 * 60000"
                " AND a.note = '要安静,别聊天\n上次水温太烫'") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM appointments WHERE staff = 'sup'") == 1);  // 李主管 by name
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.booked' AND reason LIKE 'import %'") == 3);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointments.import'") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM outbox WHERE type = 'appointment.booked'") == 3);

  auto again = s.run("appointments import " + file + " --staff mgr --skip-bad");
  CHECK(again.err.find("import_duplicate") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM appointments") == 3);
  CHECK(runKiosk("verify --db " + s.db, s.scratch()).exitCode == 0);
}

TEST_CASE("appointments import: English headers, codes, several services, anyone qualified, clashes with the book") {
  Store s;
  std::string file = kData + "appointments_en.csv";
  auto r = s.run("appointments import " + file + " --staff sup --json", "2345");
  REQUIRE(r.exitCode == 0);
  CHECK(nlohmann::json::parse(r.out)["imported"] == 3);
  auto list = s.run("appointments list --date 2099-12-09 --staff cash --json", "3456");
  REQUIRE(list.exitCode == 0);
  CHECK(nlohmann::json::parse(list.out).size() == 3);

  // The same bookings in another file now clash with the book itself.
  std::string copy = s.dir.file("again.csv");
  std::ofstream(copy) << "日期,时间,会员卡号,项目,技师\n2099-12-09,10:30,A-77,S-MASSAGE,beau\n";
  auto clash = s.run("appointments import " + copy + " --staff mgr --json");
  CHECK(clash.exitCode != 0);
  CHECK(clash.err.find(":2: slot_taken: staff beau") != std::string::npos);
  // A cashier may not bring appointments across.
  CHECK(s.run("appointments import " + copy + " --staff cash", "3456").err.find("permission_denied") != std::string::npos);
}
