#include "storage/member_store.h"

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/outbox.h"
#include "app/core/tender.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"

namespace salon::storage {
namespace {

constexpr std::int64_t kYear = 365 * kDay;

void ensureBalances(SQLite::Database& db, CustomerId id) {
  SQLite::Statement q(db, "INSERT OR IGNORE INTO member_balances (customer_id) VALUES (?)");
  q.bind(1, static_cast<std::int64_t>(id));
  q.exec();
}

void audited(SQLite::Database& db, Instant now, const std::string& staff, const std::string& action, CustomerId id,
             const std::string& reason, const std::string& payload) {
  appendAudit(db, auditOf(now, staff, action, "customer", std::to_string(id), reason, "arrears"));
  appendOutbox(db, {newUuid(), action, payload, now});
}

}  // namespace

CustomerId findCustomerId(SQLite::Database& db, const std::string& key) {
  if (looksLikePaymentCode(key)) throw DomainError("payment_code_not_customer", "");
  return guarded([&] {
    SQLite::Statement q(db, "SELECT id FROM customers WHERE file_no = ?1 OR member_no = ?1 OR phone = ?1 LIMIT 2");
    q.bind(1, key);
    if (!q.executeStep()) throw DomainError("unknown_customer", key);
    CustomerId id = q.getColumn(0).getInt64();
    if (q.executeStep()) throw DomainError("customer_ambiguous", key);
    return id;
  });
}

std::optional<MemberAccount> loadAccount(SQLite::Database& db, CustomerId id, const CheckoutPolicy& policy, Instant now) {
  SQLite::Statement q(db,
                      "SELECT c.name, c.birthday, c.member_no, COALESCE(m.tier_code, ''), COALESCE(b.points, 0),"
                      " COALESCE(b.sv_principal, 0), COALESCE(b.sv_bonus, 0), COALESCE(b.arrears, 0), b.arrears_limit,"
                      " COALESCE(b.arrears_since, 0), COALESCE(b.reminders, 0), COALESCE(b.override, 0)"
                      " FROM customers c LEFT JOIN memberships m ON m.customer_id = c.id"
                      " LEFT JOIN member_balances b ON b.customer_id = c.id WHERE c.id = ?");
  q.bind(1, static_cast<std::int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  MemberAccount a;
  a.customerId = id;
  a.name = q.getColumn(0).getString();
  CivilDate bd;
  if (!q.getColumn(1).isNull() && parseDate(q.getColumn(1).getString(), bd)) a.birthday = bd;
  a.member = !q.getColumn(2).isNull() && !q.getColumn(2).getString().empty();
  a.tierCode = q.getColumn(3).getString();
  a.points = q.getColumn(4).getInt64();
  a.svPrincipal = Money(q.getColumn(5).getInt64());
  a.svBonus = Money(q.getColumn(6).getInt64());
  a.arrears = Money(q.getColumn(7).getInt64());
  a.arrearsLimit = q.getColumn(8).isNull() ? policy.defaultArrearsLimit : Money(q.getColumn(8).getInt64());
  a.arrearsSuspended = arrearsSuspends(a.arrears, q.getColumn(10).getInt(), q.getColumn(9).getInt64(), now,
                                       policy.suspendAfterReminders, policy.suspendAfterDays);
  a.arrearsOverride = q.getColumn(11).getInt() != 0;
  SQLite::Statement p(db, "SELECT id, service_code, package_code, sessions_total, sessions_left, paid,"
                          " session_list_price, expires_at FROM customer_packages WHERE customer_id = ? ORDER BY id");
  p.bind(1, static_cast<std::int64_t>(id));
  while (p.executeStep())
    a.packages.push_back({p.getColumn(0).getString(), p.getColumn(1).getString(), p.getColumn(2).getString(),
                          p.getColumn(3).getInt(), p.getColumn(4).getInt(), Money(p.getColumn(5).getInt64()),
                          Money(p.getColumn(6).getInt64()), p.getColumn(7).getInt64()});
  return a;
}

void refreshTier(SQLite::Database& db, CustomerId id, const std::vector<MemberTier>& tiers, Instant now) {
  if (tiers.empty()) return;
  SQLite::Statement member(db, "SELECT c.member_no IS NOT NULL, m.tier_code, m.period_end FROM customers c"
                               " LEFT JOIN memberships m ON m.customer_id = c.id WHERE c.id = ?");
  member.bind(1, static_cast<std::int64_t>(id));
  if (!member.executeStep() || member.getColumn(0).getInt() == 0) return;
  std::string current = member.getColumn(1).isNull() ? "" : member.getColumn(1).getString();
  Instant periodEnd = member.getColumn(2).isNull() ? 0 : member.getColumn(2).getInt64();
  SQLite::Statement q(db, "SELECT COALESCE(SUM(total), 0), COUNT(*) FILTER (WHERE kind = 'sale') FROM sales"
                          " WHERE customer_id = ? AND completed_at > ? AND kind IN ('sale', 'void', 'refund')");
  q.bind(1, static_cast<std::int64_t>(id));
  q.bind(2, static_cast<std::int64_t>(now - kYear));
  q.executeStep();
  Money spend(q.getColumn(0).getInt64());
  int visits = q.getColumn(1).getInt();
  bool ended = periodEnd != 0 && now >= periodEnd;
  const MemberTier& next = nextTier(tiers, current, spend, visits, ended);
  if (next.code == current && !ended) return;
  SQLite::Statement up(db, "INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (?,?,?,?)"
                           " ON CONFLICT(customer_id) DO UPDATE SET tier_code = excluded.tier_code,"
                           " period_end = excluded.period_end, updated_at = excluded.updated_at");
  up.bind(1, static_cast<std::int64_t>(id));
  up.bind(2, next.code);
  // A new tier (or a new period) runs for a year from now.
  up.bind(3, static_cast<std::int64_t>(next.code != current || ended ? now + kYear : periodEnd));
  up.bind(4, static_cast<std::int64_t>(now));
  up.exec();
  if (next.code != current)
    appendAudit(db, auditOf(now, "", "member.tier_change", "customer", std::to_string(id), current + " -> " + next.code, "tier"));
}

void recordArrearsReminder(Database& db, CustomerId id, const std::string& staff, const std::string& channel,
                           const std::string& note, Instant now) {
  db.write([&](SQLite::Database& s) {
    ensureBalances(s, id);
    SQLite::Statement a(s, "SELECT arrears FROM member_balances WHERE customer_id = ?");
    a.bind(1, static_cast<std::int64_t>(id));
    if (!a.executeStep() || a.getColumn(0).getInt64() <= 0) throw DomainError("no_arrears", std::to_string(id));
    SQLite::Statement q(s, "INSERT INTO arrears_reminders (customer_id, at, staff, channel, note) VALUES (?,?,?,?,?)");
    q.bind(1, static_cast<std::int64_t>(id));
    q.bind(2, static_cast<std::int64_t>(now));
    q.bind(3, staff);
    q.bind(4, channel);
    q.bind(5, note);
    q.exec();
    SQLite::Statement u(s, "UPDATE member_balances SET reminders = reminders + 1 WHERE customer_id = ?");
    u.bind(1, static_cast<std::int64_t>(id));
    u.exec();
    audited(s, now, staff, "arrears.reminded", id, channel + ": " + note,
            "{\"customer\":" + std::to_string(id) + ",\"channel\":\"" + channel + "\"}");
  });
}

void overrideArrears(Database& db, CustomerId id, const std::string& staff, const std::string& reason, Instant now) {
  if (reason.empty()) throw DomainError("reason_required", "override");
  db.write([&](SQLite::Database& s) {
    ensureBalances(s, id);
    SQLite::Statement q(s, "INSERT INTO arrears_overrides (customer_id, at, staff, reason) VALUES (?,?,?,?)");
    q.bind(1, static_cast<std::int64_t>(id));
    q.bind(2, static_cast<std::int64_t>(now));
    q.bind(3, staff);
    q.bind(4, reason);
    q.exec();
    SQLite::Statement u(s, "UPDATE member_balances SET override = 1 WHERE customer_id = ?");
    u.bind(1, static_cast<std::int64_t>(id));
    u.exec();
    audited(s, now, staff, "arrears.overridden", id, reason, "{\"customer\":" + std::to_string(id) + "}");
  });
}

void setArrearsLimit(Database& db, CustomerId id, Money limit, const std::string& staff, Instant now) {
  if (limit.fen < 0) throw DomainError("bad_input", "limit");
  db.write([&](SQLite::Database& s) {
    ensureBalances(s, id);
    SQLite::Statement u(s, "UPDATE member_balances SET arrears_limit = ? WHERE customer_id = ?");
    u.bind(1, static_cast<std::int64_t>(limit.fen));
    u.bind(2, static_cast<std::int64_t>(id));
    u.exec();
    audited(s, now, staff, "arrears.limit_set", id, formatAmount(limit), "{\"customer\":" + std::to_string(id) + "}");
  });
}

std::int64_t expirePoints(Database& db, Instant now) {
  std::int64_t total = 0;
  db.write([&](SQLite::Database& s) {
    // Per customer: points earned in lots already expired, against everything
    // spent, reversed or expired so far (first in, first out).
    SQLite::Statement q(s, "SELECT customer_id,"
                           " SUM(CASE WHEN delta > 0 AND kind = 'earn' AND expires_at <= ?1 THEN delta ELSE 0 END),"
                           " -SUM(CASE WHEN delta < 0 THEN delta ELSE 0 END),"
                           " SUM(CASE WHEN kind = 'redeem_reversal' THEN delta ELSE 0 END)"
                           " FROM points_ledger GROUP BY customer_id");
    q.bind(1, static_cast<std::int64_t>(now));
    std::vector<std::pair<std::int64_t, std::int64_t>> due;
    while (q.executeStep()) {
      // Redeemed points given back count as unspent again.
      std::int64_t debited = q.getColumn(2).getInt64() - q.getColumn(3).getInt64();
      std::int64_t n = pointsToExpire(q.getColumn(1).getInt64(), debited);
      if (n > 0) due.push_back({q.getColumn(0).getInt64(), n});
    }
    for (auto [id, n] : due) {
      SQLite::Statement b(s, "SELECT points FROM member_balances WHERE customer_id = ?");
      b.bind(1, id);
      if (!b.executeStep()) continue;
      n = std::min<std::int64_t>(n, b.getColumn(0).getInt64());
      if (n <= 0) continue;
      SQLite::Statement l(s, "INSERT INTO points_ledger (customer_id, sale_id, delta, kind, expires_at, at) VALUES (?, NULL, ?, 'expire', 0, ?)");
      l.bind(1, id);
      l.bind(2, static_cast<std::int64_t>(-n));
      l.bind(3, static_cast<std::int64_t>(now));
      l.exec();
      SQLite::Statement u(s, "UPDATE member_balances SET points = points - ? WHERE customer_id = ?");
      u.bind(1, static_cast<std::int64_t>(n));
      u.bind(2, id);
      u.exec();
      total += n;
    }
    if (total > 0) appendAudit(s, auditOf(now, "", "points.expire", "points", "*", std::to_string(total) + " points"));
  });
  return total;
}

int applyTierPeriodEnds(Database& db, const std::vector<MemberTier>& tiers, Instant now) {
  int changed = 0;
  db.write([&](SQLite::Database& s) {
    std::vector<std::int64_t> ids;
    SQLite::Statement q(s, "SELECT customer_id FROM memberships WHERE period_end <= ?");
    q.bind(1, static_cast<std::int64_t>(now));
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    for (std::int64_t id : ids) {
      refreshTier(s, id, tiers, now);
      ++changed;
    }
  });
  return changed;
}

}  // namespace salon::storage
