// The catalog's texts by key: the language, the English fallback, or the key.
#include <catch2/catch.hpp>

#include <string>

#include "app/core/i18n.h"

using salon::Catalog;

TEST_CASE("a text comes from the language, then the fallback, then is the key itself") {
  Catalog c("zh-Hans", {{"a", "甲"}}, {{"a", "A"}, {"b", "B"}});
  CHECK(c.text("a") == "甲");
  CHECK(c.text("b") == "B");
  CHECK(c.text("c") == "c");
}

TEST_CASE("the text of a missing key built in a temporary outlives the temporary") {
  Catalog c("en", {});
  const std::string code = "disk_full";
  const std::string& own = c.text("recovery.what." + code);  // the temporary dies here
  std::string other = "x" + std::string(64, 'y');             // reuses the freed memory
  CHECK(own == "recovery.what.disk_full");
  CHECK(&c.text("recovery.what." + code) == &own);  // one kept copy per key
  Catalog copy = c;
  CHECK(copy.text("recovery.what.disk_full") == "recovery.what.disk_full");
}
