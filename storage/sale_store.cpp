#include "storage/sale_store.h"
#include "storage/prepared.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/core/audit.h"
#include "app/core/business_day.h"
#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/chain_spends.h"
#include "storage/member_store.h"
#include "storage/member_movements.h"
#include "storage/sale_json.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

using LL = std::int64_t;

// Binds each argument in order (sql::bind) and runs the statement.
template <class... A>
void run(SQLite::Database& db, const char* statement, const A&... args) {
  Prepared q(db, statement);
  sql::bind(*q, args...);
  q->exec();
}

const char* auditAction(SaleKind k) {
  switch (k) {
    case SaleKind::Sale: return "sale.settle";
    case SaleKind::Void: return "sale.void";
    case SaleKind::Refund: return "sale.refund";
    case SaleKind::ArrearsSettlement: return "arrears.settle";
  }
  return "sale.settle";
}

const char* outboxType(SaleKind k) {
  switch (k) {
    case SaleKind::Sale: return "sale.settled";
    case SaleKind::Void: return "sale.voided";
    case SaleKind::Refund: return "sale.refunded";
    case SaleKind::ArrearsSettlement: return "arrears.settled";
  }
  return "sale.settled";
}

void checkStaff(SQLite::Database& db, const Sale& sale) {
  std::set<std::string> codes;
  for (const auto& l : sale.lines)
    for (const auto& s : l.staff) codes.insert(s.code);
  for (const auto& c : codes) {
    Prepared q(db, "SELECT active FROM staff WHERE code = ?");
    q->bind(1, c);
    if (!q->executeStep() || q->getColumn(0).getInt() == 0) throw DomainError("unknown_staff", c);
  }
}

void applyMovements(SQLite::Database& db, const Sale& s) {
  const LL at = s.recordedAt;
  if (s.customer) run(db, "INSERT OR IGNORE INTO member_balances (customer_id) VALUES (?)", *s.customer);
  for (const auto& p : s.points) {
    run(db, "INSERT INTO points_ledger (customer_id, sale_id, delta, kind, expires_at, at) VALUES (?,?,?,?,?,?)",
        s.customer, s.id, p.delta, p.kind, p.expiresAt, at);
    run(db, "UPDATE member_balances SET points = points + ? WHERE customer_id = ?", p.delta, s.customer);
  }
  for (const auto& m : s.storedValue) {
    run(db, "INSERT INTO stored_value_ledger (customer_id, sale_id, principal_delta, bonus_delta, kind, at) VALUES (?,?,?,?,?,?)",
        s.customer, s.id, m.principal, m.bonus, m.kind, at);
    run(db, "UPDATE member_balances SET sv_principal = sv_principal + ?, sv_bonus = sv_bonus + ? WHERE customer_id = ?",
        m.principal, m.bonus, s.customer);
  }
  for (const auto& p : s.newPackages)
    run(db, "INSERT INTO customer_packages (id, customer_id, sale_id, package_code, service_code, sessions_total,"
            " sessions_left, paid, session_list_price, expires_at) VALUES (?,?,?,?,?,?,0,?,?,?)",
        p.id, s.customer, s.id, p.packageCode, p.serviceCode, p.sessionsTotal, p.paid, p.sessionListPrice,
        p.expiresAt);
  for (const auto& m : s.packageMoves) {
    run(db, "INSERT INTO package_ledger (package_id, sale_id, delta, kind, at) VALUES (?,?,?,?,?)", m.packageId, s.id,
        m.sessions, m.kind, at);
    run(db, "UPDATE customer_packages SET sessions_left = sessions_left + ? WHERE id = ?", m.sessions, m.packageId);
  }
  for (const auto& m : s.stock)
    moveStock(db, m.item, m.delta, m.delta < 0 ? "sale" : "return", s.id, s.cashier, at);
  for (const auto& m : s.arrears) {
    run(db, "INSERT INTO arrears_ledger (customer_id, sale_id, delta, kind, at) VALUES (?,?,?,?,?)", s.customer, s.id,
        m.delta, m.kind, at);
    // The clock of the suspension starts with the first unsettled charge; paid off, it resets.
    run(db, "UPDATE member_balances SET arrears = arrears + ?1,"
            " arrears_since = CASE WHEN arrears + ?1 = 0 THEN 0 WHEN arrears = 0 THEN ?2 ELSE arrears_since END,"
            " reminders = CASE WHEN arrears + ?1 = 0 THEN 0 ELSE reminders END,"
            " override = CASE WHEN arrears + ?1 = 0 THEN 0 ELSE override END WHERE customer_id = ?3",
        m.delta, at, s.customer);
  }
}

// The balances after the movements must be what the rules computed.
void checkBalances(SQLite::Database& db, const Sale& s) {
  if (!s.customer) return;
  Prepared q(db, "SELECT points, sv_principal, sv_bonus, arrears FROM member_balances WHERE customer_id = ?");
  q->bind(1, *s.customer);
  if (!q->executeStep()) throw DomainError("balance_mismatch", s.id);
  if (q->getColumn(0).getInt64() != s.pointsAfter || q->getColumn(1).getInt64() != s.svPrincipalAfter.fen ||
      q->getColumn(2).getInt64() != s.svBonusAfter.fen || q->getColumn(3).getInt64() != s.arrearsAfter.fen)
    throw DomainError("balance_mismatch", s.id);
}

