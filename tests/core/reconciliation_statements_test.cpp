// Statements read right: figures per source and per day, the control totals,
// files cut short or edited, rows outside the month, and the awkward real cases
// (a partial refund, a refund of an earlier month's payment, a double charge).
// Fixtures: tests/data/reconcile/make_statements.py writes them in the real layouts.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "app/core/error.h"
#include "app/core/reconciliation.h"
#include "app/core/text_encoding.h"

using namespace salon;

namespace {

const StoreZone kZone{480};

std::string sample(const std::string& name) {
  std::ifstream in(std::string(SALON_SOURCE_DIR) + "/tests/data/reconcile/" + name, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string refusal(const std::string& bytes) {
  try {
    readStatement(bytes, kZone);
  } catch (const DomainError& e) {
    return e.code() + ": " + e.detail();
  }
  return "";
}

// Where each line of the file ends (after its LF), and the whole length.
std::vector<std::size_t> lineEnds(const std::string& bytes) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] == '\n') out.push_back(i + 1);
  return out;
}

}  // namespace

TEST_CASE("a WeChat bill reports rows, gross, refunds, signed fees and net, whole and per day") {
  ChannelStatement st = readStatement(sample("wechat_edges_2026-05.csv"), kZone);
  CHECK(st.format == "wechat_bill");
  StatementFigures f = figuresOf(st, kZone);
  CHECK(f.rows == 7);  // the REVOKED row moved no money
  CHECK(f.gross == Money(8800 + 39800 + 12800 + 12800 + 16800));
  CHECK(f.refunds == Money(10000 + 19900));   // 申请退款金额 of the REFUND rows
  CHECK(f.fees == Money(53 + 239 - 60 - 119 + 77 + 77 + 101));  // 0.52800 is 53 fen; returned fees negative
  CHECK(f.net == f.gross - f.refunds - f.fees);
  REQUIRE(f.days.size() == 5);
  CHECK(f.days[0].date == "2026-05-02");  // the refund of an April payment
  CHECK(f.days[0].rows == 1);
  CHECK(f.days[0].gross == Money(0));
  CHECK(f.days[0].refunds == Money(19900));
  CHECK(f.days[0].net == Money(-19900 + 119));
  CHECK(f.days[2].date == "2026-05-06");  // a payment and its partial refund
  CHECK(f.days[2].gross == Money(39800));
  CHECK(f.days[2].refunds == Money(10000));
  CHECK(f.days[3].rows == 2);              // the double charge: both rows kept
  CHECK(f.days[4].date == "2026-05-31");   // 23:59:30 store time is still May
  requireMonth(st, "2026-05", kZone);
}

TEST_CASE("a WeChat bill without its summary, or cut short anywhere, is refused") {
  std::string whole = sample("wechat_edges_2026-05.csv");
  CHECK(refusal(whole).empty());
  auto ends = lineEnds(whole);
  for (std::size_t end : ends) {  // cut after every whole line: the summary or its values are missing
    INFO("cut at byte " << end);
    CHECK_THAT(refusal(whole.substr(0, end)), Catch::StartsWith("statement_truncated: line "));
  }
  for (std::size_t cut = ends[0]; cut < whole.size(); ++cut) {  // and at every byte after the column row
    INFO("cut at byte " << cut);
    CHECK_FALSE(refusal(whole.substr(0, cut)).empty());
  }
  CHECK_THAT(refusal(sample("wechat_truncated_2026-05.csv")),
             Catch::StartsWith("statement_truncated: line 7: 6 of 27 columns (the row is cut short)"));
}

