// The record-keeping subcommands, run as the real binary against a demo store.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/compliance_fixture.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using nlohmann::json;
using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

struct Store {
  TempDir dir;
  std::string db = dir.file("salon.db");
  Store() { REQUIRE(runKiosk("demo-data --db " + db, scratch()).exitCode == 0); }
  std::string scratch() const { return dir.path().string(); }
  salon::test::CommandResult run(const std::string& args, const std::string& pin, const std::string& env = "") {
    return runKiosk(args + " --db " + db, scratch(), env + " SALON_PIN=" + pin);
  }
  json ok(const std::string& args, const std::string& pin, const std::string& env = "") {
    auto r = run(args, pin, env);
    INFO(args << "\n" << r.err);
    REQUIRE(r.exitCode == 0);
    return json::parse(r.out);
  }
  std::string fails(const std::string& args, const std::string& pin) {
    auto r = run(args, pin);
    INFO(args << "\n" << r.out);
    CHECK(r.exitCode != 0);
    return r.err;
  }
  std::string registered(const std::string& name, const std::string& phone) {
    std::string f = dir.file("reg.json");
    std::ofstream(f) << R"({"name":")" << name << R"(","phone":")" << phone << R"(","consent":true})";
    return ok("customers register --json " + f + " --staff cash", "3456")["file_no"];
  }
  std::string one(const std::string& sql) {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet(sql).getString();
  }
  salon::test::ComplianceFixture fixture() {
    auto d = salon::storage::Database::open(db);
    return salon::test::buildComplianceFixture(*d);
  }
};

const char* kSample = SALON_SOURCE_DIR "/tests/data/reconcile/";

}  // namespace

TEST_CASE("a new file is returned with notes, resubmitted and approved, then a contact change needs the customer") {
  Store s;
  std::string no = s.registered("周小燕", "13800138000");
  auto pending = s.ok("customers review --pending --staff sup", "2345");
  REQUIRE(pending.size() == 1);
  CHECK(pending[0]["file_no"] == no);
  CHECK(s.fails("customers review " + no + " --approve --staff cash", "3456").find("permission_denied") != std::string::npos);
  s.ok("customers review " + no + " --return '缺少过敏史' --staff sup", "2345");
  CHECK(s.one("SELECT status FROM customers") == "returned");
  s.ok("customers review " + no + " --resubmit --notes 已补问 --staff cash", "3456");
  CHECK(s.ok("customers review " + no + " --approve --staff sup", "2345")["decision"] == "approved");
  CHECK(s.one("SELECT status FROM customers") == "in_force");

  auto change = s.ok("changes submit --customer " + no + " --field phone --value 13900139000 --reason 换号 --staff cash", "3456");
  CHECK(change["old"] == "13800138000");
  std::string id = change["id"];
  CHECK(s.fails("changes approve " + id + " --staff sup", "2345").find("customer_confirmation_needed") != std::string::npos);
  CHECK(s.fails("changes confirm " + id + " --last4 1111 --staff cash", "3456").find("customer_not_identified") !=
        std::string::npos);
  s.ok("changes confirm " + id + " --last4 8000 --staff cash", "3456");
  CHECK(s.ok("changes list --staff sup", "2345").size() == 1);
  s.ok("changes approve " + id + " --staff sup", "2345");
  CHECK(s.one("SELECT phone FROM customers") == "13900139000");

  auto correction = s.ok("customers correct " + no + " --field skin_type --value oily --reason 顾客更正 --staff cash", "3456");
  CHECK(correction["by_customer"] == true);
  CHECK(s.fails("changes reject " + std::string(correction["id"]) + " --staff sup", "2345").find("notes") != std::string::npos);
  s.ok("changes reject " + std::string(correction["id"]) + " --notes 顾客撤回 --staff sup", "2345");
}

TEST_CASE("a purpose outside the routine waits for an approved query request, used once") {
  Store s;
  std::string no = s.registered("钱多多", "13700137000");
  CHECK(s.fails("customers show " + no + " --purpose marketing --staff beau", "4567").find("query_approval_needed") !=
        std::string::npos);
  CHECK(s.fails("customers find 钱 --purpose marketing --staff cash", "3456").find("query_approval_needed") !=
        std::string::npos);
  s.ok("customers show " + no + " --purpose 'service: 面部护理' --staff beau", "4567");  // routine
  auto q = s.ok("queries request --customer " + no + " --purpose marketing --detail 店庆活动邀约 --staff beau", "4567");
  std::string id = q["id"];
  CHECK(s.fails("customers show " + no + " --purpose marketing --request " + id + " --staff beau", "4567")
            .find("query_not_approved") != std::string::npos);
  s.ok("queries approve " + id + " --staff sup", "2345");
  s.ok("customers show " + no + " --purpose marketing --request " + id + " --staff beau", "4567");
  CHECK(s.fails("customers show " + no + " --purpose marketing --request " + id + " --staff beau", "4567")
            .find("query_not_approved") != std::string::npos);  // used
}

