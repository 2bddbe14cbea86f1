// Moving in: members, their cards, tiers and balances come across from a legacy
// GB18030 export; the preview's totals, the opening-balance ledger entries,
// manager only, never twice, all or nothing, and the liabilities report.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/core/text_encoding.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::runShell;
using salon::test::TempDir;

namespace {

const std::string kLegacy = std::string(SALON_SOURCE_DIR) + "/tests/data/import/legacy_members_gb18030.csv";
const std::string kTiers = " --map-tiers 银卡会员=silver,金卡会员=gold";

struct Store {
  TempDir dir;
  std::string db = dir.file("salon.db");
  Store() { REQUIRE(runKiosk("demo-data --db " + db, scratch()).exitCode == 0); }
  std::string scratch() const { return dir.path().string(); }
  salon::test::CommandResult run(const std::string& args, const std::string& pin = "1234") {
    return runKiosk(args + " --db " + db, scratch(), "SALON_PIN=" + pin);
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getInt64();
  }
  std::string text(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getString();
  }
  std::string write(const std::string& name, const std::string& bytes) {
    std::string f = dir.file(name);
    std::ofstream(f, std::ios::binary) << bytes;
    return f;
  }
};

}  // namespace

TEST_CASE("member import preview: bad rows by line, control totals in fen, unknown tiers listed, nothing written") {
  Store s;
  auto tiers = s.run("customers import " + kLegacy + " --staff mgr --dry-run");
  CHECK(tiers.exitCode == 2);
  CHECK(tiers.err.find("import_tiers_unknown") != std::string::npos);
  CHECK(tiers.err.find("银卡会员, 金卡会员") != std::string::npos);  // 普通会员 is the store's basic tier by name

  auto r = s.run("customers import " + kLegacy + " --staff mgr --dry-run --json" + kTiers);
  REQUIRE(r.exitCode == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["good"] == 4);
  CHECK(j["imported"] == 0);
  REQUIRE(j["bad"].size() == 6);
  CHECK(r.err.find("legacy_members_gb18030.csv:7: amount_negative: -50") != std::string::npos);
  CHECK(r.err.find("legacy_members_gb18030.csv:8: amount_invalid: 12.345") != std::string::npos);
  CHECK(r.err.find("legacy_members_gb18030.csv:9: member_no_duplicate_in_file: line 2") != std::string::npos);
  CHECK(r.err.find("legacy_members_gb18030.csv:10: amount_invalid: abc") != std::string::npos);
  CHECK(r.err.find("legacy_members_gb18030.csv:11: points_invalid: 1.5") != std::string::npos);
  CHECK(r.err.find("legacy_members_gb18030.csv:12: amount_invalid: 1,28,0") != std::string::npos);
  CHECK(j["bad"][0]["line"] == 7);
  CHECK(j["bad"][0]["code"] == "amount_negative");
  auto t = j["totals"];
  CHECK(t["members"] == 4);
  CHECK(t["stored_value"] == 128050 + 128050 + 128000);
  CHECK(t["stored_value_bonus"] == 20000 + 5050);
  CHECK(t["points"] == 1500);
  CHECK(t["package_sessions"] == 0);
  CHECK(t["arrears"] == 15000);
  CHECK(t["tiers"] == nlohmann::json{{"银卡会员", 2}, {"金卡会员", 1}, {"普通会员", 1}});
  CHECK(s.count("SELECT COUNT(*) FROM customers") == 0);
  CHECK(s.count("SELECT COUNT(*) FROM member_imports") == 0);

  auto text = s.run("customers import " + kLegacy + " --staff mgr --dry-run" + kTiers);
  CHECK(text.out.find("encoding: gb18030") != std::string::npos);
  CHECK(text.out.find("stored_value: 3841.00") != std::string::npos);
  CHECK(text.out.find("dry run: nothing written") != std::string::npos);
}