TEST_CASE("a WeChat bill edited after download no longer agrees with its summary") {
  std::string whole = sample("wechat_edges_2026-05.csv");
  auto edited = [&](const std::string& from, const std::string& to) {
    std::string s = whole;
    s.replace(s.find(from), from.size(), to);
    return refusal(s);
  };
  CHECK_THAT(edited("`88.00,`0.00,`0,`0", "`98.00,`0.00,`0,`0"), Catch::Contains("line 11: 应结订单总金额 says 910.00"));
  CHECK_THAT(edited("`0.52800", "`0.42800"), Catch::Contains("手续费总金额 says 3.678, the rows add up to 3.578"));
  CHECK_THAT(edited("`100.00,`0.00,`ORIGINAL", "`10.00,`0.00,`ORIGINAL"), Catch::Contains("退款总金额"));
  std::string row = whole.substr(whole.find("`2026-05-12"), whole.find("`2026-05-31") - whole.find("`2026-05-12"));
  CHECK_THAT(edited(row, ""), Catch::StartsWith("statement_summary_mismatch: line 10: 总交易单数 says 8, the rows add up to 7"));
  CHECK_THAT(edited("`REVOKED", "`SUCCESS"), Catch::Contains("statement_summary_mismatch"));
}

TEST_CASE("an Alipay 业务明细 trade bill in GBK is told from the file and read with its control totals") {
  std::string bytes = sample("alipay_trade_2026-05.csv");
  TextEncoding enc;
  decodeText(bytes, enc);
  CHECK(enc == TextEncoding::Gb18030);
  ChannelStatement st = readStatement(bytes, kZone);
  CHECK(st.tender == "alipay");
  CHECK(st.format == "alipay_trade_bill");
  REQUIRE(st.rows.size() == 7);
  CHECK(st.rows[0].ref == "2026050322001400000000000101");  // tabs trimmed
  CHECK(st.rows[0].altRef == "S01-20260503-0001");
  CHECK(st.rows[0].fee == Money(53));  // printed -0.53: a charge
  CHECK(st.rows[2].ref == "2026050322001400000000000102");  // the refund carries the original's numbers
  CHECK(st.rows[2].gross == Money(-10000));
  CHECK(st.rows[2].fee == Money(-60));  // returned with the refund
  CHECK(st.rows[2].at == startOfLocalDay({2026, 5, 4}, kZone) + 9 * kHour + 30 * kMinute);  // 完成时间
  StatementFigures f = figuresOf(st, kZone);
  CHECK(f.gross == Money(8800 + 39800 + 12800 + 12800 + 16800));  // 订单金额 of the 交易 rows
  CHECK(f.refunds == Money(10000 + 19900));
  CHECK(f.fees == Money(53 + 239 - 60 - 119 + 77 + 77 + 95));
  CHECK(f.net == Money(91000 - 29900 - 362));
  CHECK(f.days.front().date == "2026-05-02");
  CHECK(f.days.back().date == "2026-05-31");
  // The same bill saved as UTF-8 reads the same.
  CHECK(figuresOf(readStatement(decodeText(bytes, enc), kZone), kZone).net == f.net);
}

TEST_CASE("an Alipay trade bill cut short, or edited, is refused naming the line") {
  std::string whole = sample("alipay_trade_2026-05.csv");
  auto ends = lineEnds(whole);
  std::size_t refundsTotal = ends[ends.size() - 2];  // the #退款合计 line ends here; #导出时间 follows
  for (std::size_t i = 0; i + 2 < ends.size(); ++i) {
    INFO("cut at byte " << ends[i]);
    CHECK_THAT(refusal(whole.substr(0, ends[i])), Catch::StartsWith("statement_truncated"));
  }
  for (std::size_t cut = ends[4]; cut + 2 < refundsTotal; ++cut) {  // every byte up to the 元 of #退款合计
    INFO("cut at byte " << cut);
    CHECK_FALSE(refusal(whole.substr(0, cut)).empty());
  }
  CHECK(refusal(whole.substr(0, refundsTotal)).empty());  // only the export time is missing: nothing lost
  CHECK_THAT(refusal(sample("alipay_trade_truncated_2026-05.csv")), Catch::Contains("业务明细列表结束"));
  CHECK_THAT(refusal(sample("alipay_trade_tampered_2026-05.csv")),
             Catch::StartsWith("statement_summary_mismatch: line 14: #交易合计 商家实收 says 900.00, the rows add up to 820.00"));
  std::string noRefundLine = whole;
  std::size_t at = noRefundLine.find(encodeText("#退款合计", TextEncoding::Gb18030));
  noRefundLine.erase(at, noRefundLine.find('\n', at) + 1 - at);
  CHECK_THAT(refusal(noRefundLine), Catch::Contains("no #退款合计 line"));
}

