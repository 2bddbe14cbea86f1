#include "app/core/reconciliation.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "app/core/csv.h"
#include "app/core/error.h"
#include "app/core/text_encoding.h"
#include "app/core/uuid.h"

namespace salon {
namespace {

// A statement value without the WeChat backtick and the Alipay tab padding.
std::string clean(std::string v) {
  auto notPad = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '`'; };
  v.erase(v.begin(), std::find_if(v.begin(), v.end(), notPad));
  v.erase(std::find_if(v.rbegin(), v.rend(), notPad).base(), v.end());
  return v;
}

// "88.00", "-0.53", "0.52800", "¥1,088.00" → fen, half up past the second decimal.
Money amountOf(const std::string& raw, int line, const char* column) {
  std::string t;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ',' || c == '+') continue;
    if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA5) {  // ¥
      ++i;
      continue;
    }
    t += raw[i];
  }
  if (t.empty()) return Money();
  bool negative = t[0] == '-';
  if (negative) t.erase(0, 1);
  std::size_t dot = t.find('.');
  std::string whole = t.substr(0, dot), frac = dot == std::string::npos ? "" : t.substr(dot + 1);
  auto digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
  if (whole.empty() || !digits(whole) || !digits(frac) || frac.size() > 6 || whole.size() > 12)
    throw DomainError("statement_amount_invalid", std::to_string(line) + " " + column + " " + raw);
  frac.resize(6, '0');
  std::int64_t micro = std::stoll(whole) * 1'000'000 + std::stoll(frac);
  std::int64_t fen = (micro + 5'000) / 10'000;
  return Money(negative ? -fen : fen);
}

// "2026-05-28 10:00:00" (or with slashes, or YYYYMMDD + HHMMSS) in the store's zone.
Instant timeOf(const std::string& date, const std::string& time, StoreZone zone, int line) {
  std::string d, t;
  for (char c : date) if (c >= '0' && c <= '9') d += c;
  for (char c : time) if (c >= '0' && c <= '9') t += c;
  CivilDate cd;
  if (d.size() != 8 || !parseDate(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2), cd))
    throw DomainError("statement_date_invalid", std::to_string(line) + " " + date);
  if (t.size() < 4) t += "0000";
  int hh = std::stoi(t.substr(0, 2)), mm = std::stoi(t.substr(2, 2)), ss = t.size() >= 6 ? std::stoi(t.substr(4, 2)) : 0;
  return startOfLocalDay(cd, zone) + hh * kHour + mm * kMinute + ss * kSecond;
}

// "2026-05-28 10:00:00": a date and a time in one value.
Instant stampOf(const std::string& stamp, StoreZone zone, int line) {
  std::size_t space = stamp.find(' ');
  if (space == std::string::npos) return timeOf(stamp, "", zone, line);
  return timeOf(stamp.substr(0, space), stamp.substr(space + 1), zone, line);
}

class Columns {
 public:
  Columns(const CsvRecord& header, const char* format) {
    for (std::size_t i = 0; i < header.fields.size(); ++i) index_[clean(header.fields[i])] = i;
    format_ = format;
  }
  std::size_t at(const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end()) throw DomainError("statement_column_missing", format_ + ": " + name);
    return it->second;
  }
  bool has(const std::string& name) const { return index_.count(name) == 1; }
  std::string get(const CsvRecord& r, const std::string& name) const {
    std::size_t i = at(name);
    return i < r.fields.size() ? clean(r.fields[i]) : "";
  }

 private:
  std::map<std::string, std::size_t> index_;
  std::string format_;
};

std::vector<CsvRecord> recordsOf(const std::string& bytes, bool dropHashLines) {
  TextEncoding enc;
  std::string text = decodeText(bytes, enc);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (dropHashLines) {
    std::istringstream in(text);
    std::string line, kept;
    while (std::getline(in, line))
      if (clean(line).rfind("#", 0) != 0) kept += line + "\n";
    text = kept;
  }
  return parseCsv(text);
}

std::size_t headerAt(const std::vector<CsvRecord>& rs, const std::string& first, const char* format) {
  for (std::size_t i = 0; i < rs.size(); ++i)
    if (!rs[i].fields.empty() && clean(rs[i].fields[0]) == first) return i;
  throw DomainError("statement_format_unknown", format);
}

bool blank(const CsvRecord& r) {
  for (const auto& f : r.fields)
    if (!clean(f).empty()) return false;
  return true;
}

}  // namespace

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

