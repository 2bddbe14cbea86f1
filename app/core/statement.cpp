// Statements whole: which format a file is, what it adds up to per day, whether
// it belongs to the month; and the bank's card settlement file.
#include "app/core/statement.h"

#include <algorithm>
#include <map>
#include <optional>

#include "app/core/error.h"
#include "app/core/statement_text.h"

namespace salon {

using namespace statement;

Money ChannelStatement::fees() const {
  Money m;
  for (const auto& r : rows) m += r.fee;
  return m;
}

Money ChannelStatement::gross() const {
  Money m;
  for (const auto& r : rows) m += r.gross;
  return m;
}

StatementFigures figuresOf(const ChannelStatement& st, StoreZone zone) {
  StatementFigures out;
  std::map<std::string, StatementDay> days;
  auto add = [](auto& f, const StatementRow& r) {
    ++f.rows;
    (r.gross.fen >= 0 ? f.gross : f.refunds) += Money(r.gross.fen >= 0 ? r.gross.fen : -r.gross.fen);
    f.fees += r.fee;
    f.net = f.gross - f.refunds - f.fees;
  };
  for (const StatementRow& r : st.rows) {
    add(out, r);
    std::string date = formatDate(localDate(r.at, zone));
    days[date].date = date;
    add(days[date], r);
  }
  for (auto& [date, day] : days) out.days.push_back(day);
  return out;
}

namespace statement {

ChannelStatement bankSettlementOf(const std::string& text, StoreZone zone) {
  ChannelStatement st{"card", {}, "bank_settlement"};
  std::optional<Columns> c;
  CsvStream in(text, 0, text.size(), 1);
  eachRecord(in, [&](const CsvRecord& r) {
    std::string first = clean(r.fields[0]);
    if (!c) {
      if (first == "交易日期") c.emplace(r, "bank");
      return;
    }
    if (first.find_first_not_of("0123456789-/") != std::string::npos) return;  // 合计 lines
    Money amount = amountOf(c->get(r, "交易金额"), r.line, "交易金额");
    Money fee = amountOf(c->get(r, "手续费"), r.line, "手续费");
    std::int64_t abs = amount.fen < 0 ? -amount.fen : amount.fen;
    std::string type = c->get(r, "交易类型");
    bool reversal = type == "退货" || type == "撤销" || type == "消费撤销";
    st.rows.push_back({r.line, c->get(r, "检索参考号"), "", timeOf(c->get(r, "交易日期"), c->get(r, "交易时间"), zone, r.line),
                       Money(reversal ? -abs : abs), Money(fee.fen < 0 ? -fee.fen : fee.fen)});
  });
  if (!c) throw DomainError("statement_format_unknown", "bank");
  return st;
}

}  // namespace statement

ChannelStatement parseBankSettlement(const std::string& bytes, StoreZone zone) {
  return statement::bankSettlementOf(textOf(bytes), zone);
}

ChannelStatement readStatement(std::string bytes, StoreZone zone) {
  std::string text = textOf(std::move(bytes));  // a big file is held once, as text, while it is read
  // The first line that is neither a `#` line nor blank is the column row.
  std::size_t from = 0;
  int n = 0;
  bool alipayHead = false;  // "#支付宝业务明细查询", "#-----…账务明细列表-----", …
  for (; from < text.size() && n < 1000; ++n) {
    std::size_t nl = text.find('\n', from);
    std::string line = clean(text.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
    from = nl == std::string::npos ? text.size() : nl + 1;
    if (!line.empty() && line[0] == '#' && line.find("明细") != std::string::npos) alipayHead = true;
    if (line.empty() || line[0] == '#') continue;
    std::string first = clean(line.substr(0, line.find(',')));
    if (first == "交易时间") return wechatBillOf(text, zone);
    if (first == "支付宝交易号") return alipayTradeBillOf(text, zone);
    if (first == "账务流水号") return alipayLedgerOf(text, zone);
    if (first == "交易日期") return bankSettlementOf(text, zone);
    std::size_t cut = std::min<std::size_t>(first.size(), 60);
    while (cut < first.size() && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    throw DomainError("statement_format_unknown", at(n + 1) + ": " + first.substr(0, cut) +
                                                      ",… is not the column row of a WeChat Pay 交易账单, an Alipay 业务明细 or "
                                                      "账务明细, or a bank card settlement file");
  }
  if (alipayHead && from >= text.size())
    throw DomainError("statement_truncated", at(n) + ": an Alipay download that stops before its list (cut short)");
  throw DomainError("statement_format_unknown",
                    "not a WeChat Pay 交易账单, an Alipay 业务明细 or 账务明细, or a bank card settlement file");
}

void requireMonth(const ChannelStatement& st, const std::string& month, StoreZone zone) {
  for (const StatementRow& r : st.rows) {
    std::string date = formatDate(localDate(r.at, zone));
    if (date.compare(0, 7, month) != 0)
      throw DomainError("statement_outside_month", at(r.line) + ": " + formatLocalDateTime(r.at, zone) + " is not in " + month);
  }
}

}  // namespace salon
