// Every kind of lookup, its ranking, and sorted lists.
#include <catch2/catch.hpp>

#include "customer_fixture.h"

using namespace salon;
using salon::test::CustomerFixture;

namespace {

std::vector<std::string> names(const std::vector<CustomerSummary>& found) {
  std::vector<std::string> out;
  for (const auto& s : found) out.push_back(s.name);
  return out;
}


}  // namespace

TEST_CASE("lookup by phone: whole, last four digits, its start") {
  CustomerFixture fx;
  fx.add("王小美", "13800138000");
  fx.add("李四", "13900008000");
  fx.add("张三", "021-62881234");
  fx.add("陈大文", "+852 9123 4567");
  CHECK(names(fx.directory.search("13800138000", 50)) == std::vector<std::string>{"王小美"});
  CHECK(names(fx.directory.search("138 0013 8000", 50)) == std::vector<std::string>{"王小美"});
  CHECK(names(fx.directory.search("8000", 50)) == std::vector<std::string>{"王小美", "李四"});
  CHECK(names(fx.directory.search("1234", 50)) == std::vector<std::string>{"张三"});
  CHECK(names(fx.directory.search("02162881234", 50)) == std::vector<std::string>{"张三"});
  CHECK(names(fx.directory.search("13800", 50)) == std::vector<std::string>{"王小美"});
  CHECK(names(fx.directory.search("91234567", 50)) == std::vector<std::string>{"陈大文"});
  CHECK(fx.directory.search("5555", 50).empty());
}

TEST_CASE("lookup by any part of a name, one and two characters included, ranked") {
  CustomerFixture fx;
  fx.add("美玲", "13800000001");      // 美 at the start
  fx.add("王小美", "13800000002");    // 美 inside
  fx.add("美", "13800000003");        // the whole name
  fx.add("欧阳娜娜", "13800000004");
  fx.add("Cathy 王", "13800000005");
  fx.add("王䶮", "13800000006");
  fx.add("迪丽热巴·迪力木拉提", "13800000007");
  CHECK(names(fx.directory.search("美", 50)) == std::vector<std::string>{"美", "美玲", "王小美"});
  CHECK(names(fx.directory.search("小美", 50)) == std::vector<std::string>{"王小美"});
  CHECK(names(fx.directory.search("阳娜", 50)) == std::vector<std::string>{"欧阳娜娜"});
  CHECK(names(fx.directory.search("欧阳娜娜", 50)) == std::vector<std::string>{"欧阳娜娜"});
  auto wang = names(fx.directory.search("王", 50));
  CHECK(wang == std::vector<std::string>{"王小美", "王䶮", "Cathy 王"});
  CHECK(names(fx.directory.search("䶮", 50)) == std::vector<std::string>{"王䶮"});
  CHECK(names(fx.directory.search("cathy", 50)) == std::vector<std::string>{"Cathy 王"});
  CHECK(names(fx.directory.search("迪丽热巴迪力", 50)) == std::vector<std::string>{"迪丽热巴·迪力木拉提"});
  CHECK(names(fx.directory.search("迪力木拉提", 50)) == std::vector<std::string>{"迪丽热巴·迪力木拉提"});
  CHECK(fx.directory.search("美", 2).size() == 2);
  CHECK(fx.directory.countMatches("美") == 3);
}

TEST_CASE("lookup by pinyin and initials, polyphone surnames included") {
  CustomerFixture fx;
  fx.add("张三丰", "13800000001");
  fx.add("曾小贤", "13800000002");
  fx.add("单田芳", "13800000003");
  fx.add("张三", "13800000004");
  CHECK(names(fx.directory.search("zhangsanfeng", 50)) == std::vector<std::string>{"张三丰"});
  CHECK(names(fx.directory.search("zsf", 50)) == std::vector<std::string>{"张三丰"});
  CHECK(names(fx.directory.search("ZSF", 50)) == std::vector<std::string>{"张三丰"});
  // Exact pinyin first, then longer ones starting with it.
  CHECK(names(fx.directory.search("zhangsan", 50)) == std::vector<std::string>{"张三", "张三丰"});
  CHECK(names(fx.directory.search("zengxiaoxian", 50)) == std::vector<std::string>{"曾小贤"});
  CHECK(names(fx.directory.search("zxx", 50)) == std::vector<std::string>{"曾小贤"});
  CHECK(names(fx.directory.search("shantianfang", 50)) == std::vector<std::string>{"单田芳"});
  CHECK(fx.directory.search("cengxiaoxian", 50).empty());
}

