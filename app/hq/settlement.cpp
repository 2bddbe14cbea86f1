#include "app/hq/settlement.h"

#include <algorithm>
#include <map>
#include <pqxx/pqxx>
#include <sstream>

#include "app/core/money.h"
#include "app/hq/refusal.h"

namespace salon::hq {
namespace {

// The movements an open month takes: stored value used in a store other than the
// one that sold it, not taken by a signature, dated in the month, or (for the next
// open month) dated in or before the last signed month. $1 month, $2 last signed ('' none).
constexpr const char* kCandidates =
    "SELECT mv.id, mv.sold_by, mv.used_at, mv.principal, mv.bonus, e.day < ($1 || '-01')::date AS late"
    " FROM member_movements mv JOIN events e ON e.id = mv.event_id"
    " WHERE mv.kind = 'stored_value' AND mv.sold_by <> mv.used_at"
    " AND NOT EXISTS (SELECT 1 FROM settled_movements s WHERE s.movement_id = mv.id)"
    " AND ((e.day >= ($1 || '-01')::date AND e.day < ($1 || '-01')::date + 31 AND to_char(e.day, 'YYYY-MM') = $1)"
    "      OR ($2 <> '' AND $1 = $3 AND e.day < ($3 || '-01')::date))";

int bonusRate(pqxx::dbtransaction& t) {
  auto r = t.exec("SELECT value FROM chain_settings WHERE key = 'settlement.bonus_rate_bp'");
  if (r.empty()) return 0;
  int bp = 0;
  try {
    bp = std::stoi(r[0][0].as<std::string>());
  } catch (...) {
    throw std::runtime_error("chain setting settlement.bonus_rate_bp is not a number");
  }
  if (bp < 0 || bp > 10000) throw std::runtime_error("chain setting settlement.bonus_rate_bp must be 0..10000");
  return bp;
}

std::string lastSigned(pqxx::dbtransaction& t) {
  return t.exec("SELECT COALESCE(max(month), '') FROM settlement_months")[0][0].as<std::string>();
}

std::vector<std::string> storeCodes(pqxx::dbtransaction& t) {
  std::vector<std::string> out;
  for (const auto& row : t.exec("SELECT code FROM stores ORDER BY code")) out.push_back(row[0].as<std::string>());
  return out;
}

// Sums candidate rows into cells: principal and bonus taken away are what is owed.
std::vector<SettlementCell> cellsOf(const pqxx::result& rows, int rateBp) {
  std::map<std::pair<std::string, std::string>, std::pair<SettlementCell, std::int64_t>> cells;  // + late bonus
  for (const auto& row : rows) {
    auto& [c, lateBonus] = cells[{row[1].as<std::string>(), row[2].as<std::string>()}];
    c.payer = row[1].as<std::string>();
    c.payee = row[2].as<std::string>();
    std::int64_t principal = -row[3].as<std::int64_t>(), bonus = -row[4].as<std::int64_t>();
    c.principal += principal;
    c.bonus += bonus;
    if (row[5].as<bool>()) c.adjustment += principal, lateBonus += bonus;
  }
  std::vector<SettlementCell> out;
  for (auto& [key, cl] : cells) {
    SettlementCell c = cl.first;
    c.bonusSettled = settledBonus(c.bonus, rateBp);
    c.adjustment += settledBonus(cl.second, rateBp);
    c.amount = c.principal + c.bonusSettled;
    out.push_back(c);
  }
  return out;
}

Settlement openMonth(pqxx::dbtransaction& t, const std::string& month) {
  Settlement s;
  s.month = month;
  s.bonusRateBp = bonusRate(t);
  s.stores = storeCodes(t);
  std::string last = lastSigned(t);
  std::string nextOpen = last.empty() ? "" : nextMonth(last);
  s.skipped = !last.empty() && month < last;
  if (s.skipped) return s;  // its movements are adjustments in the next open month
  s.cells = cellsOf(t.exec_params(kCandidates, month, last, nextOpen), s.bonusRateBp);
  return s;
}

Settlement signedMonth(pqxx::dbtransaction& t, const pqxx::row& head) {
  Settlement s;
  s.month = head[0].as<std::string>();
  s.isSigned = true;
  s.signedBy = head[1].as<std::string>();
  s.signedAt = head[2].as<std::string>();
  s.bonusRateBp = head[3].as<int>();
  s.stores = storeCodes(t);
  for (const auto& row : t.exec_params("SELECT payer, payee, principal, bonus, bonus_settled, adjustment, amount"
                                       " FROM settlement_cells WHERE month = $1 ORDER BY payer, payee",
                                       s.month))
    s.cells.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::int64_t>(),
                       row[3].as<std::int64_t>(), row[4].as<std::int64_t>(), row[5].as<std::int64_t>(),
                       row[6].as<std::int64_t>()});
  return s;
}

constexpr const char* kSignedHead =
    "SELECT month, signed_by, to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), bonus_rate_bp"
    " FROM settlement_months WHERE month = $1";

void checkMonth(const std::string& month) {
  if (!validMonth(month)) throw Refusal(400, "bad_month", "a month is YYYY-MM, not " + month);
}

