// The customers subcommands and demo-data --customers, run as the real binary.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/core/text_encoding.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

struct Store {
  TempDir dir;
  std::string db = dir.file("salon.db");
  Store() { REQUIRE(runKiosk("demo-data --db " + db, scratch()).exitCode == 0); }
  std::string scratch() const { return dir.path().string(); }
  salon::test::CommandResult run(const std::string& args, const std::string& pin) {
    return runKiosk(args + " --db " + db, scratch(), "SALON_PIN=" + pin);
  }
  salon::test::CommandResult registerJson(const std::string& json) {
    std::string f = dir.file("reg.json");
    std::ofstream(f) << json;
    return runKiosk("customers register --json " + f + " --db " + db + " --staff cash", scratch(), "SALON_PIN=3456");
  }
  std::int64_t count(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getInt64();
  }
  std::string write(const std::string& name, const std::string& bytes) {
    std::string f = dir.file(name);
    std::ofstream(f, std::ios::binary) << bytes;
    return f;
  }
};

}  // namespace

TEST_CASE("customers register, find (JSON, limits, audited) and show") {
  Store s;
  auto r = s.registerJson(R"({"name":"王小美","phone":"13800138000","consent":true,"member":true,
                             "fields":{"allergies":{"declined":true},"birthday":"1990-05-01"}})");
  REQUIRE(r.exitCode == 0);
  auto reg = nlohmann::json::parse(r.out);
  CHECK(reg["member_no"] == "M00000001");
  std::string fileNo = reg["file_no"];
  REQUIRE(s.registerJson(R"({"name":"王大美","phone":"13900139001","consent":true})").exitCode == 0);
  REQUIRE(s.registerJson(R"({"name":"美王","phone":"13900139002","consent":true})").exitCode == 0);

  auto found = s.run("customers find 王 --staff cash --purpose booking --json", "3456");
  REQUIRE(found.exitCode == 0);
  auto j = nlohmann::json::parse(found.out);
  CHECK(j["total"] == 3);
  CHECK(j["results"].size() == 3);
  CHECK(j["results"][0]["name"] == "王小美");
  CHECK(j["results"][0]["file_no"] == fileNo);

  auto limited = nlohmann::json::parse(s.run("customers find 王 --staff cash --purpose checkout --json --limit 1", "3456").out);
  CHECK(limited["total"] == 3);
  CHECK(limited["results"].size() == 1);
  auto all = nlohmann::json::parse(s.run("customers find wxm --staff cash --purpose checkout --json --limit 0", "3456").out);
  CHECK(all["results"].size() == 1);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.view' AND staff = 'cash'") == 3);

  auto noPurpose = s.run("customers find 王 --staff cash --purpose ' ' --json", "3456");
  CHECK(noPurpose.exitCode == 2);
  CHECK(noPurpose.err.find("purpose_required") != std::string::npos);

  auto shown = s.run("customers show " + fileNo + " --staff beau --purpose 'service: 补水护理'", "4567");
  REQUIRE(shown.exitCode == 0);
  auto f = nlohmann::json::parse(shown.out);
  CHECK(f["sections"]["health"]["allergies"]["declined"] == true);
  CHECK(f["consent"]["status"] == "agreed");
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.view' AND staff = 'beau' AND record_id = '" +
                fileNo + "' AND reason = 'service: 补水护理'") == 1);

  auto cashierEdit = s.run("customers edit " + fileNo + " --field skin_type --value dry --reason x --staff cash", "3456");
  CHECK(cashierEdit.exitCode == 2);
  CHECK(cashierEdit.err.find("permission_denied") != std::string::npos);
  REQUIRE(s.run("customers edit " + fileNo + " --field skin_type --value dry --reason 'skin test' --staff sup", "2345")
              .exitCode == 0);
  REQUIRE(s.run("customers edit " + fileNo + " --field occupation --declined --reason 'asked' --staff sup", "2345")
              .exitCode == 0);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE skin_type = 'dry'") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM customer_fields WHERE field = 'occupation' AND state = 'declined'") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.edit' AND staff = 'sup'") == 2);

  auto dup = s.registerJson(R"({"name":"李四","phone":"138 0013 8000","consent":true})");
  CHECK(dup.exitCode == 2);
  CHECK(dup.err.find(fileNo) != std::string::npos);
  auto walkIn = s.registerJson(R"({"name":"赵六","phone":"13700137000","consent":false})");
  CHECK(walkIn.exitCode == 0);
  CHECK(nlohmann::json::parse(walkIn.out)["walk_in"] == true);
  CHECK(s.count("SELECT COUNT(*) FROM customers") == 3);
}

