// salon-kiosk catalog promote: the four kinds from the command line, their stable
// refusals, and a sale priced under a running one.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support/demo_shop.h"

using nlohmann::json;

namespace {

struct Shop : salon::test::DemoShop {
  Shop() : DemoShop("SALON_LANG=en") {}
  salon::test::CommandResult promote(const std::string& args) {
    return kiosk("catalog promote --staff mgr --from 2099-01-01 --until 2099-01-31 --name test " + args, "1234");
  }
  // Moves every promotion's start to the past (a test's shortcut: promotions are
  // set up before they start, and waiting for 2099 is long).
  void startNow() {
    SQLite::Database raw(db, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE promotions SET from_at = 0");
  }
  json sale(const std::string& id, const std::string& item, int qty, std::int64_t cash) {
    json line = {{"item", item}, {"qty", qty}};
    if (item[0] == 'S') line["staff"] = {"beau"};
    json body = {{"id", id}, {"customer", nullptr}, {"lines", {line}},
                 {"tenders", {{{"type", "cash"}, {"amount", cash}}}}};
    std::ofstream(dir.file("sale.json")) << body.dump();
    auto r = kiosk("sale --staff cash --json " + dir.file("sale.json"), "3456");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return json::parse(r.out);
  }
};

// The refusal's stable code: stderr's line ends "[code]".
std::string code(const salon::test::CommandResult& r) {
  auto open = r.err.rfind('['), close = r.err.rfind(']');
  return open == std::string::npos || close < open ? r.err : r.err.substr(open + 1, close - open - 1);
}

}  // namespace

TEST_CASE("catalog promote: each kind needs its own figures, refused with a stable code") {
  Shop shop;
  auto badKind = shop.promote("--item S-CUT --kind half_off");
  CHECK(badKind.exitCode == 2);
  CHECK(code(badKind) == "promotion_bad_kind");
  auto noPrice = shop.promote("--item S-CUT --kind fixed_price");
  CHECK(noPrice.exitCode == 2);
  CHECK(noPrice.err.find("--price") != std::string::npos);
  auto noFree = shop.promote("--item P-SERUM --kind buy_get_free --buy 2");
  CHECK(noFree.exitCode == 2);
  CHECK(code(noFree) == "promotion_bad_quantity");
  auto noPercent = shop.promote("--item S-CUT");
  CHECK(noPercent.exitCode == 2);
  CHECK(code(noPercent) == "promotion_bad_percent");
  SQLite::Database raw(shop.db, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT count(*) FROM promotions").getInt() == 0);  // nothing half-written
}

TEST_CASE("catalog promote: a sale price and buy two get one free price the next sale") {
  Shop shop;
  REQUIRE(shop.promote("--item S-CUT --kind fixed_price --price 68").exitCode == 0);
  REQUIRE(shop.promote("--item P-SERUM --kind buy_get_free --buy 2 --free 1").exitCode == 0);
  shop.startNow();
  auto list = shop.kiosk("catalog list --json", "1234");
  REQUIRE(list.exitCode == 0);
  for (const json& i : json::parse(list.out)) {
    if (i["code"] == "S-CUT") CHECK(i["promotion"] == json({{"kind", "fixed_price"}, {"name", "test"}, {"price", 6800}}));
    if (i["code"] == "P-SERUM") CHECK(i["promotion"]["buy"] == 2);
    if (i["code"] == "S-CUT") CHECK_FALSE(i.contains("promotion_bp"));
  }
  json cut = shop.sale("71111111-2222-4333-8444-555555555555", "S-CUT", 2, 2 * 6800);
  CHECK(cut["totals"]["total"] == 2 * 6800);
  json serum = shop.sale("72222222-2222-4333-8444-555555555555", "P-SERUM", 3, 2 * 29900);
  CHECK(serum["totals"]["total"] == 2 * 29900);
  CHECK(serum["lines"][0]["benefit"] == "promotion");
}