TEST_CASE("member import: cards as printed, balances as opening entries of the ledgers, verify passes") {
  Store s;
  auto sup = s.run("customers import " + kLegacy + " --staff sup --skip-bad" + kTiers, "2345");
  CHECK(sup.exitCode == 2);
  CHECK(sup.err.find("permission_denied") != std::string::npos);

  auto r = s.run("customers import " + kLegacy + " --staff mgr --skip-bad --json" + kTiers);
  REQUIRE(r.exitCode == 0);
  CHECK(nlohmann::json::parse(r.out)["imported"] == 4);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE member_no IN ('000123', 'VIP0042', 'A-77', '00000099')") == 4);
  CHECK(s.text("SELECT name FROM customers WHERE member_no = 'VIP0042'") == "李䶮");
  CHECK(s.text("SELECT value FROM customer_fields f JOIN customers c ON c.id = f.customer_id"
               " WHERE c.member_no = 'VIP0042' AND f.field = 'notes'") == "喜欢安静,不聊天\n上次水温太烫");
  CHECK(s.text("SELECT phone FROM customers WHERE member_no = '00000099'") == "021-62881234");
  CHECK(s.text("SELECT tier_code FROM memberships m JOIN customers c ON c.id = m.customer_id"
               " WHERE c.member_no = 'A-77'") == "silver");
  CHECK(s.count("SELECT sv_principal * 1000000 + sv_bonus FROM member_balances b JOIN customers c ON c.id = b.customer_id"
                " WHERE c.member_no = '000123'") == 128050LL * 1000000 + 20000);
  CHECK(s.count("SELECT arrears FROM member_balances b JOIN customers c ON c.id = b.customer_id WHERE c.member_no = 'A-77'") == 15000);
  CHECK(s.text("SELECT member_since || ' ' || last_visit FROM imported_members i JOIN customers c ON c.id = i.customer_id"
               " WHERE c.member_no = 'VIP0042'") == "2020-06-15 2026-10-01");
  // Every balance is an opening entry pointing at the import, whose record keeps the totals.
  std::string id = s.text("SELECT id FROM member_imports");
  CHECK(s.count("SELECT COUNT(*) FROM stored_value_ledger WHERE kind = 'opening' AND sale_id = '" + id + "'") == 3);
  CHECK(s.count("SELECT SUM(delta) FROM points_ledger WHERE kind = 'opening'") == 1500);
  CHECK(s.count("SELECT stored_value FROM member_imports") == 384100);
  CHECK(s.text("SELECT sha256 FROM member_imports").size() == 64);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.import' AND record_type = 'import'"
                " AND record_id = '" + id + "' AND reason LIKE '%\"stored_value\":384100%'") == 1);
  auto v = runKiosk("verify --db " + s.db, s.scratch());
  CHECK(v.exitCode == 0);
  INFO(v.out << v.err);

  // The old cards keep working at the reader.
  auto scan = s.run("scan 000123 --staff cash", "3456");
  REQUIRE(scan.exitCode == 0);
  CHECK(nlohmann::json::parse(scan.out)["name"] == "王小美");
  auto letters = s.run("scan VIP0042 --staff cash", "3456");
  REQUIRE(letters.exitCode == 0);
  CHECK(nlohmann::json::parse(letters.out)["member_no"] == "VIP0042");

  // Never twice: the same file names the earlier import; a card on file is a bad row.
  auto again = s.run("customers import " + kLegacy + " --staff mgr --skip-bad" + kTiers);
  CHECK(again.exitCode == 2);
  CHECK(again.err.find("import_duplicate") != std::string::npos);
  CHECK(again.err.find(id) != std::string::npos);
  auto card = s.run("customers import " + s.write("more.csv", "卡号,姓名,手机\n000123,新客,13911112222\n") + " --staff mgr");
  CHECK(card.exitCode == 2);
  CHECK(card.err.find("more.csv:2: member_no_in_use") != std::string::npos);
  // The kiosk's own numbers go on from where they were.
  CHECK(s.count("SELECT COUNT(*) FROM customers") == 4);
}

