#include "storage/member_store.h"
#include "storage/prepared.h"

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/outbox.h"
#include "app/core/tender.h"
#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/member_movements.h"
#include "storage/sale_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

constexpr std::int64_t kYear = 365 * kDay;

void ensureBalances(SQLite::Database& db, CustomerId id) {
  Prepared q(db, "INSERT OR IGNORE INTO member_balances (customer_id) VALUES (?)");
  q->bind(1, id);
  q->exec();
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
    Prepared q(db, "SELECT id FROM customers WHERE file_no = ?1 OR member_no = ?1 OR phone = ?1 LIMIT 2");
    q->bind(1, key);
    if (!q->executeStep()) throw DomainError("unknown_customer", key);
    CustomerId id = q->getColumn(0).getInt64();
    if (q->executeStep()) throw DomainError("customer_ambiguous", key);
    return id;
  });
}

std::optional<MemberAccount> loadAccount(SQLite::Database& db, CustomerId id, const CheckoutPolicy& policy, Instant now) {
  Prepared q(db,
                      "SELECT c.name, c.birthday, c.member_no, COALESCE(m.tier_code, ''), COALESCE(b.points, 0),"
                      " COALESCE(b.sv_principal, 0), COALESCE(b.sv_bonus, 0), COALESCE(b.arrears, 0), b.arrears_limit,"
                      " COALESCE(b.arrears_since, 0), COALESCE(b.reminders, 0), COALESCE(b.override, 0)"
                      " FROM customers c LEFT JOIN memberships m ON m.customer_id = c.id"
                      " LEFT JOIN member_balances b ON b.customer_id = c.id WHERE c.id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  MemberAccount a;
  a.customerId = id;
  a.name = q->getColumn(0).getString();
  CivilDate bd;
  if (!q->getColumn(1).isNull() && parseDate(q->getColumn(1).getString(), bd)) a.birthday = bd;
  a.tierCode = q->getColumn(3).getString();
  // A member: a member number on file, or an approved membership.
  a.memberNo = q->getColumn(2).isNull() ? "" : q->getColumn(2).getString();
  a.member = !a.memberNo.empty() || !a.tierCode.empty();
  a.points = q->getColumn(4).getInt64();
  a.svPrincipal = sql::money(q->getColumn(5));
  a.svBonus = sql::money(q->getColumn(6));
  a.arrears = sql::money(q->getColumn(7));
  a.arrearsLimit = q->getColumn(8).isNull() ? policy.defaultArrearsLimit : sql::money(q->getColumn(8));
  a.arrearsSuspended = arrearsSuspends(a.arrears, q->getColumn(10).getInt(), q->getColumn(9).getInt64(), now,
                                       policy.suspendAfterReminders, policy.suspendAfterDays);
  a.arrearsOverride = q->getColumn(11).getInt() != 0;
  Prepared p(db, "SELECT id, service_code, package_code, sessions_total, sessions_left, paid,"
                          " session_list_price, expires_at FROM customer_packages WHERE customer_id = ? ORDER BY id");
  p->bind(1, id);
  while (p->executeStep())
    a.packages.push_back({p->getColumn(0).getString(), p->getColumn(1).getString(), p->getColumn(2).getString(),
                          p->getColumn(3).getInt(), p->getColumn(4).getInt(), sql::money(p->getColumn(5)),
                          sql::money(p->getColumn(6)), p->getColumn(7).getInt64()});
  return a;
}

void refreshTier(SQLite::Database& db, CustomerId id, const std::vector<MemberTier>& tiers, Instant now) {
  if (tiers.empty()) return;
  Prepared member(db, "SELECT c.member_no IS NOT NULL OR m.tier_code IS NOT NULL, m.tier_code, m.period_end FROM customers c"
                               " LEFT JOIN memberships m ON m.customer_id = c.id WHERE c.id = ?");
  member->bind(1, id);
  if (!member->executeStep() || member->getColumn(0).getInt() == 0) return;
  std::string current = sql::text(member->getColumn(1));
  Instant periodEnd = member->getColumn(2).isNull() ? 0 : member->getColumn(2).getInt64();
  Prepared q(db, "SELECT COALESCE(SUM(total), 0), COUNT(*) FILTER (WHERE kind = 'sale') FROM sales"
                          " WHERE customer_id = ? AND completed_at > ? AND kind IN ('sale', 'void', 'refund')");
  SQLite::bind(*q, id, now - kYear);
  q->executeStep();
  Money spend(q->getColumn(0).getInt64());
  int visits = q->getColumn(1).getInt();
  bool ended = periodEnd != 0 && now >= periodEnd;
  const MemberTier& next = nextTier(tiers, current, spend, visits, ended);
  if (next.code == current && !ended) return;
  Prepared up(db, "INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (?,?,?,?)"
                           " ON CONFLICT(customer_id) DO UPDATE SET tier_code = excluded.tier_code,"
                           " period_end = excluded.period_end, updated_at = excluded.updated_at");
  SQLite::bind(*up, id, next.code);
  // A new tier (or a new period) runs for a year from now.
  up->bind(3, next.code != current || ended ? now + kYear : periodEnd);
  up->bind(4, now);
  up->exec();
  if (next.code != current)
    appendAudit(db, auditOf(now, "", "member->tier_change", "customer", std::to_string(id), current + " -> " + next.code, "tier"));
}

void recordArrearsReminder(Database& db, CustomerId id, const std::string& staff, const std::string& channel,
                           const std::string& note, Instant now) {
  db.write([&](SQLite::Database& s) {
    ensureBalances(s, id);
    SQLite::Statement a(s, "SELECT arrears FROM member_balances WHERE customer_id = ?");
    a.bind(1, id);
    if (!a.executeStep() || a.getColumn(0).getInt64() <= 0) throw DomainError("no_arrears", std::to_string(id));
    SQLite::Statement q(s, "INSERT INTO arrears_reminders (customer_id, at, staff, channel, note) VALUES (?,?,?,?,?)");
    SQLite::bind(q, id, now, staff, channel, note);
    q.exec();
    SQLite::Statement u(s, "UPDATE member_balances SET reminders = reminders + 1 WHERE customer_id = ?");
    u.bind(1, id);
    u.exec();
    audited(s, now, staff, "arrears.reminded", id, channel + ": " + note,
            "{\"customer\":" + std::to_string(id) + ",\"channel\":\"" + channel + "\"}");
  });
}

void overrideArrears(Database& db, CustomerId id, const std::string& staff, const std::string& reason, Instant now) {
  if (reason.empty()) throw DomainError("reason_required", "override");
  db.write([&](SQLite::Database& s) {
    ensureBalances(s, id);
    Prepared q(s, "INSERT INTO arrears_overrides (customer_id, at, staff, reason) VALUES (?,?,?,?)");
    SQLite::bind(*q, id, now, staff, reason);
    q->exec();
    Prepared u(s, "UPDATE member_balances SET override = 1 WHERE customer_id = ?");
    u->bind(1, id);
    u->exec();
    audited(s, now, staff, "arrears.overridden", id, reason, "{\"customer\":" + std::to_string(id) + "}");
  });
}

void setArrearsLimit(Database& db, CustomerId id, Money limit, const std::string& staff, Instant now) {
  if (limit.fen < 0) throw DomainError("bad_input", "limit");
  db.write([&](SQLite::Database& s) {
    ensureBalances(s, id);
    Prepared u(s, "UPDATE member_balances SET arrears_limit = ? WHERE customer_id = ?");
    SQLite::bind(*u, limit.fen, id);
    u->exec();
    audited(s, now, staff, "arrears.limit_set", id, formatAmount(limit), "{\"customer\":" + std::to_string(id) + "}");
  });
}

namespace {

MembershipApplication readApplication(SQLite::Database& s, const std::string& id) {
  Prepared q(s, "SELECT customer_id, applied_at, applied_by, status, COALESCE(decided_by, ''),"
                         " COALESCE(decided_at, 0), note FROM membership_applications WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) throw DomainError("unknown_application", id);
  return {id, q->getColumn(0).getInt64(), q->getColumn(1).getInt64(), q->getColumn(2).getString(), q->getColumn(3).getString(),
          q->getColumn(4).getString(), q->getColumn(5).getInt64(), q->getColumn(6).getString()};
}

}  // namespace

MembershipApplication applyForMembership(Database& db, CustomerId id, const std::string& staff, Instant now) {
  MembershipApplication a{newUuid(), id, now, staff, "pending", "", 0, ""};
  db.write([&](SQLite::Database& s) {
    Prepared known(s, "SELECT c.member_no IS NOT NULL OR m.customer_id IS NOT NULL FROM customers c"
                               " LEFT JOIN memberships m ON m.customer_id = c.id WHERE c.id = ?");
    known->bind(1, id);
    if (!known->executeStep()) throw DomainError("unknown_customer", std::to_string(id));
    if (known->getColumn(0).getInt()) throw DomainError("already_member", std::to_string(id));
    Prepared open(s, "SELECT id FROM membership_applications WHERE customer_id = ? AND status = 'pending'");
    open->bind(1, id);
    if (open->executeStep()) throw DomainError("application_pending", open->getColumn(0).getString());
    Prepared q(s, "INSERT INTO membership_applications (id, customer_id, applied_at, applied_by) VALUES (?,?,?,?)");
    SQLite::bind(*q, a.id, id, now, staff);
    q->exec();
    appendAudit(s, auditOf(now, staff, "member.apply", "customer", std::to_string(id), "", "membership"));
    appendOutbox(s, {a.id, "member.applied", "{\"customer\":" + std::to_string(id) + "}", now});
  });
  return a;
}

MembershipApplication decideMembership(Database& db, const std::string& applicationId, bool approve,
                                       const std::string& staff, const std::string& reason,
                                       const std::vector<MemberTier>& tiers, Instant now) {
  MembershipApplication a;
  db.write([&](SQLite::Database& s) {
    a = readApplication(s, applicationId);
    checkMembershipDecision(a, approve, staff, reason);
    a.status = approve ? "approved" : "rejected";
    a.decidedBy = staff;
    a.decidedAt = now;
    a.note = reason;
    SQLite::Statement u(s, "UPDATE membership_applications SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?");
    SQLite::bind(u, a.status, staff, now, reason, a.id);
    u.exec();
    if (approve) {
      if (tiers.empty()) throw DomainError("no_member_tiers", "");
      SQLite::Statement m(s, "INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (?,?,?,?)"
                             " ON CONFLICT(customer_id) DO NOTHING");
      SQLite::bind(m, a.customer, earnedTier(tiers, Money(), 0).code, now + kYear, now);
      m.exec();
    }
    appendAudit(s, auditOf(now, staff, approve ? "member.approve" : "member.reject", "customer",
                           std::to_string(a.customer), reason, "membership"));
    // The application and the member number (if the file has one) go up too: head office
    // tells a customer who applied online (app/hq/PROTOCOL.md, "A customer's own side").
    Prepared no(s, "SELECT COALESCE(member_no, '') FROM customers WHERE id = ?");
    no->bind(1, a.customer);
    std::string memberNo = no->executeStep() ? no->getColumn(0).getString() : "";
    appendOutbox(s, {newUuid(), approve ? "member.approved" : "member.rejected",
                     nlohmann::json{{"customer", a.customer}, {"application", a.id}, {"member_no", memberNo},
                                    {"reason", reason}}.dump(),
                     now});
  });
  return a;
}

std::int64_t expirePoints(Database& db, Instant now) {
  std::int64_t total = 0;
  db.write([&](SQLite::Database& s) {
    // Per customer: points earned in lots already expired, against everything
    // spent, reversed or expired so far (first in, first out).
    Prepared q(s, "SELECT customer_id,"
                           " SUM(CASE WHEN delta > 0 AND kind = 'earn' AND expires_at <= ?1 THEN delta ELSE 0 END),"
                           " -SUM(CASE WHEN delta < 0 THEN delta ELSE 0 END),"
                           " SUM(CASE WHEN kind IN ('redeem_reversal', 'chain_in') THEN delta ELSE 0 END)"
                           " FROM points_ledger GROUP BY customer_id");
    q->bind(1, now);
    std::vector<std::pair<std::int64_t, std::int64_t>> due;
    while (q->executeStep()) {
      // Redeemed points given back count as unspent again.
      std::int64_t debited = q->getColumn(2).getInt64() - q->getColumn(3).getInt64();
      std::int64_t n = pointsToExpire(q->getColumn(1).getInt64(), debited);
      if (n > 0) due.push_back({q->getColumn(0).getInt64(), n});
    }
    for (auto [id, n] : due) {
      Prepared b(s, "SELECT points FROM member_balances WHERE customer_id = ?");
      b->bind(1, id);
      if (!b->executeStep()) continue;
      n = std::min<std::int64_t>(n, b->getColumn(0).getInt64());
      if (n <= 0) continue;
      Prepared l(s, "INSERT INTO points_ledger (customer_id, sale_id, delta, kind, expires_at, at) VALUES (?, NULL, ?, 'expire', 0, ?)");
      SQLite::bind(*l, id, -n, now);
      l->exec();
      Prepared u(s, "UPDATE member_balances SET points = points - ? WHERE customer_id = ?");
      SQLite::bind(*u, n, id);
      u->exec();
      appendPointsExpiry(s, id, n, now);  // head office keeps the member's points too
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
    Prepared q(s, "SELECT customer_id FROM memberships WHERE period_end <= ?");
    q->bind(1, now);
    while (q->executeStep()) ids.push_back(q->getColumn(0).getInt64());
    for (std::int64_t id : ids) {
      refreshTier(s, id, tiers, now);
      ++changed;
    }
  });
  return changed;
}

std::optional<MemberAccount> SqliteMemberAccounts::account(CustomerId id, Instant now) {
  return loadAccount(db_.sql(), id, readPolicy(db_.sql()), now);
}

bool SqliteMemberAccounts::topUp(const SaleRequest& request, const Staff& cashier, Instant now) {
  CheckoutSetup setup = loadCheckoutSetup(db_.sql());
  return SaleStore(db_, setup).settle(request, cashier, now).replayed;
}

}  // namespace salon::storage
