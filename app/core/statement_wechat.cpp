// WeChat Pay 交易账单: the rows, then the summary block, which must be there and
// agree with the rows to the last digit (a file cut short or edited is refused).
#include <algorithm>
#include <optional>

#include "app/core/error.h"
#include "app/core/statement.h"
#include "app/core/statement_text.h"

namespace salon {
namespace {

using namespace statement;

// What the rows add up to, in millionths as the summary prints them.
struct WechatTally {
  std::int64_t orders = 0, settled = 0, refunded = 0, fees = 0, ordered = 0, applied = 0;
};

std::size_t decimalsOf(const std::string& v) {
  std::size_t dot = v.find('.');
  return dot == std::string::npos ? 0 : v.size() - dot - 1;
}

// 订单金额 (older bills: 应结订单金额 only) and 申请退款金额 (older: 退款金额 only).
std::string orderColumn(const Columns& c) { return c.has("订单金额") ? "订单金额" : "应结订单金额"; }
std::string refundColumn(const Columns& c) { return c.has("申请退款金额") ? "申请退款金额" : "退款金额"; }

void readRow(const Columns& c, const CsvRecord& r, StoreZone zone, WechatTally& t, ChannelStatement& st) {
  c.requireWhole(r);
  ++t.orders;
  std::string state = c.get(r, "交易状态");
  std::int64_t fee = microOf(c.get(r, "手续费"), r.line, "手续费");
  addTo(t.fees, fee, r.line);
  StatementRow row{r.line, c.get(r, "微信订单号"), c.get(r, "商户订单号"), stampOf(c.get(r, "交易时间"), zone, r.line),
                   Money(), fenOf(fee)};
  if (state == "SUCCESS") {
    std::int64_t order = microOf(c.get(r, orderColumn(c)), r.line, orderColumn(c));
    if (order < 0) throw DomainError("statement_amount_invalid", at(r.line) + ": " + orderColumn(c) + " is negative");
    addTo(t.ordered, order, r.line);
    if (c.has("应结订单金额")) addTo(t.settled, microOf(c.get(r, "应结订单金额"), r.line, "应结订单金额"), r.line);
    row.gross = fenOf(order);
  } else if (state == "REFUND") {
    std::int64_t applied = microOf(c.get(r, refundColumn(c)), r.line, refundColumn(c));
    if (applied < 0) applied = -applied;
    addTo(t.applied, applied, r.line);
    if (c.has("退款金额")) addTo(t.refunded, microOf(c.get(r, "退款金额"), r.line, "退款金额"), r.line);
    row.gross = -fenOf(applied);
  } else {
    return;  // REVOKED, CLOSED, ...: counted in 总交易单数, moved no money
  }
  st.rows.push_back(row);
}

// A file cut inside the summary's last value still has all its values ("`299.00"
// cut to "`299.0" or "`"): the last must print as many decimals as the others do.
void requireLastWhole(const CsvRecord& head, const CsvRecord& values) {
  std::size_t last = head.fields.size() - 1, others = 0;
  for (std::size_t i = 1; i < last; ++i) others = std::max(others, decimalsOf(clean(values.fields[i])));
  std::string v = clean(values.fields[last]);
  if (v.empty() || decimalsOf(v) < std::min<std::size_t>(others, 2))
    throw DomainError("statement_truncated", at(values.line) + ": " + clean(head.fields[last]) + " \"" + v + "\" is cut short");
}

// The summary's values against the rows: every figure the summary prints.
void checkSummary(const CsvRecord& head, const CsvRecord& values, const WechatTally& t) {
  Columns sum(head, "wechat summary");
  sum.requireWhole(values);
  std::string orders = sum.get(values, "总交易单数");
  if (orders.empty() || orders.size() > 12 || orders.find_first_not_of("0123456789") != std::string::npos)
    throw DomainError("statement_amount_invalid", at(values.line) + ": 总交易单数: " + orders);
  requireAgrees(values.line, "总交易单数", std::stoll(orders), t.orders, false);
  const std::pair<const char*, std::int64_t> figures[] = {{"应结订单总金额", t.settled}, {"退款总金额", t.refunded},
                                                          {"手续费总金额", t.fees},      {"订单总金额", t.ordered},
                                                          {"申请退款总金额", t.applied}};
  requireLastWhole(head, values);
  for (const auto& [name, counted] : figures)
    if (sum.has(name)) requireAgrees(values.line, name, microOf(sum.get(values, name), values.line, name), counted, true);
}

// The column row: every column the rows are read by must be there.
Columns wechatColumns(const CsvRecord& r) {
  Columns c(r, "wechat");
  for (const char* must : {"微信订单号", "商户订单号", "交易状态", "手续费", "交易时间"}) c.at(must);
  c.at(orderColumn(c));
  c.at(refundColumn(c));
  return c;
}

}  // namespace

namespace statement {

// Column row, rows, summary column row, summary values: read as they stream by.
ChannelStatement wechatBillOf(const std::string& text, StoreZone zone) {
  ChannelStatement st{"wechat", {}, "wechat_bill"};
  WechatTally tally;
  std::optional<Columns> c;
  std::optional<CsvRecord> head, values;
  int last = 1;
  CsvStream in(text, 0, text.size(), 1);
  eachRecord(in, [&](CsvRecord& r) {
    last = r.line;
    std::string first = r.fields.empty() ? "" : clean(r.fields[0]);
    if (!c) {
      if (first == "交易时间") c = wechatColumns(r);
    } else if (!head) {
      if (first == "总交易单数") head = std::move(r);
      else readRow(*c, r, zone, tally, st);
    } else if (!values) {
      values = std::move(r);
    }
  });
  if (!c) throw DomainError("statement_format_unknown", "wechat");
  if (!head)
    throw DomainError("statement_truncated", at(last) + ": no summary (总交易单数,…) after the rows (the file is cut short)");
  if (!values) throw DomainError("statement_truncated", at(head->line) + ": the summary has no values (the file is cut short)");
  checkSummary(*head, *values, tally);
  return st;
}

}  // namespace statement

ChannelStatement parseWechatBill(const std::string& bytes, StoreZone zone) { return statement::wechatBillOf(textOf(bytes), zone); }

}  // namespace salon
