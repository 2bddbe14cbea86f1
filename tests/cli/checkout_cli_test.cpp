// The checkout subcommands as a cashier, a manager and the finance office use them.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/demo_shop.h"
#include "support/run_command.h"

using nlohmann::json;
using salon::test::runKiosk;

namespace {

struct Shop : salon::test::DemoShop {
  salon::test::CommandResult sale(const json& body, const std::string& staff = "cash", const std::string& pin = "3456",
                                  const std::string& extra = "") {
    std::string file = dir.file("sale.json");
    std::ofstream(file) << body.dump();
    return kiosk("sale --staff " + staff + " --json " + file, pin, extra);
  }
  long long count(const std::string& table) {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT COUNT(*) FROM " + table).getInt64();
  }
};

json cutAndMask(const std::string& id) {
  return {{"id", id},
          {"customer", nullptr},
          {"lines", {{{"item", "S-CUT"}, {"qty", 1}, {"staff", {"beau"}}}, {{"item", "P-MASK"}, {"qty", 2}}}},
          {"tenders", {{{"type", "wechat"}, {"amount", 20000}, {"ref", "WX4200001"}}, {{"type", "cash"}, {"amount", 20000}}}}};
}

}  // namespace

TEST_CASE("sale: a walk-in pays by WeChat and cash, the stored sale comes back as JSON") {
  Shop shop;
  auto r = shop.sale(cutAndMask("11111111-2222-4333-8444-555555555555"));
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  json s = json::parse(r.out);
  CHECK(s["id"] == "11111111-2222-4333-8444-555555555555");
  CHECK(s["totals"]["gross"] == 8800 + 2 * 12800);
  CHECK(s["totals"]["total"] == 34400);
  CHECK(s["tenders"][1]["amount"] == 14400);
  CHECK(s["change"] == 5600);
  CHECK(s["lines"][0]["staff"][0]["code"] == "beau");
  CHECK(s["customer"].is_null());
  // The same id and body again: the first sale, not a second one.
  auto again = shop.sale(cutAndMask("11111111-2222-4333-8444-555555555555"));
  REQUIRE(again.exitCode == 0);
  CHECK(json::parse(again.out)["replayed"] == true);
  CHECK(json::parse(again.out)["recorded_at"] == s["recorded_at"]);
  CHECK(shop.count("sales") == 1);
  CHECK(shop.kiosk("verify", "").exitCode == 0);
}

TEST_CASE("sale: bad input gives a JSON error on stderr, a non-zero exit, and stores nothing") {
  Shop shop;
  const std::string business = "audit_log WHERE action NOT LIKE 'staff.%'";
  auto before = shop.count(business);
  json noRef = cutAndMask("21111111-2222-4333-8444-555555555555");
  noRef["tenders"][0].erase("ref");
  json unknown = cutAndMask("31111111-2222-4333-8444-555555555555");
  unknown["lines"][0]["item"] = "S-NOPE";
  json shortPaid = cutAndMask("41111111-2222-4333-8444-555555555555");
  shortPaid["tenders"] = {{{"type", "card"}, {"amount", 100}}};
  json badJson = "not a sale";
  for (const auto& [body, code] : {std::pair{noRef, "tender_ref_required"}, {unknown, "unknown_item"},
                                   {shortPaid, "tenders_short"}, {badJson, "bad_json"}}) {
    auto r = shop.sale(body);
    CHECK(r.exitCode != 0);
    CHECK(r.out.empty());
    json err = json::parse(r.err);
    CHECK(err["error"]["code"] == code);
    CHECK_FALSE(err["error"]["message"].get<std::string>().empty());
  }
  CHECK(shop.count("sales") == 0);
  CHECK(shop.count(business) == before);
  // The same id with a different body is refused.
  REQUIRE(shop.sale(cutAndMask("51111111-2222-4333-8444-555555555555")).exitCode == 0);
  json other = cutAndMask("51111111-2222-4333-8444-555555555555");
  other["tenders"][1]["amount"] = 30000;
  auto conflict = shop.sale(other);
  CHECK(conflict.exitCode == 2);
  CHECK(json::parse(conflict.err)["error"]["code"] == "id_conflict");
}

TEST_CASE("a manual discount needs a manager's PIN, a void needs one too and restores everything") {
  Shop shop;
  json disc = cutAndMask("61111111-2222-4333-8444-555555555555");
  disc["discount"] = 400;
  disc["reason"] = "老顾客";
  disc["approved_by"] = "mgr";
  auto noPin = shop.sale(disc);
  CHECK(json::parse(noPin.err)["error"]["code"] == "manager_pin_missing");
  auto wrongRole = shop.sale(disc, "cash", "3456", "SALON_MANAGER_PIN=1234");
  REQUIRE(wrongRole.exitCode == 0);
  CHECK(json::parse(wrongRole.out)["totals"]["total"] == 34000);
  json cashierApproves = disc;
  cashierApproves["id"] = "71111111-2222-4333-8444-555555555555";
  cashierApproves["approved_by"] = "cash";
  CHECK(json::parse(shop.sale(cashierApproves, "cash", "3456", "SALON_MANAGER_PIN=3456").err)["error"]["code"] ==
        "permission_denied");
  auto v = shop.kiosk("void --staff cash --sale 61111111-2222-4333-8444-555555555555 --manager mgr --reason 输错", "3456",
                      "SALON_MANAGER_PIN=1234");
  INFO(v.err);
  REQUIRE(v.exitCode == 0);
  json undo = json::parse(v.out);
  CHECK(undo["kind"] == "void");
  CHECK(undo["totals"]["total"] == -34000);
  auto z = shop.kiosk("report z --staff mgr --date " + undo["business_day"].get<std::string>(), "1234");
  REQUIRE(z.exitCode == 0);
  json report = json::parse(z.out);
  CHECK(report["sales"] == 1);
  CHECK(report["voids"] == 1);
  CHECK(report["total"] == 0);
  CHECK(report["audit_chain_head"]["hash"].get<std::string>().size() == 64);
  CHECK(shop.kiosk("verify", "").exitCode == 0);
}

