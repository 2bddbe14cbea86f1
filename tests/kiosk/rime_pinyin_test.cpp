// The real librime with Debian's luna_pinyin data, deployed into a temp dir.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "app/kiosk/rime_pinyin.h"
#include "support/temp_dir.h"

using namespace salon;

TEST_CASE("pinyin becomes Chinese candidates through librime, deployed with one schema") {
  test::TempDir dir;
  kiosk::RimePinyin rime(dir.file("rime"));
  CHECK(rime.candidates("nihao", 5).empty());  // not started yet
  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(rime.start());
  auto deployMs = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  WARN("first deployment: " << deployMs << " ms");
  CHECK(rime.ready());
  std::ifstream custom(dir.file("rime/default.custom.yaml"));
  std::string yaml((std::istreambuf_iterator<char>(custom)), std::istreambuf_iterator<char>());
  CHECK(yaml.find("luna_pinyin_simp") != std::string::npos);

  auto hello = rime.candidates("nihao", 5);
  REQUIRE_FALSE(hello.empty());
  CHECK(hello.front() == "你好");
  CHECK(hello.size() <= 5);
  // Simplified characters (the _simp schema), and more than one page on request.
  auto chen = rime.candidates("chen", 30);
  CHECK(std::find(chen.begin(), chen.end(), "陈") != chen.end());
  CHECK(std::find(chen.begin(), chen.end(), "陳") == chen.end());
  CHECK(chen.size() > 10);
  // Upper case and stray characters are ignored; nothing left means nothing.
  CHECK(rime.candidates("NiHao", 1) == std::vector<std::string>{"你好"});
  CHECK(rime.candidates("123", 5).empty());
}

TEST_CASE("without the rime data, the pinyin engine says so instead of failing") {
  test::TempDir dir;
  kiosk::RimePinyin rime(dir.file("rime"), dir.file("no-such-data"));
  CHECK_FALSE(rime.start());
  CHECK_FALSE(rime.ready());
  CHECK(rime.candidates("nihao", 5).empty());
}