TEST_CASE("customers export: manager only, audited, UTF-8 with BOM or GB18030") {
  Store s;
  REQUIRE(s.registerJson(R"({"name":"王小美","phone":"13800138000","consent":true,
                             "fields":{"notes":"喜欢安静, 不爱聊天","allergies":{"declined":true}}})").exitCode == 0);
  auto refused = s.run("customers export --staff cash", "3456");
  CHECK(refused.exitCode == 2);
  CHECK(refused.err.find("permission_denied") != std::string::npos);
  CHECK(refused.out.empty());
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'cash'") == 1);

  auto csv = s.run("customers export --staff mgr --reason 'year-end archive'", "1234");
  REQUIRE(csv.exitCode == 0);
  CHECK(csv.out.rfind("\xEF\xBB\xBF" "file_no,member_no,name,phone,status,", 0) == 0);
  CHECK(csv.out.find("S01-") != std::string::npos);
  CHECK(csv.out.find("王小美,13800138000,pending_review") != std::string::npos);
  CHECK(csv.out.find("\"喜欢安静, 不爱聊天\"") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.export' AND staff = 'mgr' AND record_id = '*'"
                " AND reason = 'year-end archive'") == 1);

  std::string to = s.dir.file("out.csv");
  std::ofstream(to) << "an older, world-readable file";
  std::filesystem::permissions(to, std::filesystem::perms(0644));
  REQUIRE(s.run("customers export --staff mgr --encoding gb18030 --to " + to, "1234").exitCode == 0);
  // Written over, and no longer readable by anyone but the kiosk's user.
  CHECK((std::filesystem::status(to).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  std::string bytes = salon::test::readWhole(to);
  CHECK(bytes.find("\xCD\xF5\xD0\xA1\xC3\xC0") != std::string::npos);  // 王小美 in GB18030
  salon::TextEncoding enc;
  CHECK(salon::decodeText(bytes, enc).find("王小美") != std::string::npos);
  CHECK(enc == salon::TextEncoding::Gb18030);

  // An export is read back by import (into another store): the same files, declined fields kept.
  Store other;
  std::string back = other.write("back.csv", csv.out);
  auto imported = other.run("customers import " + back + " --staff sup", "2345");
  REQUIRE(imported.exitCode == 0);
  CHECK(other.count("SELECT COUNT(*) FROM customers WHERE name = '王小美' AND phone = '13800138000'") == 1);
  CHECK(other.count("SELECT COUNT(*) FROM customer_fields WHERE field = 'allergies' AND state = 'declined'") == 1);
  CHECK(other.count("SELECT COUNT(*) FROM customer_fields WHERE field = 'notes' AND value = '喜欢安静, 不爱聊天'") == 1);

  auto unknown = s.run("customers export --staff mgr --encoding latin-1", "1234");
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.err.find("encoding_unknown") != std::string::npos);
}