ChannelStatement parseWechatBill(const std::string& bytes, StoreZone zone) {
  auto rs = recordsOf(bytes, false);
  std::size_t h = headerAt(rs, "交易时间", "wechat");
  Columns c(rs[h], "wechat");
  ChannelStatement st{"wechat", {}};
  std::size_t i = h + 1;
  int orders = 0;
  Money fees;
  for (; i < rs.size() && (rs[i].fields.empty() || clean(rs[i].fields[0]) != "总交易单数"); ++i) {
    const CsvRecord& r = rs[i];
    if (blank(r)) continue;
    ++orders;
    std::string state = c.get(r, "交易状态");
    StatementRow row{r.line, c.get(r, "微信订单号"), c.get(r, "商户订单号"),
                     stampOf(c.get(r, "交易时间"), zone, r.line),
                     Money(), amountOf(c.get(r, "手续费"), r.line, "手续费")};
    fees += row.fee;
    if (state == "SUCCESS") {
      row.gross = amountOf(c.has("订单金额") ? c.get(r, "订单金额") : c.get(r, "应结订单金额"), r.line, "订单金额");
    } else if (state == "REFUND") {
      row.gross = Money(-amountOf(c.get(r, "退款金额"), r.line, "退款金额").fen);
    } else {
      continue;  // REVOKED, CLOSED, ... moved no money
    }
    st.rows.push_back(row);
  }
  // The summary block: 总交易单数,…,手续费总金额,… then its values.
  if (i + 1 < rs.size()) {
    Columns sum(rs[i], "wechat summary");
    int declared = std::atoi(sum.get(rs[i + 1], "总交易单数").c_str());
    if (declared != orders) throw DomainError("statement_summary_mismatch", "总交易单数 " + std::to_string(declared));
    if (sum.has("手续费总金额") && amountOf(sum.get(rs[i + 1], "手续费总金额"), rs[i + 1].line, "手续费总金额") != fees)
      throw DomainError("statement_summary_mismatch", "手续费总金额");
  }
  return st;
}

ChannelStatement parseAlipayLedger(const std::string& bytes, StoreZone zone) {
  auto rs = recordsOf(bytes, true);
  std::size_t h = headerAt(rs, "账务流水号", "alipay");
  Columns c(rs[h], "alipay");
  ChannelStatement st{"alipay", {}};
  std::map<std::string, Money> feeOf;  // by 业务流水号
  for (std::size_t i = h + 1; i < rs.size(); ++i) {
    const CsvRecord& r = rs[i];
    if (blank(r)) continue;
    std::string type = c.get(r, "业务类型"), when = c.get(r, "发生时间");
    Money in = amountOf(c.get(r, "收入金额（+元）"), r.line, "收入金额");
    Money out = amountOf(c.get(r, "支出金额（-元）"), r.line, "支出金额");
    out = Money(out.fen < 0 ? -out.fen : out.fen);
    std::string ref = c.get(r, "业务流水号");
    if (type == "收费") {
      feeOf[ref] += out;
      continue;
    }
    if (type != "在线支付" && type != "交易付款" && type != "交易" && type != "交易退款" && type != "退款") continue;
    StatementRow row{r.line, ref, c.get(r, "商户订单号"), stampOf(when, zone, r.line),
                     in.fen != 0 ? in : Money(-out.fen), Money()};
    st.rows.push_back(row);
  }
  // A fee belongs to the payment with the same 业务流水号; a fee without one stays a row of its own.
  for (auto& [ref, fee] : feeOf) {
    auto it = std::find_if(st.rows.begin(), st.rows.end(), [&](const StatementRow& r) { return r.ref == ref && r.gross.fen > 0; });
    if (it != st.rows.end()) it->fee += fee;
    else st.rows.push_back({0, ref, "", 0, Money(), fee});
  }
  return st;
}

ChannelStatement parseBankSettlement(const std::string& bytes, StoreZone zone) {
  auto rs = recordsOf(bytes, false);
  std::size_t h = headerAt(rs, "交易日期", "bank");
  Columns c(rs[h], "bank");
  ChannelStatement st{"card", {}};
  for (std::size_t i = h + 1; i < rs.size(); ++i) {
    const CsvRecord& r = rs[i];
    if (blank(r)) continue;
    if (clean(r.fields[0]).find_first_not_of("0123456789-/") != std::string::npos) continue;  // 合计 lines
    Money amount = amountOf(c.get(r, "交易金额"), r.line, "交易金额");
    Money fee = amountOf(c.get(r, "手续费"), r.line, "手续费");
    std::int64_t abs = amount.fen < 0 ? -amount.fen : amount.fen;
    std::string type = c.get(r, "交易类型");
    bool reversal = type == "退货" || type == "撤销" || type == "消费撤销";
    st.rows.push_back({r.line, c.get(r, "检索参考号"), "", timeOf(c.get(r, "交易日期"), c.get(r, "交易时间"), zone, r.line),
                       Money(reversal ? -abs : abs), Money(fee.fen < 0 ? -fee.fen : fee.fen)});
  }
  return st;
}