TEST_CASE("service finish, the due list and the details recorded by the performer") {
  Store s;
  std::string no = s.registered("孙丽", "13600136000");
  auto tap = s.ok("service finish --item S-FACIAL --customer " + no + " --staff beau", "4567");
  auto due = s.ok("service due --staff beau", "4567");
  REQUIRE(due.size() == 1);
  CHECK(due[0]["service_id"] == tap["service_id"]);
  CHECK(due[0]["overdue"] == false);
  CHECK(std::string(due[0]["countdown"]).rfind("29:", 0) == 0);
  std::string id = tap["service_id"];
  CHECK(s.fails("service record " + id + " --minutes 60 --effect 补水 --staff sup", "2345").find("not_your_service") !=
        std::string::npos);
  auto rec = s.ok("service record " + id + " --minutes 60 --effect 补水后肤色均匀 --feedback 很舒服 --staff beau", "4567");
  CHECK(rec["on_time"] == true);
  CHECK(s.ok("service due --staff beau", "4567").empty());
  CHECK(s.one("SELECT effect FROM customer_visits") == "补水后肤色均匀");
}

TEST_CASE("report compliance prints the hand-computed figures as JSON and CSV") {
  Store s;
  s.fixture();
  auto r = s.ok("report compliance --from 2026-05-28 --to 2026-05-31 --format json --staff mgr", "1234");
  auto row = [&](const std::string& clock, const std::string& by, const std::string& who, const std::string& kind) {
    for (const auto& x : r["rows"])
      if (x["clock"] == clock && x["group_by"] == by && x["who"] == who && x["period_kind"] == kind) return x;
    FAIL("no row " << clock << " " << who);
    return json();
  };
  auto cash = row("consumption", "staff", "cash", "week");
  CHECK(cash["period"] == "2026-W22");
  CHECK(cash["due"] == 4);
  CHECK(cash["on_time"] == 3);
  CHECK(cash["on_time_rate"] == "75.00%");
  CHECK(cash["error_rate"] == "25.00%");
  CHECK(row("consumption", "department", "前台", "month")["period"] == "2026-05");
  CHECK(row("service_details", "staff", "beau", "month")["on_time_rate"] == "60.00%");
  CHECK(row("consumption", "store", "*", "week")["meets_on_time_target"] == false);
  CHECK(r["misses"].size() == 5);
  auto csv = s.run("report compliance --from 2026-05-28 --to 2026-05-31 --format csv --staff mgr", "1234");
  REQUIRE(csv.exitCode == 0);
  CHECK(csv.out.rfind("clock,group_by,who,period_kind,period,due,on_time", 0) == 0);
  CHECK(csv.out.find("consumption,staff,cash,week,2026-W22,4,3,4,1,75.00%,25.00%") != std::string::npos);
  CHECK(s.fails("report compliance --from 2026-05-28 --to 2026-05-31 --staff beau", "4567").find("permission_denied") !=
        std::string::npos);
}

