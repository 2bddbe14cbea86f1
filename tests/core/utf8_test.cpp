#include <catch2/catch.hpp>

#include "app/core/text_rules.h"

using namespace salon;

TEST_CASE("nextCharacter reads one code point at a time, broken bytes become U+FFFD and the rest is kept") {
  std::string s = "a¥账𠮷";
  std::size_t pos = 0;
  CHECK(nextCharacter(s, pos) == U'a');
  CHECK(nextCharacter(s, pos) == U'¥');
  CHECK(nextCharacter(s, pos) == U'账');
  CHECK(nextCharacter(s, pos) == U'𠮷');
  CHECK(pos == s.size());

  CHECK(codePoints("\xE8\xB4") == std::u32string{U'\uFFFD', U'\uFFFD'});     // cut off
  CHECK(codePoints("\xC0\xAF" "a") == std::u32string{U'\uFFFD', U'\uFFFD', U'a'});  // overlong '/'
  CHECK(codePoints("\xED\xA0\x80") == std::u32string(3, U'\uFFFD'));        // a surrogate
  CHECK(codePoints("x\xFFy") == U"x\uFFFDy");
}

TEST_CASE("appendUtf8 and codePoints round trip every plane") {
  std::string s;
  for (char32_t c : {U'a', U'é', U'陳', U'😀', U'\U0010FFFF'}) appendUtf8(s, c);
  CHECK(codePoints(s) == U"a" U"é" U"陳" U"😀" U"\U0010FFFF");
  std::vector<char32_t> strict;
  CHECK(decodeUtf8(s, strict));
  CHECK(strict.size() == 5);
  CHECK_FALSE(decodeUtf8("\xC0\xAF", strict));
}

TEST_CASE("codeList splits codes on commas, drops spaces and empty items") {
  CHECK(codeList("gold, silver,,  vip ") == std::vector<std::string>{"gold", "silver", "vip"});
  CHECK(codeList("").empty());
}
