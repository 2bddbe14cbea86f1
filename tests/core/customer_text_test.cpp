#include <catch2/catch.hpp>

#include "app/core/customer_fields.h"
#include "app/core/error.h"
#include "app/core/text_rules.h"

using namespace salon;

namespace {
std::string codeOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "";
}
}  // namespace

TEST_CASE("names: middle dots, Latin letters and rare characters are kept") {
  CHECK(checkName("  王小美 ") == "王小美");
  CHECK(checkName("迪丽热巴・迪力木拉提") == "迪丽热巴·迪力木拉提");
  CHECK(checkName("阿依古丽•买买提") == "阿依古丽·买买提");
  CHECK(checkName("Cathy  王") == "Cathy 王");
  CHECK(checkName("王䶮") == "王䶮");
  CHECK(checkName("𠮷野家") == "𠮷野家");
  CHECK(checkName("O'Brien-Smith") == "O'Brien-Smith");
}

TEST_CASE("names: emoji, digits, empty and 10,000 characters are refused clearly") {
  CHECK(codeOf([] { checkName("王😀"); }) == "text_emoji");
  CHECK(codeOf([] { checkName("王❤"); }) == "text_emoji");
  CHECK(codeOf([] { checkName("王小美2"); }) == "name_invalid");
  CHECK(codeOf([] { checkName("   "); }) == "name_required");
  CHECK(codeOf([] { checkName(std::string(10000 * 3, 'a')); }) == "text_too_long");
  CHECK(codeOf([] { checkName("王\x01"); }) == "text_control");
  CHECK(codeOf([] { checkName("\xff\xfe"); }) == "text_not_utf8");
}

TEST_CASE("text fields: limits in characters, emoji only where notes allow them") {
  std::string tenThousand;
  for (int i = 0; i < 10000; ++i) tenThousand += "美";
  CHECK(codeOf([&] { checkField("notes", FieldValue::of(tenThousand)); }) == "text_too_long");
  CHECK(codeOf([&] { checkField("address", FieldValue::of("南京路😀")); }) == "text_emoji");
  CHECK(checkField("notes", FieldValue::of("喜欢安静 😊")).value == "喜欢安静 😊");
  // 2,000 Chinese characters is 6,000 bytes: the limit counts characters.
  std::string twoThousand;
  for (int i = 0; i < 2000; ++i) twoThousand += "美";
  CHECK(checkField("notes", FieldValue::of(twoThousand)).value == twoThousand);
}

TEST_CASE("fields: dates, choices, declined and unknown") {
  CHECK(checkField("birthday", FieldValue::of("1990-02-28")).value == "1990-02-28");
  CHECK(codeOf([] { checkField("birthday", FieldValue::of("1990-02-30")); }) == "date_invalid");
  CHECK(codeOf([] { checkField("birthday", FieldValue::of("1990/02/03")); }) == "date_invalid");
  CHECK(codeOf([] { checkField("birthday", FieldValue::of("1800-01-01")); }) == "date_invalid");
  CHECK(codeOf([] { checkField("skin_type", FieldValue::of("shiny")); }) == "choice_invalid");
  CHECK(checkField("skin_type", FieldValue::of("oily")).value == "oily");
  CHECK(checkField("allergies", FieldValue::declined()).state == FieldState::Declined);
  CHECK(checkField("allergies", FieldValue::of("  ")).state == FieldState::Empty);
  CHECK(codeOf([] { checkField("shoe_size", FieldValue::of("38")); }) == "field_unknown");
}

TEST_CASE("every field belongs to a known section") {
  for (const FieldSpec& f : fileFields()) {
    INFO(f.key);
    bool known = false;
    for (const std::string& s : fileSections()) known = known || s == f.section;
    CHECK(known);
  }
}