TEST_CASE("member import: --create-tiers, --map, and the liabilities report") {
  Store s;
  std::string file = s.write("m.csv", "客户,电话,卡内金额,赠金,可用积分,会员等级,欠款\n"
                                      "王小美,13800138000,¥100.00,20,10,钻石卡,5\n"
                                      "李四,13900139000,\"2,000\",,0,钻石卡,\n");
  auto r = s.run("customers import " + file + " --staff mgr --json --create-tiers --map 客户=name,电话=phone,卡内金额=stored_value");
  REQUIRE(r.exitCode == 0);
  CHECK(nlohmann::json::parse(r.out)["totals"]["stored_value"] == 210000);
  CHECK(s.count("SELECT COUNT(*) FROM member_tiers WHERE code = '钻石卡'") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE member_no LIKE 'M%'") == 2);  // new kiosk numbers
  auto l = s.run("report liabilities --staff mgr --json");
  REQUIRE(l.exitCode == 0);
  auto j = nlohmann::json::parse(l.out);
  CHECK(j["stored_value"]["principal"] == 210000);
  CHECK(j["stored_value"]["bonus"] == 2000);
  CHECK(j["points"] == 10);
  CHECK(j["arrears"] == 500);
  CHECK(j["members"] == 2);
  CHECK(j["packages"]["sessions"] == 0);
  auto before = s.run("report liabilities --staff mgr --json --as-of 2000-01-01");
  REQUIRE(before.exitCode == 0);
  CHECK(nlohmann::json::parse(before.out)["stored_value"]["principal"] == 0);
  CHECK(s.run("report liabilities --staff cash --json", "3456").exitCode == 2);
}

TEST_CASE("member import killed at any moment leaves all or nothing") {
  Store s;
  std::string csv = "会员卡号,姓名,手机号,储值余额,积分\n";
  const int n = 20000;
  for (int i = 0; i < n; ++i)
    csv += "C" + std::to_string(100000 + i) + ",顾客,139" + std::to_string(10000000 + i) + ",100.50,7\n";
  std::string file = s.write("big.csv", csv);
  for (const char* delay : {"0.3", "0.8", "1.5"}) {
    std::string cmd = "SALON_PIN=1234 " + std::string(SALON_KIOSK_BIN) + " customers import " + file +
                      " --staff mgr --db " + s.db + " >/dev/null & p=$!; sleep " + delay + "; kill -9 $p; wait $p";
    runShell(cmd, s.scratch());
    std::int64_t files = s.count("SELECT COUNT(*) FROM customers");
    std::int64_t imports = s.count("SELECT COUNT(*) FROM member_imports");
    INFO("killed after " << delay << " s: " << files << " files");
    CHECK((files == 0 || files == n));
    CHECK(imports == (files == n ? 1 : 0));
    CHECK(s.count("SELECT COALESCE(SUM(principal_delta), 0) FROM stored_value_ledger") == (files == n ? 10050LL * n : 0));
    CHECK(runKiosk("verify --db " + s.db, s.scratch()).exitCode == 0);
    if (files == n) break;
  }
}

TEST_CASE("package import: by card or phone, names matched or mapped, opening entries in the package ledger") {
  Store s;
  REQUIRE(s.run("customers import " + kLegacy + " --staff mgr --skip-bad" + kTiers).exitCode == 0);
  const std::string pk = std::string(SALON_SOURCE_DIR) + "/tests/data/import/legacy_packages_gb18030.csv";
  auto unknown = s.run("members import-packages " + pk + " --staff mgr --dry-run --json");
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.err.find("import_items_unknown") != std::string::npos);
  CHECK(unknown.err.find("老店小气泡清洁") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM customer_packages") == 0);

  const std::string map = " --map-items 老店小气泡清洁=S-FACIAL";
  auto dry = s.run("members import-packages " + pk + " --staff mgr --dry-run --json" + map);
  REQUIRE(dry.exitCode == 0);
  auto j = nlohmann::json::parse(dry.out);
  CHECK(j["good"] == 3);
  CHECK(j["totals"]["package_sessions"] == 13);
  CHECK(dry.err.find("legacy_packages_gb18030.csv:5: sessions_invalid") != std::string::npos);
  CHECK(dry.err.find("legacy_packages_gb18030.csv:6: member_unknown: NOPE9") != std::string::npos);
  CHECK(s.run("members import-packages " + pk + " --staff sup --skip-bad" + map, "2345").exitCode == 2);

  auto r = s.run("members import-packages " + pk + " --staff mgr --skip-bad --json" + map);
  REQUIRE(r.exitCode == 0);
  CHECK(nlohmann::json::parse(r.out)["imported"] == 3);
  CHECK(s.count("SELECT COUNT(*) FROM customer_packages p JOIN customers c ON c.id = p.customer_id"
                " WHERE c.member_no = 'VIP0042' AND p.service_code = 'S-MASSAGE' AND p.sessions_left = 3") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM customer_packages WHERE package_code = 'K-FACIAL10' AND service_code = 'S-FACIAL'"
                " AND sessions_total = 10 AND paid = 98000") == 1);
  CHECK(s.count("SELECT SUM(delta) FROM package_ledger WHERE kind = 'opening'") == 13);
  CHECK(runKiosk("verify --db " + s.db, s.scratch()).exitCode == 0);
  auto l = nlohmann::json::parse(s.run("report liabilities --staff mgr --json").out);
  CHECK(l["packages"]["sessions"] == 13);
  CHECK(l["packages"]["value"] == 98000 * 6 / 10 + 120000 + 50000 * 4 / 5);
  auto again = s.run("members import-packages " + pk + " --staff mgr --skip-bad" + map);
  CHECK(again.err.find("import_duplicate") != std::string::npos);
}
