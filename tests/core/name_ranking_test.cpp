#include "app/core/name_ranking.h"

#include <catch2/catch.hpp>

using namespace salon;

TEST_CASE("name ranking puts surnames and given-name characters first, in the engine's order") {
  // What librime offers for "wang": 网 first, 亡 among them.
  const auto ranked = rankForNames({"网", "往", "王", "望", "忘", "旺", "汪", "亡", "枉"});
  REQUIRE(ranked.size() == 9);
  CHECK(ranked[0] == "王");
  CHECK(ranked[1] == "汪");
  CHECK(ranked[2] == "网");  // ordinary words keep the engine's order after the names
  CHECK(ranked.back() == "亡");
}

TEST_CASE("name ranking keeps whole names ahead of phrases and works in traditional characters") {
  const auto ranked = rankForNames({"与", "于", "雨", "语", "宇", "钰", "王宇", "鱼"});
  CHECK(ranked[0] == "于");
  CHECK(ranked[1] == "雨");
  CHECK(ranked[2] == "宇");
  CHECK(ranked[3] == "钰");
  CHECK(ranked[4] == "王宇");
  CHECK(isNameLike("陳詩涵"));
  CHECK_FALSE(isNameLike("网"));
  CHECK_FALSE(isNameLike(""));
  CHECK(rankForNames({}).empty());
}
