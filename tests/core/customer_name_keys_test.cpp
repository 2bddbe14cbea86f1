#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/customer_file.h"
#include "app/core/name_keys.h"

using namespace salon;

TEST_CASE("pinyin and initials, with the surname table for polyphones") {
  NameKeyMaker keys;
  NameKeys k = keys.keysOf("张三丰");
  CHECK(k.pinyin == "zhangsanfeng");
  CHECK(k.initials == "zsf");
  CHECK(keys.keysOf("曾小贤").pinyin == "zengxiaoxian");
  CHECK(keys.keysOf("单田芳").pinyin == "shantianfang");
  CHECK(keys.keysOf("解缙").initials == "xj");
  CHECK(keys.keysOf("仇英").pinyin == "qiuying");
  CHECK(keys.keysOf("区小丽").pinyin.rfind("ou", 0) == 0);
  CHECK(keys.keysOf("朴树").pinyin == "piaoshu");
  CHECK(keys.keysOf("尉迟恭").pinyin == "yuchigong");
  // Only as a surname: 曾 inside a given name keeps its everyday reading.
  CHECK(keys.keysOf("王曾").pinyin == "wangceng");
  CHECK(keys.keysOf("Cathy 王").pinyin == "cathywang");
  CHECK(keys.keysOf("Cathy 王").initials == "cw");
}

TEST_CASE("traditional names are searched in simplified form") {
  NameKeyMaker keys;
  CHECK(keys.keysOf("陳小美").searchForm == "陈小美");
  CHECK(keys.searchForm("陳") == "陈");
  CHECK(keys.searchForm("Cathy 王") == "cathy王");
  CHECK(keys.keysOf("陳小美").pinyin == "chenxiaomei");
}

TEST_CASE("name pieces: every 1- to 4-character piece with its place") {
  NameKeyMaker keys;
  NameKeys k = keys.keysOf("欧阳娜娜");
  auto place = [&](const std::string& g) {
    for (const NameGram& x : k.grams)
      if (x.text == g) return static_cast<int>(x.place);
    return -1;
  };
  CHECK(place("欧阳娜娜") == 0);
  CHECK(place("欧") == 1);
  CHECK(place("欧阳") == 1);
  CHECK(place("娜") == 2);  // once, at its best place
  CHECK(std::count_if(k.grams.begin(), k.grams.end(), [](const NameGram& g) { return g.text == "娜"; }) == 1);
  CHECK(place("阳娜") == 2);
  CHECK(place("欧阳娜娜x") == -1);
  // Rare characters still make pieces even without a reading.
  NameKeys rare = keys.keysOf("王䶮");
  CHECK(std::any_of(rare.grams.begin(), rare.grams.end(), [](const NameGram& g) { return g.text == "䶮"; }));
}

TEST_CASE("sort keys order names by pinyin and by stroke count") {
  NameKeyMaker keys;
  CHECK(keys.keysOf("阿芳").pinyinSortKey < keys.keysOf("白雪").pinyinSortKey);
  CHECK(keys.keysOf("白雪").pinyinSortKey < keys.keysOf("张三").pinyinSortKey);
  // 王 has 4 strokes, 丁 2, 龚 11.
  CHECK(keys.keysOf("丁一").strokeSortKey < keys.keysOf("王五").strokeSortKey);
  CHECK(keys.keysOf("王五").strokeSortKey < keys.keysOf("龚六").strokeSortKey);
}

TEST_CASE("file and member numbers") {
  CHECK(formatFileNo("S01", 2026, 123) == "S01-2026-000123");
  CHECK(isFileNo("S01-2026-000123"));
  CHECK_FALSE(isFileNo("S01-2026-12"));
  CHECK_FALSE(isFileNo("13800138000"));
  CHECK(formatMemberNo(1) == "M00000001");
  CHECK(isMemberNo("M12345678"));
  CHECK_FALSE(isMemberNo("M1234567"));
  CHECK_FALSE(isMemberNo("X12345678"));
}
