#include <catch2/catch.hpp>

#include "app/core/customer_import_opening.h"
#include "app/core/error.h"

using namespace salon;

namespace {

std::int64_t fen(const std::string& text) {
  Money m;
  std::string problem;
  REQUIRE(parseImportAmount(text, m, problem));
  return m.fen;
}

std::string refusal(const std::string& text) {
  Money m;
  std::string problem;
  CHECK_FALSE(parseImportAmount(text, m, problem));
  return problem;
}

}  // namespace

TEST_CASE("import amounts are decimal yuan as old systems write them, never through a float") {
  CHECK(fen("1,280.50") == 128050);
  CHECK(fen("\xC2\xA5" "1280.5") == 128050);   // ¥
  CHECK(fen("\xEF\xBF\xA5" "1280") == 128000);  // ￥ (full width)
  CHECK(fen("1280\xE5\x85\x83") == 128000);      // 元
  CHECK(fen("12,345,678.99") == 1234567899);
  CHECK(fen("0.1") == 10);
  CHECK(fen("") == 0);
  CHECK(fen(" 88 ") == 8800);
  CHECK(refusal("-50") == "amount_negative");
  CHECK(refusal("(50.00)") == "amount_negative");
  CHECK(refusal("12.345") == "amount_invalid");
  CHECK(refusal("1,28,0") == "amount_invalid");
  CHECK(refusal(",128") == "amount_invalid");
  CHECK(refusal("1280,") == "amount_invalid");
  CHECK(refusal("abc") == "amount_invalid");
  CHECK(refusal("1e3") == "amount_invalid");
  CHECK(refusal("+5") == "amount_invalid");
}

TEST_CASE("member cells: card numbers as printed, points, dates") {
  MemberOpening o;
  readOpeningCell("member_no", "000123", o);
  CHECK(o.memberNo == "000123");
  readOpeningCell("member_no", "=\"00099\"", o);
  CHECK(o.memberNo == "00099");
  readOpeningCell("member_no", "'0042", o);
  CHECK(o.memberNo == "0042");
  CHECK_THROWS_AS(readOpeningCell("member_no", "卡 1", o), DomainError);
  readOpeningCell("points", "1,200", o);
  CHECK(o.points == 1200);
  CHECK_THROWS_AS(readOpeningCell("points", "1.5", o), DomainError);
  readOpeningCell("member_since", "2019/3/1", o);
  CHECK(o.memberSince == "2019-03-01");
  readOpeningCell("last_visit", "20261120", o);
  CHECK(o.lastVisit == "2026-11-20");
  readOpeningCell("last_visit", "2026-10-01 18:30:00", o);
  CHECK(o.lastVisit == "2026-10-01");
  CHECK_THROWS_AS(readOpeningCell("member_since", "2019-02-30", o), DomainError);
}

TEST_CASE("tiers named in the file: by code or name, mapped, created, or refused with the list") {
  std::vector<MemberTier> store = {{"basic", "普通会员", 0, Money(), 0, 1, {}}, {"silver", "银卡", 1, Money(), 0, 1, {}}};
  auto r = resolveTiers({"普通会员", "silver"}, store, {}, false);
  CHECK(r.codeOf.at("普通会员") == "basic");
  CHECK(r.codeOf.at("silver") == "silver");
  try {
    resolveTiers({"银卡会员", "钻石卡", "普通会员"}, store, {}, false);
    FAIL("unknown tiers must be refused");
  } catch (const DomainError& e) {
    CHECK(e.code() == "import_tiers_unknown");
    CHECK(e.detail().find("银卡会员, 钻石卡") == 0);
  }
  auto mapped = resolveTiers({"银卡会员"}, store, parsePairs("银卡会员=silver"), false);
  CHECK(mapped.codeOf.at("银卡会员") == "silver");
  CHECK_THROWS_AS(resolveTiers({"银卡会员"}, store, parsePairs("银卡会员=platinum"), false), DomainError);
  auto created = resolveTiers({"钻石卡"}, store, {}, true);
  REQUIRE(created.toCreate.size() == 1);
  CHECK(created.toCreate[0].rank == 2);
  CHECK(created.toCreate[0].discountBp.empty());
  CHECK_THROWS_AS(parsePairs("银卡会员"), DomainError);
}

TEST_CASE("control totals count member rows only") {
  ImportTotals t;
  MemberOpening plain;
  t.add(plain);
  MemberOpening m;
  m.memberNo = "A1";
  m.tier = "银卡";
  m.svPrincipal = Money(100);
  m.svBonus = Money(5);
  m.points = 7;
  m.arrears = Money(3);
  t.add(m);
  t.add(m);
  CHECK(t.members == 2);
  CHECK(t.storedValue.fen == 200);
  CHECK(t.storedValueBonus.fen == 10);
  CHECK(t.points == 14);
  CHECK(t.arrears.fen == 6);
  CHECK(t.tiers.at("银卡") == 2);
  CHECK(fileSha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