ReconciliationResult reconcile(const std::vector<KioskTender>& tenders, const std::vector<ChannelStatement>& statements,
                               const std::vector<CashUp>& cashUps) {
  ReconciliationResult out;
  std::map<std::string, TenderTotal> totals;
  for (const KioskTender& t : tenders) {
    totals[t.tender].tender = t.tender;
    totals[t.tender].kiosk += t.amount;
  }
  auto item = [&](ReconciliationItem i) {
    i.itemNo = static_cast<int>(out.differences.size()) + 1;
    out.differences.push_back(std::move(i));
  };
  for (const ChannelStatement& st : statements) {
    TenderTotal& total = totals[st.tender];
    total.tender = st.tender;
    total.finance = total.finance.value_or(Money()) + st.gross();
    total.fees += st.fees();
    std::map<std::string, Money> kiosk;
    std::map<std::string, std::string> saleOf;
    for (const KioskTender& t : tenders) {
      if (t.tender != st.tender) continue;
      if (t.ref.empty()) {
        item({0, "no_reference", t.tender, "", t.saleId, t.amount, Money(), "", "", std::nullopt});
        continue;
      }
      kiosk[t.ref] += t.amount;
      saleOf.emplace(t.ref, t.saleId);
    }
    std::map<std::string, Money> stated;
    for (const StatementRow& r : st.rows) {
      if (r.gross.fen == 0) continue;  // a fee on its own
      std::string key = kiosk.count(r.ref) || r.altRef.empty() || !kiosk.count(r.altRef) ? r.ref : r.altRef;
      stated[key] += r.gross;
    }
    for (const auto& [ref, amount] : stated) {
      auto k = kiosk.find(ref);
      if (k == kiosk.end() && amount.fen == 0) continue;  // paid and refunded in full outside the kiosk
      if (k == kiosk.end()) item({0, "missing_in_kiosk", st.tender, ref, "", Money(), amount, "", "", std::nullopt});
      else if (k->second != amount) item({0, "amount_differs", st.tender, ref, saleOf[ref], k->second, amount, "", "", std::nullopt});
      else ++out.matched;
    }
    for (const auto& [ref, amount] : kiosk)
      if (!stated.count(ref) && amount.fen != 0)
        item({0, "missing_in_statement", st.tender, ref, saleOf[ref], amount, Money(), "", "", std::nullopt});
  }
  if (!cashUps.empty()) {
    TenderTotal& cash = totals["cash"];
    cash.tender = "cash";
    Money overShort;
    for (const CashUp& c : cashUps) {
      if (!c.closed) {
        item({0, "day_not_closed", "cash", c.date, "", c.expected, Money(), "", "", std::nullopt});
        continue;
      }
      overShort += c.counted - c.expected;
      if (c.counted != c.expected) item({0, "cash_difference", "cash", c.date, "", c.expected, c.counted, "", "", std::nullopt});
    }
    cash.finance = cash.kiosk + overShort;
  }
  for (auto& [name, t] : totals) out.totals.push_back(t);
  return out;
}

int Reconciliation::unexplained() const {
  int n = 0;
  for (const ReconciliationItem& i : result.differences) n += i.explainedAt ? 0 : 1;
  return n;
}

Reconciliation Reconciliations::run(const Staff& by, const std::string& month, const std::vector<StatementSource>& sources,
                                    ReconciliationResult result) {
  guard_.require(by, Action::ReconcileFinance, "reconciliation", month);
  Reconciliation r{newUuid(), month, clock_.now(), by.code, sources, std::move(result), "", std::nullopt, ""};
  store_.saveReconciliation(r, auditOf(r.runAt, by.code, "finance.reconciled", "reconciliation", r.id,
                                       month + ": " + std::to_string(r.result.differences.size()) + " differences"));
  return r;
}

Reconciliation Reconciliations::openOne(const std::string& id) {
  auto r = store_.reconciliation(id);
  if (!r) throw DomainError("not_found", "reconciliation " + id);
  if (r->signedAt) throw DomainError("reconciliation_signed", id);
  return *r;
}

ReconciliationItem Reconciliations::explain(const Staff& by, const std::string& id, int itemNo,
                                            const std::string& explanation) {
  guard_.require(by, Action::ReconcileFinance, "reconciliation", id);
  Reconciliation r = openOne(id);
  auto& items = r.result.differences;
  if (itemNo < 1 || itemNo > static_cast<int>(items.size())) throw DomainError("not_found", "item " + std::to_string(itemNo));
  if (explanation.find_first_not_of(' ') == std::string::npos) throw DomainError("reason_required", "explanation");
  ReconciliationItem item = items[static_cast<std::size_t>(itemNo - 1)];
  item.explanation = explanation;
  item.explainedBy = by.code;
  item.explainedAt = clock_.now();
  store_.saveExplanation(id, item, auditOf(*item.explainedAt, by.code, "finance.difference_explained", "reconciliation",
                                           id, explanation, std::to_string(itemNo)));
  return item;
}

Reconciliation Reconciliations::sign(const Staff& by, const std::string& id, const std::string& note) {
  guard_.require(by, Action::ReconcileFinance, "reconciliation", id);
  Reconciliation r = openOne(id);
  if (int left = r.unexplained(); left > 0) throw DomainError("differences_unexplained", std::to_string(left));
  r.signedBy = by.code;
  r.signedAt = clock_.now();
  r.signNote = note;
  store_.saveSignature(r, auditOf(*r.signedAt, by.code, "finance.reconciliation_signed", "reconciliation", id, note));
  return r;
}

}  // namespace salon