TEST_CASE("complaints run their course, then an upheld dispute about a sale is refunded and linked") {
  Store s;
  auto f = s.fixture();
  auto c = s.ok("complaints open --customer S01-2026-009001 --description 预约后等候40分钟 --staff cash", "3456");
  std::string id = c["id"];
  CHECK(c["due_at"] != nullptr);
  CHECK(s.ok("complaints list --staff sup", "2345").size() == 2);  // the fixture's, overdue, and this one
  CHECK(s.ok("complaints list --overdue --staff sup", "2345").size() == 1);
  s.ok("complaints assign " + id + " --to sup --staff sup", "2345");
  CHECK(s.fails("complaints rate " + id + " --score 4 --staff sup", "2345").find("complaint_open") != std::string::npos);
  s.ok("complaints resolve " + id + " --resolution 致歉并赠送护理一次 --cause 排班不足 --staff sup", "2345");
  s.ok("complaints feedback " + id + " --how 电话告知处理结果 --staff sup", "2345");
  CHECK(s.ok("complaints rate " + id + " --score 4 --staff sup", "2345")["satisfaction"] == 4);

  auto d = s.ok("disputes open --customer S01-2026-009001 --record-type sale --record " + f.s4 +
                    " --objection 重复收费 --staff cash", "3456");
  CHECK(s.ok("disputes list --staff sup", "2345").size() == 1);
  // s4 was refunded in full by the fixture's dispute: nothing is left to refund.
  auto refused = s.run("disputes resolve " + std::string(d["id"]) + " --upheld --outcome 属实 --manager mgr --staff sup",
                       "2345", "SALON_MANAGER_PIN=1234");
  CHECK(refused.exitCode == 2);
  auto rejected = s.ok("disputes resolve " + std::string(d["id"]) + " --outcome 已全额退款，无重复收费 --staff sup", "2345");
  CHECK(rejected["state"] == "rejected");
  CHECK(s.one("SELECT correction_ref FROM disputes WHERE id = '" + f.dispute + "'") == f.refund);
  CHECK(s.one("SELECT reverses FROM sales WHERE id = '" + f.refund + "'") == f.s4);
}

TEST_CASE("a file loan: requested, approved by the manager, lent, returned with a problem") {
  Store s;
  std::string no = s.registered("吴敏", "13500135000");
  auto l = s.ok("loans request --customer " + no + " --reason 总部质检抽查 --due 2099-01-31 --staff sup", "2345");
  std::string id = l["id"];
  CHECK(s.fails("loans approve " + id + " --staff sup", "2345").find("permission_denied") != std::string::npos);
  s.ok("loans approve " + id + " --staff mgr", "1234");
  auto lent = s.ok("loans lend " + id + " --staff sup", "2345");
  CHECK(lent["lent_by"] == "sup");
  CHECK(s.ok("loans overdue --staff mgr", "1234").empty());
  CHECK(s.fails("loans return " + id + " --complete --staff sup", "2345").find("reason_required") != std::string::npos);
  auto back = s.ok("loans return " + id + " --complete --problem '第3页有水渍' --staff sup", "2345");
  CHECK(back["undamaged"] == false);
  CHECK(s.one("SELECT outcome FROM audit_log WHERE action = 'customer.loan_problem'") == "reported_to_manager");
}

TEST_CASE("the customer sees their own statement and who viewed their file, then five wrong tries lock it") {
  Store s;
  s.fixture();
  s.ok("customers show S01-2026-009001 --purpose checkout --staff cash", "3456");
  auto text = runKiosk("customers statement --file S01-2026-009001 --last4 7000 --db " + s.db, s.scratch(), "LANG=zh_CN.UTF-8");
  REQUIRE(text.exitCode == 0);
  CHECK(text.out.find("消费记录查询") != std::string::npos);
  CHECK(text.out.find("137****7000") != std::string::npos);
  auto j = json::parse(runKiosk("customers statement --file S01-2026-009001 --last4 7000 --format json --db " + s.db,
                                s.scratch()).out);
  REQUIRE(j["count"] == 2);  // s4 and its refund
  CHECK(j["net"] == 0);
  CHECK(j["entries"][1]["kind"] == "refund");
  // A QR made up from the file number (no valid signature) opens nothing, even with the right digits.
  auto forged = runKiosk("customers mine --card SK1.S01-2026-009001.1.sig --last4 7000 --db " + s.db, s.scratch());
  CHECK(forged.exitCode == 2);
  CHECK(forged.err.find("card_") != std::string::npos);
  CHECK(forged.out.find("137****7000") == std::string::npos);
  auto mine = json::parse(runKiosk("customers mine --file S01-2026-009001 --last4 7000 --db " + s.db,
                                   s.scratch()).out);
  CHECK(mine["file"]["phone"] == "137****7000");
  bool cashSeen = false;
  for (const auto& v : mine["viewed_by"]) cashSeen = cashSeen || (v["by"] == "陈前台" && v["purpose"] == "checkout");
  CHECK(cashSeen);
  for (int i = 0; i < 5; ++i)
    CHECK(runKiosk("customers mine --file S01-2026-009001 --last4 0000 --db " + s.db, s.scratch()).exitCode == 2);
  auto locked = runKiosk("customers mine --file S01-2026-009001 --last4 7000 --db " + s.db, s.scratch());
  CHECK(locked.exitCode == 2);
  CHECK(locked.err.find("self_service_locked") != std::string::npos);
}