TEST_CASE("traditional and simplified find each other") {
  CustomerFixture fx;
  fx.add("陳小美", "13800000001");
  fx.add("陈大文", "13800000002");
  auto a = names(fx.directory.search("陈", 50));
  CHECK(a == std::vector<std::string>{"陳小美", "陈大文"});
  CHECK(names(fx.directory.search("陳", 50)) == a);
  CHECK(names(fx.directory.search("陳大文", 50)) == std::vector<std::string>{"陈大文"});
}

TEST_CASE("lookup by file number and member number") {
  CustomerFixture fx;
  auto a = fx.add("王小美", "13800000001", true);
  fx.add("李四", "13800000002");
  CHECK(names(fx.directory.search(a.fileNo, 50)) == std::vector<std::string>{"王小美"});
  CHECK(names(fx.directory.search("s01-2026-000001", 50)) == std::vector<std::string>{"王小美"});
  CHECK(names(fx.directory.search(a.memberNo, 50)) == std::vector<std::string>{"王小美"});
  CHECK(fx.directory.search("M99999999", 50).empty());
  CHECK(fx.directory.byId(a.id)->fileNo == a.fileNo);
  CHECK_FALSE(fx.directory.byId(9999));
}

TEST_CASE("find through the service is audited as a view") {
  CustomerFixture fx;
  auto a = fx.add("王小美", "13800000001");
  auto found = fx.files.find(fx.cashier, "王", "check-in", 50);
  REQUIRE(found.size() == 1);
  CHECK(fx.count("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.view' AND staff = 'cash'"
                 " AND record_id = '" + a.fileNo + "' AND reason = 'check-in' AND sections = 'summary'") == 1);
  CHECK(test::errorCodeOf([&] { fx.files.find(fx.cashier, "王", "", 50); }) == "purpose_required");
  CHECK(test::errorCodeOf([&] { fx.files.find(fx.finance, "王", "x", 50); }) == "permission_denied");
}

TEST_CASE("lists sort by pinyin, surname strokes, creation date and skin type") {
  CustomerFixture fx;
  fx.add("张三", "13800000001", false, {{"skin_type", FieldValue::of("oily")}});
  fx.clock.advance(kMinute);
  fx.add("阿芳", "13800000002");
  fx.clock.advance(kMinute);
  fx.add("丁一", "13800000003", false, {{"skin_type", FieldValue::of("dry")}});
  fx.clock.advance(kMinute);
  fx.add("龚六", "13800000004", false, {{"skin_type", FieldValue::of("dry")}});
  CHECK(names(fx.directory.list(CustomerOrder::Pinyin, 0, 0)) == std::vector<std::string>{"阿芳", "丁一", "龚六", "张三"});
  // 丁 2 strokes, 阿 7 (阝+可), 张 7, 龚 11.
  auto strokes = names(fx.directory.list(CustomerOrder::SurnameStrokes, 0, 0));
  CHECK(strokes.front() == "丁一");
  CHECK(strokes.back() == "龚六");
  CHECK(names(fx.directory.list(CustomerOrder::Created, 0, 0)) == std::vector<std::string>{"龚六", "丁一", "阿芳", "张三"});
  CHECK(names(fx.directory.list(CustomerOrder::SkinType, 0, 0)) == std::vector<std::string>{"丁一", "龚六", "张三", "阿芳"});
  CHECK(names(fx.directory.list(CustomerOrder::Pinyin, 1, 2)) == std::vector<std::string>{"丁一", "龚六"});
  CHECK(names(fx.directory.recent(1)) == std::vector<std::string>{"龚六"});
}

TEST_CASE("the skin-type list pages across files with and without a skin type") {
  CustomerFixture fx;
  fx.add("张三", "13800000001", false, {{"skin_type", FieldValue::of("oily")}});
  fx.add("阿芳", "13800000002");
  fx.add("丁一", "13800000003", false, {{"skin_type", FieldValue::of("dry")}});
  fx.add("白雪", "13800000004");
  CHECK(names(fx.directory.list(CustomerOrder::SkinType, 0, 0)) ==
        std::vector<std::string>{"丁一", "张三", "阿芳", "白雪"});
  CHECK(names(fx.directory.list(CustomerOrder::SkinType, 1, 2)) == std::vector<std::string>{"张三", "阿芳"});
  CHECK(names(fx.directory.list(CustomerOrder::SkinType, 3, 5)) == std::vector<std::string>{"白雪"});
  CHECK(fx.directory.list(CustomerOrder::SkinType, 4, 5).empty());
}
