// Alipay's two downloads: the 业务明细 trade bill and the 账务明细 account log. Both
// are `#`-marked lists whose `#…合计` lines are control totals that must agree.
#include <algorithm>
#include <map>
#include <optional>

#include "app/core/error.h"
#include "app/core/statement.h"
#include "app/core/statement_text.h"

namespace salon {
namespace {

using namespace statement;

// Per side (交易 or 退款): count and 商家实收 / 商家优惠 as printed, in millionths.
struct TradeSide {
  std::int64_t count = 0, received = 0, discount = 0;
};

void readTrade(const Columns& c, const CsvRecord& r, StoreZone zone, TradeSide (&side)[2], ChannelStatement& st) {
  c.requireWhole(r);
  std::string type = c.get(r, "业务类型");
  bool refund = type == "退款";
  if (!refund && type != "交易") throw DomainError("statement_row_invalid", at(r.line) + ": 业务类型 " + type);
  std::int64_t order = microOf(c.get(r, "订单金额（元）"), r.line, "订单金额（元）");
  if (!refund && order < 0) throw DomainError("statement_amount_invalid", at(r.line) + ": 订单金额（元） of a 交易 is negative");
  TradeSide& s = side[refund ? 1 : 0];
  ++s.count;
  addTo(s.received, microOf(c.get(r, "商家实收（元）"), r.line, "商家实收（元）"), r.line);
  if (c.has("商家优惠（元）")) addTo(s.discount, microOf(c.get(r, "商家优惠（元）"), r.line, "商家优惠（元）"), r.line);
  std::string done = c.get(r, "完成时间").empty() ? c.get(r, "创建时间") : c.get(r, "完成时间");
  // Alipay prints the service fee as it moves the merchant's money: a charge is
  // negative, a fee returned with a refund positive. Ours is what was charged.
  Money fee = -amountOf(c.get(r, "服务费（元）"), r.line, "服务费（元）");
  Money gross = fenOf(order < 0 ? -order : order);
  st.rows.push_back({r.line, c.get(r, "支付宝交易号"), c.get(r, "商户订单号"), stampOf(done, zone, r.line),
                     refund ? -gross : gross, fee});
}

// "#交易合计：5笔，商家实收共900.00元，商家优惠共10.00元" and "#退款合计：…": both
// must be there, whole, and agree (older downloads say 交易金额 / 优惠金额).
void checkTradeTotals(const MarkedList& list, const TradeSide (&side)[2]) {
  const ControlTotal& paid = requireTotal(list, "交易合计");
  requireAgrees(paid.line, "#交易合计 笔数", paid.count, side[0].count, false);
  requireAgrees(paid.line, "#交易合计 商家实收", requireAmount(paid, "交易合计", {"商家实收", "交易金额"}), side[0].received, true);
  requireAgrees(paid.line, "#交易合计 商家优惠", requireAmount(paid, "交易合计", {"商家优惠", "优惠金额"}), side[0].discount, true);
  const ControlTotal& back = requireTotal(list, "退款合计");
  requireAgrees(back.line, "#退款合计 笔数", back.count, side[1].count, false);
  requireAgrees(back.line, "#退款合计 商家实收退款", requireAmount(back, "退款合计", {"商家实收退款", "交易退款金额"}),
                side[1].received, true);
  requireAgrees(back.line, "#退款合计 商家优惠退款", requireAmount(back, "退款合计", {"商家优惠退款", "优惠退款金额"}),
                side[1].discount, true);
}

// Per direction of the account log: count and sum of 收入 / 支出 as printed.
struct LedgerSide {
  std::int64_t count = 0, sum = 0;
};

void checkLedgerTotals(const MarkedList& list, const LedgerSide& in, const LedgerSide& out) {
  const std::pair<const char*, const LedgerSide*> sides[] = {{"收入合计", &in}, {"支出合计", &out}};
  for (const auto& [name, side] : sides) {
    const ControlTotal& t = requireTotal(list, name);
    requireAgrees(t.line, std::string("#") + name + " 笔数", t.count, side->count, false);
    std::int64_t stated = requireAmount(t, name, {""});
    requireAgrees(t.line, std::string("#") + name, stated < 0 ? -stated : stated, side->sum, true);
  }
}

bool isSale(const std::string& type) {
  return type == "在线支付" || type == "交易付款" || type == "交易" || type == "交易退款" || type == "退款";
}

// A fee belongs to the payment with the same 业务流水号; a fee without one stays a row of its own.
void attachFees(const std::vector<StatementRow>& fees, ChannelStatement& st) {
  for (const StatementRow& f : fees) {
    auto it = std::find_if(st.rows.begin(), st.rows.end(), [&](const StatementRow& r) { return r.ref == f.ref && r.gross.fen > 0; });
    if (it != st.rows.end()) it->fee += f.fee;
    else st.rows.push_back(f);
  }
}

// One row of the account log: a sale, a refund, a fee, or a transfer (counted in the totals only).
void readLedgerRow(const Columns& c, const CsvRecord& r, StoreZone zone, LedgerSide (&side)[2],
                   std::vector<StatementRow>& fees, ChannelStatement& st) {
  c.requireWhole(r);
  std::string type = c.get(r, "业务类型"), ref = c.get(r, "业务流水号");
  std::int64_t in = microOf(c.get(r, "收入金额（+元）"), r.line, "收入金额（+元）");
  std::int64_t out = microOf(c.get(r, "支出金额（-元）"), r.line, "支出金额（-元）");
  if (out < 0) out = -out;
  const std::int64_t amounts[2] = {in, out};
  for (int k = 0; k < 2; ++k) {
    if (amounts[k] == 0) continue;
    ++side[k].count;
    addTo(side[k].sum, amounts[k], r.line);
  }
  Instant when = stampOf(c.get(r, "发生时间"), zone, r.line);
  if (type == "收费") fees.push_back({r.line, ref, "", when, Money(), fenOf(out) - fenOf(in)});
  else if (isSale(type))
    st.rows.push_back({r.line, ref, c.get(r, "商户订单号"), when, in != 0 ? fenOf(in) : -fenOf(out), Money()});
}

// The list's column row (first) and its rows, each given to `row`.
template <class Row>
void eachListRow(const std::string& text, const MarkedList& list, const char* first,
                 std::initializer_list<const char*> required, std::optional<Columns>& c, Row row) {
  CsvStream in(text, list.from, list.to, list.firstLine);
  eachRecord(in, [&](const CsvRecord& r) {
    if (c) return row(*c, r);
    if (clean(r.fields[0]) != first)
      throw DomainError("statement_format_unknown", at(r.line) + ": " + first + ",… expected after the start line");
    c.emplace(r, "alipay");
    for (const char* name : required) c->at(name);
  });
  if (!c) throw DomainError("statement_truncated", at(list.firstLine) + ": the list has no column row");
}

}  // namespace

namespace statement {

ChannelStatement alipayTradeBillOf(const std::string& text, StoreZone zone) {
  MarkedList list = readMarkedList(text, "业务明细列表");
  ChannelStatement st{"alipay", {}, "alipay_trade_bill"};
  TradeSide side[2];
  std::optional<Columns> columns;
  eachListRow(text, list, "支付宝交易号",
              {"商户订单号", "业务类型", "创建时间", "完成时间", "订单金额（元）", "商家实收（元）", "服务费（元）"}, columns,
              [&](const Columns& c, const CsvRecord& r) { readTrade(c, r, zone, side, st); });
  checkTradeTotals(list, side);
  return st;
}

ChannelStatement alipayLedgerOf(const std::string& text, StoreZone zone) {
  MarkedList list = readMarkedList(text, "账务明细列表");
  ChannelStatement st{"alipay", {}, "alipay_account_log"};
  std::vector<StatementRow> fees;
  LedgerSide side[2];  // 收入, 支出
  std::optional<Columns> columns;
  eachListRow(text, list, "账务流水号", {"业务流水号", "商户订单号", "发生时间", "收入金额（+元）", "支出金额（-元）", "业务类型"},
              columns,
              [&](const Columns& c, const CsvRecord& r) { readLedgerRow(c, r, zone, side, fees, st); });
  checkLedgerTotals(list, side[0], side[1]);
  attachFees(fees, st);
  return st;
}

}  // namespace statement

ChannelStatement parseAlipayTradeBill(const std::string& bytes, StoreZone zone) {
  return statement::alipayTradeBillOf(textOf(bytes), zone);
}

ChannelStatement parseAlipayLedger(const std::string& bytes, StoreZone zone) {
  return statement::alipayLedgerOf(textOf(bytes), zone);
}

}  // namespace salon
