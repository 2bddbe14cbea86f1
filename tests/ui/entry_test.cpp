#include <catch2/catch.hpp>

#include "app/ui/entry.h"
#include "app/ui/glyph_set.h"
#include "app/ui/idle_lock.h"

using namespace salon;
using namespace salon::ui;

TEST_CASE("a keypad entry takes digits up to its length, erases, clears and reports done") {
  DigitEntry pin(4);
  CHECK_FALSE(pin.apply("12345"));
  CHECK(pin.digits() == "1234");
  CHECK_FALSE(pin.apply("<"));
  CHECK(pin.digits() == "123");
  CHECK(pin.apply("9x="));
  CHECK(pin.digits() == "1239");
  pin.apply("C");
  CHECK(pin.digits().empty());
  pin.apply("<<");
  CHECK(pin.digits().empty());
}

TEST_CASE("names and phones are masked for a screen the customer can see") {
  CHECK(maskName("张三") == "张*");
  CHECK(maskName("陳美玲") == "陳**");
  CHECK(maskName("欧阳娜娜") == "欧***");
  CHECK(maskName("张") == "张*");
  CHECK(maskName("Alice Wong") == "A****");
  CHECK(maskName("") == "*");
}

TEST_CASE("UTF-8 decodes and encodes round trip, broken bytes become U+FFFD") {
  std::string s = "账帳陳玲 a¥😀";
  std::u32string d = decodeUtf8(s);
  REQUIRE(d.size() == 8);
  CHECK(d[0] == U'账');
  CHECK(d[7] == U'😀');
  std::string back;
  for (char32_t c : d) back += encodeUtf8(c);
  CHECK(back == s);
  CHECK(decodeUtf8("\xE8\xB4") == std::u32string{U'\uFFFD', U'\uFFFD'});
}

TEST_CASE("the glyph set holds what is shown, including characters ImGui's Chinese ranges lack") {
  GlyphSet g;
  CHECK(g.contains(U'A'));
  CHECK_FALSE(g.contains(U'账'));
  CHECK(g.add("账帳陳玲"));
  CHECK_FALSE(g.add("陳玲"));  // nothing new
  CHECK(g.contains(U'帳'));
  ImVector<ImWchar> r = g.ranges();
  REQUIRE(r.Size >= 3);
  CHECK(r[r.Size - 1] == 0);
  bool found = false;
  for (int i = 0; i + 1 < r.Size; i += 2) found |= r[i] <= 0x9673 && 0x9673 <= r[i + 1];  // 陳
  CHECK(found);
}

TEST_CASE("the kiosk locks after the idle minutes, counted from the last touch") {
  IdleLock lock(5);
  lock.activity(1000);
  CHECK_FALSE(lock.expired(1000 + 5 * kMinute - 1));
  CHECK(lock.expired(1000 + 5 * kMinute));
  lock.activity(1000 + 4 * kMinute);
  CHECK_FALSE(lock.expired(1000 + 5 * kMinute));
}
