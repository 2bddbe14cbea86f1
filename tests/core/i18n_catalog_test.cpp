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
