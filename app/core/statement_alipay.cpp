// Alipay's two downloads: the 业务明细 trade bill and the 账务明细 account log. Both
// are `#`-marked lists whose `#…合计` lines are control totals that must agree.
#include <algorithm>
#include <map>

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

}  // namespace

ChannelStatement parseAlipayTradeBill(const std::string& bytes, StoreZone zone) {
  MarkedList list = readMarkedList(textOf(bytes), "业务明细列表");
  if (list.records.empty() || clean(list.records[0].fields[0]) != "支付宝交易号")
    throw DomainError("statement_format_unknown", "alipay trade bill: 支付宝交易号,… expected after the start line");
  Columns c(list.records[0], "alipay");
  for (const char* must : {"商户订单号", "业务类型", "创建时间", "完成时间", "订单金额（元）", "商家实收（元）", "服务费（元）"}) c.at(must);
  ChannelStatement st{"alipay", {}, "alipay_trade_bill"};
  TradeSide side[2];
  for (std::size_t i = 1; i < list.records.size(); ++i) readTrade(c, list.records[i], zone, side, st);
  checkTradeTotals(list, side);
  return st;
}

ChannelStatement parseAlipayLedger(const std::string& bytes, StoreZone zone) {
  MarkedList list = readMarkedList(textOf(bytes), "账务明细列表");
  if (list.records.empty() || clean(list.records[0].fields[0]) != "账务流水号")
    throw DomainError("statement_format_unknown", "alipay account log: 账务流水号,… expected after the start line");
  Columns c(list.records[0], "alipay");
  ChannelStatement st{"alipay", {}, "alipay_account_log"};
  std::vector<StatementRow> fees;
  LedgerSide in, out;
  for (std::size_t i = 1; i < list.records.size(); ++i) {
    const CsvRecord& r = list.records[i];
    c.requireWhole(r);
    std::string type = c.get(r, "业务类型"), ref = c.get(r, "业务流水号");
    std::int64_t inMicro = microOf(c.get(r, "收入金额（+元）"), r.line, "收入金额（+元）");
    std::int64_t outMicro = microOf(c.get(r, "支出金额（-元）"), r.line, "支出金额（-元）");
    if (outMicro < 0) outMicro = -outMicro;
    if (inMicro != 0) {
      ++in.count;
      addTo(in.sum, inMicro, r.line);
    }
    if (outMicro != 0) {
      ++out.count;
      addTo(out.sum, outMicro, r.line);
    }
    Instant when = stampOf(c.get(r, "发生时间"), zone, r.line);
    if (type == "收费") fees.push_back({r.line, ref, "", when, Money(), fenOf(outMicro) - fenOf(inMicro)});
    else if (isSale(type))
      st.rows.push_back({r.line, ref, c.get(r, "商户订单号"), when, inMicro != 0 ? fenOf(inMicro) : -fenOf(outMicro), Money()});
  }
  checkLedgerTotals(list, in, out);
  attachFees(fees, st);
  return st;
}

}  // namespace salon