TEST_CASE("catalog list, export and import, demo-data adds past sales, day close and staff report") {
  Shop shop;
  auto list = shop.kiosk("catalog list --json", "");
  REQUIRE(list.exitCode == 0);
  json items = json::parse(list.out);
  REQUIRE(items.size() >= 10);
  bool cut = false;
  for (const auto& i : items)
    if (i["code"] == "S-CUT") cut = i["price"] == 8800 && i["kind"] == "service";
  CHECK(cut);
  auto csv = shop.kiosk("catalog export", "");
  REQUIRE(csv.exitCode == 0);
  std::string changed = csv.out;
  const std::string was = "S-CUT,洗剪吹,service,hair,8800";
  auto pos = changed.find(was);
  REQUIRE(pos != std::string::npos);
  changed.replace(pos, was.size(), "S-CUT,洗剪吹,service,hair,9800");
  std::ofstream(shop.dir.file("cat.csv")) << changed << "S-NEW,\"头皮护理, 深层\",service,hair,19800,60,,,0,0,0,1\n";
  CHECK(shop.kiosk("catalog import --staff cash --csv " + shop.dir.file("cat.csv"), "3456").exitCode == 2);
  auto imp = shop.kiosk("catalog import --staff mgr --csv " + shop.dir.file("cat.csv"), "1234");
  INFO(imp.err);
  REQUIRE(imp.exitCode == 0);
  CHECK(json::parse(imp.out)["prices_changed"] == 2);
  json after = json::parse(shop.kiosk("catalog list --json", "").out);
  for (const auto& i : after) {
    if (i["code"] == "S-CUT") CHECK(i["price"] == 9800);
    if (i["code"] == "S-NEW") CHECK(i["name"] == "头皮护理, 深层");
  }
  auto demo = runKiosk("demo-data --db " + shop.db + " --staff admin --sales 200", shop.dir.path().string(), "SALON_PIN=9999");
  INFO(demo.err);
  REQUIRE(demo.exitCode == 0);
  CHECK(shop.count("sales") > 150);
  CHECK(shop.kiosk("verify", "").exitCode == 0);
  auto close = shop.kiosk("day close --staff cash --count 10000:1,5000:2", "3456");
  REQUIRE(close.exitCode == 0);
  CHECK(json::parse(close.out)["counted_cash"] == 20000);
  CHECK(json::parse(close.out)["expected_cash"] == 20000);
  auto staff = shop.kiosk("report staff --staff fin --from 2000-01-01 --to 2100-01-01", "5678");
  REQUIRE(staff.exitCode == 0);
  json perf = json::parse(staff.out)["staff"];
  REQUIRE_FALSE(perf.empty());
  CHECK(perf[0]["performance"].get<long long>() > 0);
  CHECK(shop.kiosk("report staff --staff cash --from 2000-01-01 --to 2100-01-01", "3456").exitCode == 2);
}

TEST_CASE("a stored sale prints as its receipt: names, totals, tenders, its QR, and 重印 on the second print") {
  Shop shop;
  const std::string id = "51111111-2222-4333-8444-555555555555";
  REQUIRE(shop.sale(cutAndMask(id)).exitCode == 0);
  std::string paper = shop.dir.file("receipt.bin");
  auto print = [&] {
    std::filesystem::remove(paper);
    return shop.kiosk("print receipt " + id + " --staff cash --printer file:" + paper, "3456");
  };
  auto render = [&](const std::string& name) {
    std::string png = shop.dir.file(name + ".png"), txt = shop.dir.file(name + ".txt");
    REQUIRE(runKiosk("escpos render " + paper + " --png " + png + " --text " + txt, shop.dir.path().string()).exitCode == 0);
    return std::make_pair(png, salon::test::readWhole(txt));
  };
  auto first = print();
  INFO(first.err);
  REQUIRE(first.exitCode == 0);
  auto [png, text] = render("first");
  CHECK(text.find("陈前台") != std::string::npos);           // the cashier, by name
  CHECK(text.find("林美容师") != std::string::npos);         // the staff of the service line
  CHECK(text.find("344.00") != std::string::npos);           // the total
  CHECK(text.find("56.00") != std::string::npos);            // the change
  CHECK(text.find("微信") != std::string::npos);
  CHECK(text.find("重印") == std::string::npos);
  auto qr = salon::test::runShell("zbarimg -q --raw -Sbinary " + png, shop.dir.path().string());
  CHECK(qr.out.find(id) == 0);

  REQUIRE(print().exitCode == 0);
  CHECK(render("second").second.find("重印") != std::string::npos);
  CHECK(shop.kiosk("print receipt 00000000-0000-4000-8000-000000000000 --staff cash --printer file:" + paper, "3456").exitCode == 2);
}