TEST_CASE("customers import: headers in Chinese or English, UTF-8 or GB18030, all or nothing") {
  Store s;
  std::string good = "姓名,手机,性别,生日,地址,职业,备注\n"
                     "王小美,13800138000,女,1990/5/1,上海市静安区,教师,老顾客\n"
                     "Cathy 王,+852 9123 4567,F,,,,\n";
  auto r = s.run("customers import " + s.write("good.csv", good) + " --staff sup --json", "2345");
  REQUIRE(r.exitCode == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["imported"] == 2);
  CHECK(j["good"] == 2);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE status = 'pending_review' AND consent_status = 'to_confirm'"
                " AND imported = 1") == 2);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE birthday = '1990-05-01'") == 1);
  CHECK(s.count("SELECT COUNT(*) FROM customer_fields WHERE field = 'gender' AND value = 'female'") == 2);
  CHECK(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.import'") == 1);

  std::string gb = salon::encodeText("name,phone,occupation\n陳美玲,13900139000,设计师\n", salon::TextEncoding::Gb18030);
  auto g = s.run("customers import " + s.write("gb.csv", gb) + " --staff sup", "2345");
  REQUIRE(g.exitCode == 0);
  CHECK(g.out.find("encoding: gb18030") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE name = '陳美玲'") == 1);

  auto cashier = s.run("customers import " + s.write("c.csv", good) + " --staff cash", "3456");
  CHECK(cashier.exitCode == 2);
  CHECK(cashier.err.find("permission_denied") != std::string::npos);
}

TEST_CASE("customers import: bad rows are reported by line, nothing imported unless --skip-bad") {
  Store s;
  std::string tenThousand(10000, 'x');
  std::string bad = "name,phone,birthday,notes\n"
                    "王小美,13800138000,1990-05-01,\n"       // line 2: good
                    "李四,12345,,\n"                         // line 3: invalid phone
                    "张三,13800138000,,\n"                   // line 4: same phone as line 2
                    "赵六,13700137000,1990-02-30,\n"         // line 5: invalid date
                    "钱七😀,13600136000,,\n"                  // line 6: emoji in a name
                    "孙八,13500135000,," + tenThousand + "\n"  // line 7: 10,000 characters
                    "周九,13300133000,,\n";                   // line 8: good
  std::string file = s.write("bad.csv", bad);
  auto r = s.run("customers import " + file + " --staff sup", "2345");
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("bad.csv:3: phone_invalid") != std::string::npos);
  CHECK(r.err.find("bad.csv:4: phone_duplicate_in_file: line 2") != std::string::npos);
  CHECK(r.err.find("bad.csv:5: date_invalid") != std::string::npos);
  CHECK(r.err.find("bad.csv:6: text_emoji") != std::string::npos);
  CHECK(r.err.find("bad.csv:7: text_too_long") != std::string::npos);
  CHECK(r.err.find("import_rows_bad") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM customers") == 0);
  CHECK(s.count("SELECT COUNT(*) FROM outbox WHERE type LIKE 'customer.%'") == 0);

  auto skip = s.run("customers import " + file + " --staff sup --skip-bad --json", "2345");
  REQUIRE(skip.exitCode == 0);
  CHECK(nlohmann::json::parse(skip.out)["imported"] == 2);
  CHECK(s.count("SELECT COUNT(*) FROM customers") == 2);
  // The same file again is refused as a whole; a changed one finds the phones on file now.
  auto again = s.run("customers import " + file + " --staff sup", "2345");
  CHECK(again.err.find("import_duplicate") != std::string::npos);
  auto changed = s.run("customers import " + s.write("bad2.csv", bad + "\n") + " --staff sup", "2345");
  CHECK(changed.err.find("bad2.csv:2: phone_in_use") != std::string::npos);
}

TEST_CASE("customers import: unknown encoding, missing column, --map") {
  Store s;
  // UTF-16LE with a BOM: neither UTF-8 nor GB18030.
  std::string utf16("\xFF\xFEn\0a\0m\0e\0,\0p\0h\0o\0n\0e\0\n\0", 24);
  auto enc = s.run("customers import " + s.write("u16.csv", utf16) + " --staff sup", "2345");
  CHECK(enc.exitCode == 2);
  CHECK(enc.err.find("encoding_unknown") != std::string::npos);
  // Latin-1 bytes are not GB18030 either.
  auto latin = s.run("customers import " + s.write("l1.csv", "name,phone\ncaf\xE9,13800138000\n") + " --staff sup", "2345");
  CHECK(latin.err.find("encoding_unknown") != std::string::npos);

  auto missing = s.run("customers import " + s.write("m.csv", "姓名,性别\n王小美,女\n") + " --staff sup", "2345");
  CHECK(missing.exitCode == 2);
  CHECK(missing.err.find("import_column_missing") != std::string::npos);
  CHECK(missing.err.find("phone") != std::string::npos);

  std::string odd = s.write("odd.csv", "客户名称,联系方式,皮肤\n王小美,13800138000,oily\n");
  auto unknownTarget = s.run("customers import " + odd + " --staff sup --map 客户名称=name,联系方式=shoe_size", "2345");
  CHECK(unknownTarget.exitCode == 2);
  CHECK(unknownTarget.err.find("import_map_unknown") != std::string::npos);
  auto unknownHeader = s.run("customers import " + odd + " --staff sup --map 客户=name,联系方式=phone", "2345");
  CHECK(unknownHeader.err.find("import_column_missing") != std::string::npos);
  CHECK(s.count("SELECT COUNT(*) FROM customers") == 0);

  auto mapped = s.run("customers import " + odd + " --staff sup --map 客户名称=name,联系方式=phone,皮肤=skin_type", "2345");
  REQUIRE(mapped.exitCode == 0);
  CHECK(s.count("SELECT COUNT(*) FROM customers WHERE name = '王小美' AND skin_type = 'oily'") == 1);
}

TEST_CASE("demo-data --customers: realistic, unique phones, about 60 % members, deterministic by seed") {
  TempDir dir;
  auto make = [&](const std::string& name, int seed) {
    std::string db = dir.file(name);
    auto r = runKiosk("demo-data --db " + db + " --customers 3000 --seed " + std::to_string(seed), dir.path().string());
    REQUIRE(r.exitCode == 0);
    return db;
  };
  std::string a = make("a.db", 5), b = make("b.db", 5), c = make("c.db", 6);
  auto dump = [](const std::string& db) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    SQLite::Statement q(s, "SELECT file_no || name || phone || ifnull(member_no, '') FROM customers ORDER BY id");
    std::string out;
    while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
    return out;
  };
  CHECK(dump(a) == dump(b));
  CHECK(dump(a) != dump(c));
  SQLite::Database s(a, SQLite::OPEN_READONLY);
  CHECK(s.execAndGet("SELECT COUNT(*) FROM customers").getInt() == 3000);
  CHECK(s.execAndGet("SELECT COUNT(DISTINCT phone) FROM customers").getInt() == 3000);
  int members = s.execAndGet("SELECT COUNT(*) FROM customers WHERE member_no IS NOT NULL").getInt();
  CHECK(members > 1600);
  CHECK(members < 2000);
  // 王 and 李 are the most common surnames.
  int wang = s.execAndGet("SELECT COUNT(*) FROM customers WHERE name LIKE '王%'").getInt();
  CHECK(wang > 120);
  CHECK(s.execAndGet("SELECT COUNT(*) FROM pets").getInt() > 100);
  CHECK(s.execAndGet("SELECT COUNT(*) FROM pet_vaccinations").getInt() > 100);
  CHECK(s.execAndGet("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM customer_visits GROUP BY customer_id)").getInt() >= 50);
  // The search keys are in place (indexes rebuilt after the bulk load).
  CHECK(s.execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'customers_phone_last4'").getInt() == 1);
  CHECK(s.execAndGet("SELECT COUNT(*) FROM customer_name_grams").getInt() > 3000 * 3);
  // File numbers follow creation order, counted per year.
  CHECK(s.execAndGet("SELECT COUNT(*) FROM customers c1 JOIN customers c2 ON c2.id = c1.id + 1"
                     " WHERE substr(c1.file_no, 5, 4) = substr(c2.file_no, 5, 4) AND c2.file_no <= c1.file_no").getInt() == 0);
  auto verify = runKiosk("verify --db " + a, dir.path().string());
  CHECK(verify.exitCode == 0);
  auto found = runKiosk("customers find 王 --db " + a + " --staff cash --purpose checkout --json", dir.path().string(),
                        "SALON_PIN=3456");
  REQUIRE(found.exitCode == 0);
  auto j = nlohmann::json::parse(found.out);
  CHECK(j["results"].size() == 50);
  CHECK(j["total"] > 100);
}