TEST_CASE("the weekly review is run, worked through item by item and signed, then declined fields are never flagged") {
  Store s;
  s.fixture();
  {
    SQLite::Database d(s.db, SQLite::OPEN_READWRITE);
    // 9001 declined every mandatory field but one; an old file still waits for review.
    for (const char* f : {"gender", "birthday", "allergies"})
      d.exec(std::string("INSERT INTO customer_fields VALUES (9001, '") + f + "', 'declined', '', 0, 'cash')");
    d.exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by, birthday)"
           " VALUES (9002, 'S01-2026-009002', '郑老', '13300133000', 'pending_review', 0, 'cash', '1890-01-01')");
  }
  auto r = s.ok("review weekly run --staff sup", "2345");
  std::string id = r["id"];
  std::map<std::string, int> checks;
  bool declinedFlagged = false;
  for (const auto& i : r["items"]) {
    ++checks[i["check"]];
    declinedFlagged = declinedFlagged || (i["record_id"] == "S01-2026-009001" && i["detail"] != "skin_type" &&
                                          i["check"] == "empty_mandatory");
  }
  CHECK_FALSE(declinedFlagged);
  CHECK(checks["empty_mandatory"] == 5);  // 9001 skin_type; 9002 all four
  CHECK(checks["implausible"] == 1);      // born 1890
  CHECK(checks["pending_review_24h"] == 1);
  CHECK(checks["complaint_open"] == 1);
  CHECK(s.fails("review weekly sign " + id + " --staff sup", "2345").find("review_items_open") != std::string::npos);
  for (const auto& i : r["items"])
    s.ok("review weekly done " + id + " --item " + std::to_string(int(i["no"])) + " --note 已核实 --staff sup", "2345");
  auto signedOff = s.ok("review weekly sign " + id + " --note 本周审查完毕 --staff sup", "2345");
  CHECK(signedOff["signed_by"] == "sup");
  CHECK(s.fails("review weekly done " + id + " --item 1 --note 改 --staff sup", "2345").find("review_signed") !=
        std::string::npos);
  CHECK(s.ok("review weekly list --staff sup", "2345").size() == 1);
}

TEST_CASE("reconcile a month from the sample statements, explain each difference, sign and export") {
  Store s;
  s.fixture();
  std::string files = std::string(" --wechat ") + kSample + "wechat_2026-05.csv --alipay " + kSample +
                      "alipay_2026-05.csv --bank " + kSample + "bank_2026-05.csv";
  CHECK(s.fails("reconcile run --month 2026-05" + files + " --staff cash", "3456").find("permission_denied") !=
        std::string::npos);
  auto r = s.ok("reconcile run --month 2026-05" + files + " --staff fin", "5678");
  // The fixture's card payments carry their own references: none is on the bank's
  // file, and every statement row is missing from the kiosk.
  int inKiosk = 0, inStatement = 0;
  for (const auto& d : r["differences"]) {
    inKiosk += d["kind"] == "missing_in_kiosk" ? 1 : 0;
    inStatement += d["kind"] == "missing_in_statement" ? 1 : 0;
  }
  CHECK(inKiosk == 3 + 2 + 2);       // WeChat 4 refs (802 nets to zero but is still not in the kiosk), Alipay 2, bank 2
  CHECK(inStatement == 4);           // s1, s2, s3, s5 (s4 was refunded in full)
  std::string id = r["id"];
  CHECK(s.fails("reconcile sign " + id + " --staff fin", "5678").find("differences_unexplained") != std::string::npos);
  for (const auto& d : r["differences"])
    s.ok("reconcile explain " + id + " --item " + std::to_string(int(d["no"])) + " --note 测试数据 --staff fin", "5678");
  s.ok("reconcile sign " + id + " --note 五月核对完毕 --staff fin", "5678");
  std::string out = s.dir.file("recon.csv");
  REQUIRE(s.run("reconcile export " + id + " --to " + out + " --staff fin", "5678").exitCode == 0);
  std::string csv = salon::test::readWhole(out);
  CHECK(csv.rfind("\xEF\xBB\xBFsection,tender", 0) == 0);
  CHECK(csv.find("total,card,") != std::string::npos);
  CHECK(csv.find("signed,fin,五月核对完毕") != std::string::npos);
}
