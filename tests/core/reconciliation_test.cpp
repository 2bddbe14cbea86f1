// Monthly reconciliation: the three statement formats (sample files in
// tests/data/reconcile, written in the real layouts), matching by reference,
// differences, fees apart, explanations and finance's signature.
#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <fstream>
#include <iterator>
#include <map>

#include "app/core/error.h"
#include "app/core/reconciliation.h"
#include "app/core/text_encoding.h"

using namespace salon;
using salon::test::MemoryAudit;

namespace {

const StoreZone kZone{480};

std::string sample(const std::string& name) {
  std::ifstream in(std::string(SALON_SOURCE_DIR) + "/tests/data/reconcile/" + name, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The kiosk's May: what the sample statements should be matched against.
std::vector<KioskTender> mayTenders() {
  return {
      {"sale-a", "wechat", "4200001201202605281234567801", Money(8800), "2026-05-28"},
      {"sale-b", "wechat", "4200001201202605281234567802", Money(12800), "2026-05-28"},
      {"refund-b", "wechat", "4200001201202605281234567802", Money(-12800), "2026-05-28"},
      {"sale-c", "wechat", "4200001201202605291234567803", Money(15800), "2026-05-29"},  // statement: 168.00
      {"sale-d", "wechat", "4200001201202605311234567806", Money(9800), "2026-05-31"},   // not in the statement
      {"sale-e", "alipay", "2026052822001400000000000001", Money(12800), "2026-05-28"},
      {"sale-f", "alipay", "S01-20260529-0004", Money(8800), "2026-05-29"},  // the merchant order number was typed
      {"sale-g", "card", "052810153001", Money(38800), "2026-05-28"},
      {"sale-h", "card", "052916021002", Money(50000), "2026-05-29"},
      {"sale-i", "cash", "", Money(20000), "2026-05-28"},
      {"sale-j", "stored_value", "", Money(30000), "2026-05-29"},
  };
}

struct MemoryRecs : ReconciliationStore {
  void saveReconciliation(const Reconciliation& r, const AuditEntry&) override { all[r.id] = r; }
  std::optional<Reconciliation> reconciliation(const std::string& id) override {
    return all.count(id) ? std::optional<Reconciliation>(all[id]) : std::nullopt;
  }
  void saveExplanation(const std::string& id, const ReconciliationItem& item, const AuditEntry&) override {
    all[id].result.differences[static_cast<std::size_t>(item.itemNo - 1)] = item;
  }
  void saveSignature(const Reconciliation& r, const AuditEntry&) override { all[r.id] = r; }
  std::map<std::string, Reconciliation> all;
};

}  // namespace

TEST_CASE("a WeChat Pay 交易账单 is read: backticks, refunds negative, fees apart, the summary checked") {
  ChannelStatement st = parseWechatBill(sample("wechat_2026-05.csv"), kZone);
  CHECK(st.tender == "wechat");
  REQUIRE(st.rows.size() == 5);
  CHECK(st.rows[0].ref == "4200001201202605281234567801");
  CHECK(st.rows[0].altRef == "S01-20260528-0001");
  CHECK(st.rows[0].gross == Money(8800));
  CHECK(st.rows[0].fee == Money(53));
  CHECK(st.rows[0].at == startOfLocalDay({2026, 5, 28}, kZone) + 10 * kHour + 2 * kMinute + 11 * kSecond);
  CHECK(st.rows[2].gross == Money(-12800));
  CHECK(st.rows[2].fee == Money(-77));
  CHECK(st.gross() == Money(8800 + 12800 - 12800 + 16800 + 8800));
  CHECK(st.fees() == Money(207));
  // A bill cut short no longer adds up to its summary.
  std::string bill = sample("wechat_2026-05.csv");
  std::size_t cut = bill.find("`2026-05-30");
  std::string shortBill = bill.substr(0, cut) + bill.substr(bill.find("总交易单数"));
  CHECK_THROWS_WITH(parseWechatBill(shortBill, kZone), Catch::Contains("statement_summary_mismatch"));
}

TEST_CASE("an Alipay 账务明细 in GB18030 is read: # lines skipped, tabs trimmed, 收费 rows become fees") {
  std::string bytes = sample("alipay_2026-05.csv");
  TextEncoding enc;
  decodeText(bytes, enc);
  CHECK(enc == TextEncoding::Gb18030);  // the sample is in Alipay's own encoding
  ChannelStatement st = parseAlipayLedger(bytes, kZone);
  CHECK(st.tender == "alipay");
  REQUIRE(st.rows.size() == 2);  // two payments; the fees are attached, the withdrawal is not a sale
  CHECK(st.rows[0].ref == "2026052822001400000000000001");
  CHECK(st.rows[0].altRef == "S01-20260528-0003");
  CHECK(st.rows[0].gross == Money(12800));
  CHECK(st.rows[0].fee == Money(77));
  CHECK(st.rows[1].fee == Money(53));
  CHECK(st.fees() == Money(130));
  // The same file saved as UTF-8 reads the same.
  ChannelStatement utf8 = parseAlipayLedger(decodeText(bytes, enc), kZone);
  CHECK(utf8.gross() == st.gross());
}

TEST_CASE("a bank-card settlement file is read, then its total line is not a transaction") {
  ChannelStatement st = parseBankSettlement(sample("bank_2026-05.csv"), kZone);
  CHECK(st.tender == "card");
  REQUIRE(st.rows.size() == 2);
  CHECK(st.rows[0].ref == "052810153001");
  CHECK(st.rows[0].at == startOfLocalDay({2026, 5, 28}, kZone) + 10 * kHour + 15 * kMinute + 30 * kSecond);
  CHECK(st.rows[1].fee == Money(300));
  CHECK(st.fees() == Money(533));
  CHECK_THROWS_WITH(parseBankSettlement("交易日期,交易时间\n20260528,101530\n", kZone),
                    Catch::Contains("statement_column_missing"));
  CHECK_THROWS_WITH(parseBankSettlement("a,b\n1,2\n", kZone), Catch::Contains("statement_format_unknown"));
}

TEST_CASE("the month is matched by reference: differences listed, fees apart, cash against the cash-ups") {
  std::vector<ChannelStatement> statements = {parseWechatBill(sample("wechat_2026-05.csv"), kZone),
                                              parseAlipayLedger(sample("alipay_2026-05.csv"), kZone),
                                              parseBankSettlement(sample("bank_2026-05.csv"), kZone)};
  std::vector<CashUp> cash = {{"2026-05-28", Money(70000), Money(69000), true}, {"2026-05-29", Money(50000), Money(50000), true}};
  ReconciliationResult r = reconcile(mayTenders(), statements, cash);
  // WeChat 801 and 802 (paid and refunded), Alipay both (one by merchant order number), card both.
  CHECK(r.matched == 6);
  REQUIRE(r.differences.size() == 4);
  CHECK(r.differences[0].kind == "amount_differs");
  CHECK(r.differences[0].ref == "4200001201202605291234567803");
  CHECK(r.differences[0].kiosk == Money(15800));
  CHECK(r.differences[0].statement == Money(16800));
  CHECK(r.differences[0].saleId == "sale-c");
  CHECK(r.differences[1].kind == "missing_in_kiosk");
  CHECK(r.differences[1].ref == "4200001201202605301234567804");
  CHECK(r.differences[2].kind == "missing_in_statement");
  CHECK(r.differences[2].saleId == "sale-d");
  CHECK(r.differences[3].kind == "cash_difference");
  CHECK(r.differences[3].ref == "2026-05-28");
  std::map<std::string, TenderTotal> totals;
  for (const auto& t : r.totals) totals[t.tender] = t;
  CHECK(totals["wechat"].kiosk == Money(8800 + 15800 + 9800));
  CHECK(*totals["wechat"].finance == Money(8800 + 16800 + 8800));
  CHECK(totals["wechat"].fees == Money(207));
  CHECK(totals["card"].fees == Money(533));
  CHECK(*totals["cash"].finance == Money(20000 - 1000));
  CHECK_FALSE(totals["stored_value"].finance);  // no outside figure for stored value
}

// Issue 15: a payment to the store's static QR code was recorded with the end of
// the transaction number; it matches the one statement payment ending so with
// the same amount, and only that one.
TEST_CASE("a static-QR payment matches the statement row whose number ends with its digits and amount") {
  ChannelStatement st;
  st.tender = "wechat";
  st.rows = {{2, "4200001201202605281234565678", "", 0, Money(8800), Money(5)},
             {3, "4200001201202605281234575678", "", 0, Money(9900), Money(6)},   // same ending, other amount
             {4, "4200001201202605281234580001", "", 0, Money(8800), Money(5)}};  // same amount, other ending
  std::vector<KioskTender> tenders = {{"sale-q", "wechat", "static:5678", Money(8800), "2026-05-28"},
                                      {"sale-r", "wechat", "static:0001", Money(8800), "2026-05-28"}};
  ReconciliationResult r = reconcile(tenders, {st}, {});
  CHECK(r.matched == 2);
  REQUIRE(r.differences.size() == 1);
  CHECK(r.differences[0].kind == "missing_in_kiosk");
  CHECK(r.differences[0].ref == "4200001201202605281234575678");
  // Digits no payment ends with: nothing is claimed, both sides are listed.
  tenders = {{"sale-s", "wechat", "static:99", Money(8800), "2026-05-28"}};
  r = reconcile(tenders, {st}, {});
  CHECK(r.matched == 0);
  CHECK(r.differences.size() == 4);
}

TEST_CASE("finance explains every difference before signing, then a signed reconciliation is closed") {
  MemoryAudit audit;
  ManualClock clock(1000);
  Guard guard(audit, clock);
  MemoryRecs store;
  Reconciliations recs(store, guard, clock);
  Staff fin{"fin", "赵财务", Role::Finance, "财务部", true};
  Staff cash{"cash", "陈前台", Role::Cashier, "前台", true};
  ChannelStatement bank = parseBankSettlement(sample("bank_2026-05.csv"), kZone);
  ReconciliationResult result = reconcile(mayTenders(), {bank}, {{"2026-05-28", Money(70000), Money(69000), true}});
  CHECK_THROWS_WITH(recs.run(cash, "2026-05", {}, result), Catch::Contains("permission_denied"));
  Reconciliation r = recs.run(fin, "2026-05", {sourceOf("bank.csv", bank, kZone)}, result);
  REQUIRE(r.result.differences.size() == 1);
  CHECK_THROWS_WITH(recs.sign(fin, r.id, ""), Catch::Contains("differences_unexplained"));
  CHECK_THROWS_WITH(recs.explain(fin, r.id, 1, " "), Catch::Contains("reason_required"));
  recs.explain(fin, r.id, 1, "找零多给10元，已由收银员签字确认");
  Reconciliation signedOff = recs.sign(fin, r.id, "五月核对完毕");
  CHECK(signedOff.signedBy == "fin");
  CHECK_THROWS_WITH(recs.explain(fin, r.id, 1, "改"), Catch::Contains("reconciliation_signed"));
}
