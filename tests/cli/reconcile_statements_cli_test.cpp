// `reconcile run` with real statements: the figures per source and per day, the
// refusals (file and line named, nothing stored), the size limit, and an export a
// spreadsheet sums.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/compliance_fixture.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using nlohmann::json;
using salon::test::kMemoryLimit;
using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

const std::string kData = SALON_SOURCE_DIR "/tests/data/reconcile/";


struct Finance {
  TempDir dir;
  std::string db = dir.file("salon.db");
  Finance() {
    REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
    auto d = salon::storage::Database::open(db);
    salon::test::buildComplianceFixture(*d);
  }
  salon::test::CommandResult run(const std::string& args) {
    return runKiosk(args + " --staff fin --db " + db, dir.path().string(), "SALON_LANG=en SALON_PIN=5678");
  }
  std::string refused(const std::string& args) {
    auto r = run(args);
    INFO(args << "\n" << r.out);
    CHECK(r.exitCode == 2);
    CHECK(stored() == 0);  // nothing of a refused run is kept
    return r.err;
  }
  int stored() {
    SQLite::Database s(db, SQLite::OPEN_READONLY);
    return s.execAndGet("SELECT count(*) FROM reconciliations").getInt();
  }
};

}  // namespace

TEST_CASE("reconcile run reports rows, gross, refunds, fees and net per source and per day, formats told from the files") {
  Finance f;
  auto r = f.run("reconcile run --month 2026-05 --wechat " + kData + "wechat_edges_2026-05.csv --alipay " + kData +
                 "alipay_trade_2026-05.csv --statement " + kData + "bank_2026-05.csv");
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  json j = json::parse(r.out);
  REQUIRE(j["sources"].size() == 3);
  json wx = j["sources"][0];
  CHECK(wx["format"] == "wechat_bill");
  CHECK(wx["rows"] == 7);
  CHECK(wx["gross"] == 91000);
  CHECK(wx["refunds"] == 29900);
  CHECK(wx["fees"] == 368);
  CHECK(wx["net"] == 91000 - 29900 - 368);
  REQUIRE(wx["days"].size() == 5);
  CHECK(wx["days"][0] == json({{"date", "2026-05-02"}, {"rows", 1}, {"gross", 0}, {"refunds", 19900},
                                {"fees", -119}, {"net", -19781}}));
  json ali = j["sources"][1];
  CHECK(ali["tender"] == "alipay");
  CHECK(ali["format"] == "alipay_trade_bill");
  CHECK(ali["net"] == 91000 - 29900 - 362);
  CHECK(j["sources"][2]["tender"] == "card");  // --statement: the channel from the file
  // `show` gives back the same figures from the store.
  auto shown = f.run("reconcile show " + j["id"].get<std::string>());
  REQUIRE(shown.exitCode == 0);
  CHECK(json::parse(shown.out)["sources"] == j["sources"]);
}

TEST_CASE("a statement cut short, edited, of another month or another channel is refused, naming file and line") {
  Finance f;
  std::string run = "reconcile run --month 2026-05 ";
  std::string err = f.refused(run + "--wechat " + kData + "wechat_truncated_2026-05.csv");
  CHECK(err.find("wechat_truncated_2026-05.csv: line 7: 6 of 27 columns") != std::string::npos);
  CHECK(err.find("[statement_truncated]") != std::string::npos);
  err = f.refused(run + "--alipay " + kData + "alipay_trade_truncated_2026-05.csv");
  CHECK(err.find("[statement_truncated]") != std::string::npos);
  err = f.refused(run + "--alipay " + kData + "alipay_trade_tampered_2026-05.csv");
  CHECK(err.find("alipay_trade_tampered_2026-05.csv: line 14: #交易合计 商家实收 says 900.00") != std::string::npos);
  CHECK(err.find("[statement_summary_mismatch]") != std::string::npos);
  // A good file first, then a bad one: still nothing stored.
  err = f.refused(run + "--wechat " + kData + "wechat_edges_2026-05.csv --statement " + kData + "wechat_outside_2026-05.csv");
  CHECK(err.find("wechat_outside_2026-05.csv: line 2: 2026-04-30 23:59 is not in 2026-05") != std::string::npos);
  CHECK(err.find("[statement_outside_month]") != std::string::npos);
  err = f.refused("reconcile run --month 2026-04 --alipay " + kData + "alipay_trade_2026-05.csv");
  CHECK(err.find("[statement_outside_month]") != std::string::npos);
  err = f.refused(run + "--alipay " + kData + "wechat_edges_2026-05.csv");
  CHECK(err.find("--wechat statement (wechat_bill) given as --alipay") != std::string::npos);
  CHECK(err.find("[statement_wrong_channel]") != std::string::npos);
}

TEST_CASE("a statement file over 64 MiB is refused before it is read whole, an endless one too") {
  Finance f;
  std::string big = f.dir.file("huge.csv");
  std::filesystem::copy_file(kData + "wechat_edges_2026-05.csv", big);
  std::filesystem::resize_file(big, 65ull * 1024 * 1024);  // sparse: costs no disk
  auto started = std::chrono::steady_clock::now();
  std::string err = f.refused("reconcile run --month 2026-05 --wechat " + big);
  CHECK(err.find("huge.csv: ") != std::string::npos);
  CHECK(err.find("[statement_too_large]") != std::string::npos);
  // An endless input under 300 MB of address space: cut at 64 MiB, never read whole.
  auto endless = salon::test::runShell(kMemoryLimit + "env SALON_LANG=en SALON_PIN=5678 " + std::string(SALON_KIOSK_BIN) +
                                           " reconcile run --month 2026-05 --statement /dev/zero --staff fin --db " + f.db,
                                       f.dir.path().string());
  INFO(endless.err);
  CHECK(endless.exitCode == 2);
  CHECK(endless.err.find("[statement_too_large]") != std::string::npos);
  CHECK(f.stored() == 0);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}

TEST_CASE("reconcile export writes amounts as plain numbers a spreadsheet sums") {
  Finance f;
  auto r = f.run("reconcile run --month 2026-05 --wechat " + kData + "wechat_edges_2026-05.csv");
  REQUIRE(r.exitCode == 0);
  std::string id = json::parse(r.out)["id"];
  auto csv = f.run("reconcile export " + id);
  REQUIRE(csv.exitCode == 0);
  CHECK(csv.out.find("'-") == std::string::npos);  // no apostrophe in front of a negative amount
  CHECK(std::regex_search(csv.out, std::regex(",-[0-9]+\\.[0-9][0-9],")));  // a negative difference, as a number
  CHECK(std::regex_search(csv.out, std::regex("\r\ntotal,wechat,,[0-9]+\\.[0-9][0-9],[0-9]+\\.[0-9][0-9],-?[0-9]+\\.[0-9][0-9],")));
}
