#include <catch2/catch.hpp>

#include "app/core/key_wedge.h"

using namespace salon;

namespace {

// The keys a US-layout wedge reader presses for `text`, `gapMs` apart, then Enter.
std::vector<KeyEvent> typeKeys(const std::string& text, Instant start, int gapMs, bool enter = true) {
  std::vector<KeyEvent> ev;
  Instant t = start;
  for (char c : text) {
    KeyEvent k{t, 0, false};
    if (c >= 'a' && c <= 'z') k.usage = static_cast<std::uint16_t>(hid::kA + (c - 'a'));
    else if (c >= 'A' && c <= 'Z') k.usage = static_cast<std::uint16_t>(hid::kA + (c - 'A')), k.shift = true;
    else if (c >= '1' && c <= '9') k.usage = static_cast<std::uint16_t>(hid::k1 + (c - '1'));
    else if (c == '0') k.usage = hid::k0;
    else if (c == '.') k.usage = hid::kPeriod;
    else if (c == '-') k.usage = hid::kMinus;
    else if (c == '_') k.usage = hid::kMinus, k.shift = true;
    else if (c == '%') k.usage = hid::k1 + 4, k.shift = true;
    else if (c == ';') k.usage = hid::kSemicolon;
    else if (c == '?') k.usage = hid::kSlash, k.shift = true;
    else if (c == '=') k.usage = hid::kEqual;
    else if (c == '^') k.usage = hid::k1 + 5, k.shift = true;
    else if (c == ' ') k.usage = hid::kSpace;
    ev.push_back(k);
    t += gapMs;
  }
  if (enter) ev.push_back({t, hid::kEnter, false});
  return ev;
}

std::vector<KeyEvent> join(std::vector<KeyEvent> a, const std::vector<KeyEvent>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

TEST_CASE("keys ≤30 ms apart ending in Enter are one scan") {
  auto out = decodeWedge(typeKeys("SK1.M00000001.1.abc-_Z", 1000, 8));
  REQUIRE(out.scans.size() == 1);
  CHECK(out.scans[0].code == "SK1.M00000001.1.abc-_Z");
  CHECK(out.scans[0].format == ScanFormat::Plain);
  CHECK(out.typed.empty());
}

TEST_CASE("slower keys are a person typing, handed back as text") {
  auto out = decodeWedge(typeKeys("13800138000", 1000, 120));
  CHECK(out.scans.empty());
  CHECK(out.typed == "13800138000\n");
}

TEST_CASE("exactly 30 ms is still a scan, 31 ms is typing") {
  CHECK(decodeWedge(typeKeys("123456", 0, 30)).scans.size() == 1);
  auto slow = decodeWedge(typeKeys("123456", 0, 31));
  CHECK(slow.scans.empty());
  CHECK(slow.typed == "123456\n");
}

TEST_CASE("a person's typing followed by a scan keeps both apart") {
  auto ev = join(typeKeys("ab", 0, 200, false), typeKeys("M00000001", 1000, 5));
  auto out = decodeWedge(ev);
  REQUIRE(out.scans.size() == 1);
  CHECK(out.scans[0].code == "M00000001");
  CHECK(out.typed == "ab");
}

TEST_CASE("a burst without Enter is released as typed text") {
  WedgeDecoder d;
  for (const auto& k : typeKeys("1234", 0, 5, false)) CHECK(d.feed(k).scans.empty());
  CHECK(d.flush(10).typed.empty());  // still within the gap
  CHECK(d.flush(100).typed == "1234");
}

TEST_CASE("a configured prefix and suffix are stripped") {
  WedgeConfig cfg;
  cfg.prefix = "_";
  cfg.suffix = "-";
  auto out = decodeWedge(typeKeys("_M00000001-", 0, 4), cfg);
  REQUIRE(out.scans.size() == 1);
  CHECK(out.scans[0].code == "M00000001");
  CHECK(out.scans[0].raw == "_M00000001-");
}

TEST_CASE("magnetic stripe tracks: percent and semicolon sentinels") {
  auto t1 = decodeWedge(typeKeys("%B6225880123456789^LI MEIHUA^2512?", 0, 3));
  REQUIRE(t1.scans.size() == 1);
  CHECK(t1.scans[0].format == ScanFormat::MagTrack1);
  CHECK(trackCardNumber(t1.scans[0].code, t1.scans[0].format) == "6225880123456789");

  auto t2 = decodeWedge(typeKeys(";6225880123456789=2512101?", 0, 3));
  REQUIRE(t2.scans.size() == 1);
  CHECK(t2.scans[0].format == ScanFormat::MagTrack2);
  CHECK(t2.scans[0].code == "6225880123456789=2512101");
  CHECK(trackCardNumber(t2.scans[0].code, t2.scans[0].format) == "6225880123456789");

  // Both tracks in one swipe: track 2 wins.
  auto both = decodeWedge(typeKeys("%B1111^X^?;2222=33?", 0, 3));
  REQUIRE(both.scans.size() == 1);
  CHECK(both.scans[0].format == ScanFormat::MagTrack2);
  CHECK(both.scans[0].code == "2222=33");
}

TEST_CASE("the same code twice within 2 s counts once, after 2 s it counts again") {
  auto ev = join(typeKeys("M00000001", 0, 5), typeKeys("M00000001", 1500, 5));
  CHECK(decodeWedge(ev).scans.size() == 1);
  ev = join(ev, typeKeys("M00000002", 1800, 5));
  CHECK(decodeWedge(ev).scans.size() == 2);
  auto later = join(typeKeys("M00000001", 0, 5), typeKeys("M00000001", 2100, 5));
  CHECK(decodeWedge(later).scans.size() == 2);
}

TEST_CASE("very short fast bursts are not scans, modifier keys alone are ignored") {
  auto out = decodeWedge(typeKeys("1", 0, 5));
  CHECK(out.scans.empty());
  CHECK(out.typed == "1\n");
  WedgeDecoder d;
  CHECK(d.feed({0, 225, false}).typed.empty());  // left shift
}

TEST_CASE("keyChar follows the US layout wedge readers emulate") {
  CHECK(keyChar(hid::kA, false) == 'a');
  CHECK(keyChar(hid::kA, true) == 'A');
  CHECK(keyChar(hid::k0, false) == '0');
  CHECK(keyChar(hid::k1 + 4, true) == '%');
  CHECK(keyChar(hid::kSlash, true) == '?');
  CHECK(keyChar(hid::kKeypad0, false) == '0');
  CHECK(keyChar(500, false) == 0);
}
