#include <catch2/catch.hpp>

#include "app/core/csv.h"
#include "app/core/error.h"
#include "app/core/text_encoding.h"

using namespace salon;

TEST_CASE("CSV: quotes, doubled quotes, line breaks inside quotes, CRLF, and line numbers") {
  auto rows = parseCsv("name,notes\r\n王小美,\"喜欢安静, \"\"不爱聊天\"\"\"\r\n\r\n李四,\"两行\n备注\"\n张三,\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == std::vector<std::string>{"name", "notes"});
  CHECK(rows[1].fields == std::vector<std::string>{"王小美", "喜欢安静, \"不爱聊天\""});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 4);
  CHECK(rows[2].fields[1] == "两行\n备注");
  CHECK(rows[3].line == 6);
  CHECK(rows[3].fields == std::vector<std::string>{"张三", ""});
  CHECK_THROWS_AS(parseCsv("a,\"open\n"), DomainError);
}

TEST_CASE("CSV cells round-trip, formulas are defused, phones are left alone") {
  for (std::string v : {"plain", "with, comma", "with \"quote\"", "two\nlines", "=HYPERLINK(\"x\")", "@cmd", "-2+3"}) {
    auto rows = parseCsv(csvLine({v, "x"}));
    REQUIRE(rows.size() == 1);
    CHECK(csvCellText(rows[0].fields[0]) == v);
  }
  CHECK(csvField("=1+1") == "'=1+1");
  CHECK(csvField("+85291234567") == "+85291234567");
  CHECK(csvField("021-62881234") == "021-62881234");
}

TEST_CASE("encodings: UTF-8 with or without BOM, GB18030 detected, others refused") {
  TextEncoding e;
  CHECK(decodeText("\xEF\xBB\xBF姓名", e) == "姓名");
  CHECK(e == TextEncoding::Utf8);
  std::string gb = encodeText("姓名,手机\n王小美", TextEncoding::Gb18030);
  CHECK(gb.rfind("\xD0\xD5\xC3\xFB", 0) == 0);  // 姓名
  CHECK(decodeText(gb, e) == "姓名,手机\n王小美");
  CHECK(e == TextEncoding::Gb18030);
  CHECK_THROWS_AS(decodeText(std::string("\xFF\xFEn\0a\0", 6), e), DomainError);
  CHECK_THROWS_AS(decodeText("caf\xE9 ok", e), DomainError);
  CHECK(encodingFromName("UTF-8") == TextEncoding::Utf8);
  CHECK(encodingFromName("gb18030") == TextEncoding::Gb18030);
  CHECK_THROWS_AS(encodingFromName("latin-1"), DomainError);
}