void checkOrder(const std::string& month, const std::string& last) {
  if (last.empty() || month == nextMonth(last)) return;
  throw Refusal(409, "out_of_order",
                "months are signed in order: the next one to sign is " + nextMonth(last) + " (" + last +
                    " is the last signed)",
                {{"next", nextMonth(last)}});
}

std::string yuan(std::int64_t fen) { return formatAmount(Money(fen)); }

}  // namespace

bool validMonth(const std::string& m) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6})
    if (m[i] < '0' || m[i] > '9') return false;
  int mm = std::stoi(m.substr(5));
  return mm >= 1 && mm <= 12;
}

std::string nextMonth(const std::string& month) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5)) + 1;
  if (m > 12) m = 1, ++y;
  std::string mm = std::to_string(m), yy = std::to_string(y);
  return std::string(4 - std::min<std::size_t>(4, yy.size()), '0') + yy + "-" + (m < 10 ? "0" : "") + mm;
}

std::int64_t settledBonus(std::int64_t bonus, int rateBp) {
  std::int64_t a = bonus < 0 ? -bonus : bonus;
  std::int64_t r = (a * rateBp * 2 + 10000) / 20000;
  return bonus < 0 ? -r : r;
}

Settlement settlementOf(pqxx::connection& db, const std::string& month) {
  checkMonth(month);
  pqxx::read_transaction t(db);
  auto head = t.exec_params(kSignedHead, month);
  return head.empty() ? openMonth(t, month) : signedMonth(t, head[0]);
}

Settlement signSettlement(pqxx::connection& db, const std::string& month, const std::string& by) {
  checkMonth(month);
  pqxx::work t(db);
  t.exec("LOCK TABLE settlement_months IN EXCLUSIVE MODE");  // one signer at a time; readers go on
  if (!t.exec_params(kSignedHead, month).empty())
    throw Refusal(409, "already_signed", month + " is signed; it is never recomputed");
  std::string last = lastSigned(t);
  checkOrder(month, last);
  int rate = bonusRate(t);
  t.exec_params("INSERT INTO settlement_months (month, signed_by, bonus_rate_bp) VALUES ($1, $2, $3)", month, by,
                rate);
  auto rows = t.exec_params(kCandidates, month, last, last.empty() ? "" : nextMonth(last));
  for (const auto& row : rows)
    t.exec_params("INSERT INTO settled_movements (movement_id, month) VALUES ($1, $2)", row[0].as<std::int64_t>(),
                  month);
  for (const SettlementCell& c : cellsOf(rows, rate))
    t.exec_params("INSERT INTO settlement_cells (month, payer, payee, principal, bonus, bonus_settled, adjustment,"
                  " amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                  month, c.payer, c.payee, c.principal, c.bonus, c.bonusSettled, c.adjustment, c.amount);
  t.commit();
  return settlementOf(db, month);
}

nlohmann::json settlementJson(const Settlement& s, const std::set<std::string>* visible) {
  auto sees = [visible](const std::string& store) { return !visible || visible->count(store) > 0; };
  nlohmann::json cells = nlohmann::json::array();
  std::set<std::string> shown;  // the visible stores and those on the other side of their cells
  std::map<std::string, std::int64_t> net;  // visible stores only: another store's would be partial
  for (const auto& st : s.stores)
    if (sees(st)) shown.insert(st), net[st] = 0;
  for (const auto& c : s.cells) {
    if (!sees(c.payer) && !sees(c.payee)) continue;
    shown.insert({c.payer, c.payee});
    cells.push_back({{"payer", c.payer}, {"payee", c.payee}, {"principal", c.principal}, {"bonus", c.bonus},
                     {"bonus_settled", c.bonusSettled}, {"adjustment", c.adjustment}, {"amount", c.amount}});
    if (net.count(c.payer)) net[c.payer] -= c.amount;
    if (net.count(c.payee)) net[c.payee] += c.amount;
  }
  nlohmann::json out{{"month", s.month},   {"status", s.isSigned ? "signed" : s.skipped ? "skipped" : "open"}, {"bonus_rate_bp", s.bonusRateBp},
                     {"stores", shown},    {"cells", cells},
                     {"net", net}};
  if (s.isSigned) out["signed_by"] = s.signedBy, out["signed_at"] = s.signedAt;
  return out;
}

std::string settlementCsv(const Settlement& s) {
  std::map<std::pair<std::string, std::string>, std::int64_t> amount;
  std::map<std::string, std::int64_t> paid, received;
  for (const auto& c : s.cells) {
    amount[{c.payer, c.payee}] = c.amount;
    paid[c.payer] += c.amount;
    received[c.payee] += c.amount;
  }
  std::ostringstream out;
  out << "payer\\payee";
  for (const auto& st : s.stores) out << "," << st;
  out << ",owes\n";
  for (const auto& payer : s.stores) {
    out << payer;
    for (const auto& payee : s.stores) out << "," << yuan(amount.count({payer, payee}) ? amount[{payer, payee}] : 0);
    out << "," << yuan(paid[payer]) << "\n";
  }
  out << "is owed";
  for (const auto& st : s.stores) out << "," << yuan(received[st]);
  out << ",\nnet";
  for (const auto& st : s.stores) out << "," << yuan(received[st] - paid[st]);
  out << ",\n";
  return out.str();
}

}  // namespace salon::hq