void insertHeader(SQLite::Database& db, const Sale& s) {
  const CartTotals& t = s.totals;
  Prepared q(db,
                      "INSERT INTO sales (id, kind, reverses, business_day, completed_at, recorded_at, cashier, customer_id,"
                      " customer_name, tier_code, birthday, gross, benefits, line_discounts, order_discount, subtotal, tax,"
                      " tax_inclusive, rounding, total, change_given, points_earned, reason, approved_by, fingerprint,"
                      " points_after, sv_principal_after, sv_bonus_after, arrears_after)"
                      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  int i = 0;
  sql::bindAt(*q, ++i, s.id);
  sql::bindAt(*q, ++i, saleKindName(s.kind));
  sql::bindAt(*q, ++i, sql::orNull(s.reverses));
  sql::bindAt(*q, ++i, s.businessDay);
  sql::bindAt(*q, ++i, s.completedAt);
  sql::bindAt(*q, ++i, s.recordedAt);
  sql::bindAt(*q, ++i, s.cashier);
  sql::bindAt(*q, ++i, s.customer);
  sql::bindAt(*q, ++i, s.customerName);
  sql::bindAt(*q, ++i, s.tierCode);
  sql::bindAt(*q, ++i, s.birthday ? 1 : 0);
  for (Money m : {t.gross, t.benefits, t.lineDiscounts, t.orderDiscount, t.subtotal, t.tax}) sql::bindAt(*q, ++i, m);
  sql::bindAt(*q, ++i, t.taxInclusive ? 1 : 0);
  for (Money m : {t.rounding, t.total, s.change}) sql::bindAt(*q, ++i, m);
  sql::bindAt(*q, ++i, s.pointsEarned);
  sql::bindAt(*q, ++i, s.reason);
  sql::bindAt(*q, ++i, s.approvedBy);
  sql::bindAt(*q, ++i, s.fingerprint);
  sql::bindAt(*q, ++i, s.pointsAfter);
  for (Money m : {s.svPrincipalAfter, s.svBonusAfter, s.arrearsAfter}) sql::bindAt(*q, ++i, m);
  q->exec();
}

void insertLinesAndTenders(SQLite::Database& db, const Sale& s) {
  for (const auto& l : s.lines) {
    const LineTotals& t = l.totals;
    run(db, "INSERT INTO sale_lines (sale_id, line_no, item_code, name, category, kind, qty, unit_price, gross, benefit,"
            " benefit_amount, manual_discount, adjustment, net, reverses_line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        s.id, l.lineNo, l.item, l.name, l.category, itemKindName(l.kind), l.qty, l.unitPrice, t.gross,
        benefitName(t.benefit), t.benefitAmount, t.manualDiscount, t.adjustment, t.net, l.reversesLine);
    int pos = 0;
    for (const auto& st : l.staff)
      run(db, "INSERT INTO sale_line_staff (sale_id, line_no, pos, staff, share_bp) VALUES (?,?,?,?,?)", s.id, l.lineNo,
          ++pos, st.code, st.shareBp);
  }
  int seq = 0;
  for (const auto& t : s.tenders)
    run(db, "INSERT INTO sale_tenders (sale_id, seq, type, amount, handed, ref, principal, bonus, points, package_id,"
            " sessions, line_no, reverses_tender) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        s.id, ++seq, tenderName(t.type), t.amount, t.handed, t.ref, t.principal, t.bonus, t.points,
        t.packageId, t.sessions, t.lineNo, t.reversesTender);
  for (const auto& sh : staffShares(s)) {
    run(db, "INSERT INTO staff_performance (sale_id, business_day, staff, category, performance, service) VALUES (?,?,?,?,?,?)",
        s.id, s.businessDay, sh.staff, sh.category, sh.performance, sh.service);
    run(db, "INSERT INTO staff_day_totals (business_day, staff, performance, service) VALUES (?,?,?,?)"
            " ON CONFLICT(business_day, staff) DO UPDATE SET performance = performance + excluded.performance,"
            " service = service + excluded.service",
        s.businessDay, sh.staff, sh.performance, sh.service);
  }
}

void insertConsumption(SQLite::Database& db, const Sale& s) {
  std::string items, payment;
  for (const auto& l : s.lines) items += (items.empty() ? "" : ", ") + l.item + "x" + std::to_string(l.qty);
  for (const auto& t : s.tenders)
    payment += (payment.empty() ? "" : ", ") + std::string(tenderName(t.type)) + " " + formatAmount(t.amount);
  run(db, "INSERT INTO consumption_records (sale_id, customer_id, completed_at, recorded_at, items, amount, payment)"
          " VALUES (?,?,?,?,?,?,?)",
      s.id, s.customer, s.completedAt, s.recordedAt, items, s.totals.total, payment);
}

// A stored entry remembers only the packages it touched (sale_load's
// readPackages); core's packagesAfter is the whole account after the entry.
void keepTouchedPackages(Sale& s) {
  std::set<std::string> touched;
  for (const auto& m : s.packageMoves) touched.insert(m.packageId);
  auto& p = s.packagesAfter;
  p.erase(std::remove_if(p.begin(), p.end(), [&](const CustomerPackage& c) { return !touched.count(c.id); }), p.end());
  std::sort(p.begin(), p.end(), [](const CustomerPackage& a, const CustomerPackage& b) { return a.id < b.id; });
}

}  // namespace

