// Every sentence exists in every language the kiosk speaks.
#include <catch2/catch.hpp>

#include <set>

#include "assets/assets.h"

TEST_CASE("every translation key exists in zh-Hans, zh-Hant and en") {
  salon::Catalog hans = salon::assets::catalog("zh-Hans");
  salon::Catalog hant = salon::assets::catalog("zh-Hant");
  salon::Catalog en = salon::assets::catalog("en");
  REQUIRE(hans.all().size() > 10);
  std::set<std::string> keys;
  for (const auto* c : {&hans, &hant, &en})
    for (const auto& [k, v] : c->all()) keys.insert(k);
  for (const std::string& k : keys) {
    INFO(k);
    CHECK(hans.all().count(k) == 1);
    CHECK(hant.all().count(k) == 1);
    CHECK(en.all().count(k) == 1);
  }
}

TEST_CASE("an error is described in the chosen language, unknown codes still readable") {
  salon::Catalog hans = salon::assets::catalog("zh-Hans");
  salon::Catalog en = salon::assets::catalog("en");
  salon::DomainError e("pin_wrong", "cash");
  CHECK(hans.describe(e) == "密码错误: cash");
  CHECK(en.describe(e) == "Wrong PIN: cash");
  CHECK(en.describe(salon::DomainError("no_such_code", "x")) == "The operation failed [no_such_code]: x");
  CHECK(salon::assets::catalog("fr").language() == "zh-Hans");
}
