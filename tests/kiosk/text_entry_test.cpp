#include <catch2/catch.hpp>

#include "app/kiosk/text_entry.h"

using salon::kiosk::KeyEntry;

TEST_CASE("KeyEntry: erase takes a whole character, clear takes text and letters") {
  KeyEntry e(KeyEntry::Kind::Text, 64);
  e.pick("王䶮");
  REQUIRE(e.text() == "王䶮");
  CHECK_FALSE(e.apply("<"));
  CHECK(e.text() == "王");
  e.apply("wang", true);
  CHECK(e.letters() == "wang");
  CHECK(e.text() == "王");
  e.apply("<");  // a composing letter goes first
  CHECK(e.letters() == "wan");
  CHECK(e.text() == "王");
  e.apply("C");
  CHECK(e.empty());
}

TEST_CASE("KeyEntry: '=' is done and the keys after it are not applied") {
  KeyEntry e(KeyEntry::Kind::Digits, 15);
  CHECK(e.apply("13a8=99"));
  CHECK(e.text() == "138");
}

TEST_CASE("KeyEntry: digits stop at the limit, letters go through only as text") {
  KeyEntry d(KeyEntry::Kind::Digits, 4);
  d.apply("123456");
  CHECK(d.text() == "1234");
  KeyEntry t(KeyEntry::Kind::Text, 8);
  t.apply("ab12");  // no pinyin engine: letters typed as they are
  CHECK(t.text() == "ab12");
}

TEST_CASE("KeyEntry: a yuan amount takes one point and two decimals") {
  KeyEntry y(KeyEntry::Kind::Yuan, 9);
  y.apply(".5");
  CHECK(y.text() == "0.5");
  y.apply(".678");
  CHECK(y.text() == "0.56");
  y.apply("C12.3.4");
  CHECK(y.text() == "12.34");
}

TEST_CASE("KeyEntry: free text takes any key but the commands, and letters compose") {
  KeyEntry f(KeyEntry::Kind::Free, 20);
  f.apply("127.0.0.1:9100");
  CHECK(f.text() == "127.0.0.1:9100");
  f.apply("Cab-", true);
  CHECK(f.letters() == "ab");
  CHECK(f.text() == "-");
}

TEST_CASE("KeyEntry: a phone takes + only first and - only after a digit") {
  KeyEntry p(KeyEntry::Kind::Phone, 20);
  p.apply("-+85291234567+");
  CHECK(p.text() == "+85291234567");
  KeyEntry l(KeyEntry::Kind::Phone, 20);
  l.apply("021--6288a1234");
  CHECK(l.text() == "021-62881234");
}