TEST_CASE("a statement row dated outside the month is refused, naming the line") {
  ChannelStatement st = readStatement(sample("wechat_outside_2026-05.csv"), kZone);
  CHECK_THROWS_WITH(requireMonth(st, "2026-05", kZone),
                    Catch::Contains("statement_outside_month") && Catch::Contains("line 2: 2026-04-30 23:59"));
  ChannelStatement ali = readStatement(sample("alipay_trade_2026-05.csv"), kZone);
  requireMonth(ali, "2026-05", kZone);  // 2026-05-31 23:58 store time is May
  CHECK_THROWS_WITH(requireMonth(ali, "2026-06", kZone), Catch::Contains("line 6"));
  CHECK_THAT(refusal("#x\n\na,b\n1,2\n"), Catch::StartsWith("statement_format_unknown: line 3: a,… is not the column row"));
  CHECK_THAT(refusal("交易时间,公众账号ID\n"),
             Catch::StartsWith("statement_column_missing: line 1: wechat column row has no 微信订单号"));
}

TEST_CASE("an earlier month's refund, a partial refund and a double charge are matched as they happened") {
  std::vector<KioskTender> kiosk = {
      {"s1", "alipay", "2026050322001400000000000101", Money(8800), "2026-05-03"},
      {"s2", "alipay", "S01-20260503-0002", Money(39800), "2026-05-03"},     // by merchant order number
      {"r2", "alipay", "S01-20260503-0002", Money(-10000), "2026-05-04"},    // partial refund
      {"r0", "alipay", "2026042822001400000000000099", Money(-19900), "2026-05-02"},  // paid in April
      {"s3", "alipay", "2026051022001400000000000201", Money(12800), "2026-05-10"},   // the kiosk saw one payment
      {"s5", "alipay", "2026053122001400000000000301", Money(16800), "2026-05-31"},
  };
  ReconciliationResult r = reconcile(kiosk, {readStatement(sample("alipay_trade_2026-05.csv"), kZone)}, {});
  CHECK(r.matched == 5);
  REQUIRE(r.differences.size() == 1);
  CHECK(r.differences[0].kind == "missing_in_kiosk");  // the second charge: real money, reported
  CHECK(r.differences[0].ref == "2026051022001400000000000202");
  CHECK(r.differences[0].statement == Money(12800));

  std::vector<KioskTender> wx = {
      {"s1", "wechat", "4200001202202605050000000101", Money(8800), "2026-05-05"},
      {"s2", "wechat", "4200001202202605060000000102", Money(39800), "2026-05-06"},
      {"r2", "wechat", "4200001202202605060000000102", Money(-10000), "2026-05-06"},
      {"r0", "wechat", "4200001202202604280000000099", Money(-19900), "2026-05-02"},
      {"s3", "wechat", "4200001202202605100000000201", Money(12800), "2026-05-10"},
      {"s5", "wechat", "4200001202202605310000000401", Money(16800), "2026-05-31"},
  };
  ReconciliationResult w = reconcile(wx, {readStatement(sample("wechat_edges_2026-05.csv"), kZone)}, {});
  CHECK(w.matched == 5);
  REQUIRE(w.differences.size() == 1);
  CHECK(w.differences[0].ref == "4200001202202605100000000202");
}