void writeSale(SQLite::Database& db, const Sale& s, StoreZone zone) {
  checkStaff(db, s);
  applyMovements(db, s);
  checkBalances(db, s);
  insertHeader(db, s);
  insertLinesAndTenders(db, s);
  insertConsumption(db, s);
  keepChainSpend(db, s);
  std::string sections = "total=" + std::to_string(s.totals.total.fen);
  if (s.customer) sections += ",customer=" + std::to_string(*s.customer);
  std::string reason = s.reason;
  if (!s.approvedBy.empty()) reason = "approved by " + s.approvedBy + ": " + reason;
  appendAudit(db, auditOf(s.recordedAt, s.cashier, auditAction(s.kind), "sale", s.id, reason, sections));
  appendOutbox(db, {s.id, outboxType(s.kind), saleEventJson(db, s, zone).dump(), s.recordedAt});
}

SaleContext SaleStore::context(SQLite::Database& s, const Staff& cashier, Instant now, std::string& day) const {
  Prepared q(s, "SELECT date FROM business_days WHERE closed_at IS NULL");
  std::optional<BusinessDay> open;
  if (q->executeStep()) open = BusinessDay{q->getColumn(0).getString(), 0, "", std::nullopt, "", {}, {}, {}};
  day = postingDay(open);
  return SaleContext{setup_.prices, setup_.tiers, setup_.policy, setup_.zone, now, day, cashier.code};
}

SettleResult SaleStore::once(const std::string& id, const std::string& fingerprint,
                             const std::function<Sale(SQLite::Database&)>& build) {
  std::optional<Sale> written;
  db_.write([&](SQLite::Database& s) {
    Prepared q(s, "SELECT fingerprint FROM sales WHERE id = ?");
    q->bind(1, id);
    if (q->executeStep()) {
      if (q->getColumn(0).getString() != fingerprint) throw DomainError("id_conflict", id);
      return;
    }
    Sale sale = build(s);
    writeSale(s, sale, setup_.zone);
    if (sale.customer && sale.kind != SaleKind::ArrearsSettlement) refreshTier(s, *sale.customer, setup_.tiers, sale.recordedAt);
    keepTouchedPackages(sale);
    written = std::move(sale);
  });
  // The sale just written is what a read would give back (a test holds them
  // equal); only a replay reads the stored one.
  if (written) return {std::move(*written), false};
  const bool replayed = true;
  auto stored = guarded([&] { return loadSale(db_.sql(), id); });
  if (!stored) throw DomainError("db_error", "sale not found after settling: " + id);
  return {std::move(*stored), replayed};
}

SettleResult SaleStore::settle(const SaleRequest& req, const Staff& cashier, Instant now) {
  return once(req.id, requestFingerprint(req), [&](SQLite::Database& s) {
    std::string day;
    SaleContext ctx = context(s, cashier, now, day);
    std::optional<MemberAccount> acct;
    if (req.customer) acct = loadAccount(s, *req.customer, setup_.policy, now);
    return buildSale(req, acct ? &*acct : nullptr, ctx);
  });
}

SettleResult SaleStore::reverse(const ReversalRequest& req, const std::string& originalId, const Staff& cashier, Instant now) {
  return once(req.id, reversalFingerprint(req, originalId), [&](SQLite::Database& s) {
    std::string day;
    SaleContext ctx = context(s, cashier, now, day);
    auto original = loadSale(s, originalId);
    if (!original) throw DomainError("unknown_sale", originalId);
    std::vector<Sale> earlier = loadReversalsOf(s, originalId);
    std::optional<MemberAccount> acct;
    if (original->customer) acct = loadAccount(s, *original->customer, setup_.policy, now);
    return buildReversal(req, *original, earlier, acct ? &*acct : nullptr, ctx);
  });
}

SettleResult SaleStore::settleArrears(const std::string& id, CustomerId customer, const std::vector<TenderRequest>& tenders,
                                      const Staff& cashier, Instant now) {
  return once(id, arrearsFingerprint(id, customer, tenders), [&](SQLite::Database& s) {
    std::string day;
    SaleContext ctx = context(s, cashier, now, day);
    auto acct = loadAccount(s, customer, setup_.policy, now);
    if (!acct) throw DomainError("unknown_customer", std::to_string(customer));
    return buildArrearsSettlement(id, *acct, tenders, ctx);
  });
}

void SaleStore::writeHistoric(const Sale& sale) {
  db_.write([&](SQLite::Database& s) { writeSale(s, sale, setup_.zone); });
}

}  // namespace salon::storage
