#include "app/hq/member_debits.h"

#include <httplib.h>

#include <algorithm>
#include <pqxx/pqxx>
#include <set>

#include "app/core/member_account.h"
#include "app/core/money.h"
#include "app/core/uuid.h"
#include "app/hq/connection_pool.h"
#include "app/hq/http_failure.h"
#include "app/hq/member_debit_sessions.h"
#include "app/hq/member_keys.h"
#include "app/hq/member_scopes.h"
#include "app/hq/member_rekey.h"
#include "app/hq/refusal.h"
#include "app/hq/store_caller.h"

namespace salon::hq {
namespace {

using nlohmann::json;

struct DebitAsk {
  std::string sale, staff;
  std::int64_t storedValue = 0, points = 0;
  std::int64_t principal = 0, bonus = 0;  // the split taken (core's splitStoredValue over what is left)
  std::vector<SessionAsk> packages, held;  // sessions asked; those head office holds (member_debit_sessions.h)
};

std::int64_t amountOf(const json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end()) return 0;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0)
    throw Refusal(400, "bad_request", std::string("\"") + key + "\" must be a whole number of fen, 0 or more");
  return it->get<std::int64_t>();
}

DebitAsk parseDebit(const std::string& text) {
  json body = json::parse(text, nullptr, false);
  if (!body.is_object()) throw Refusal(400, "bad_request", "the body is not a JSON object");
  DebitAsk a;
  a.sale = body.value("sale", json("")).is_string() ? body.value("sale", std::string()) : "";
  if (!isUuid(a.sale)) throw Refusal(400, "bad_request", "\"sale\" must be the sale's UUID");
  a.staff = body.value("staff", json("")).is_string() ? body.value("staff", std::string()).substr(0, 64) : "";
  a.storedValue = amountOf(body, "stored_value");
  a.points = amountOf(body, "points");
  a.packages = parseSessions(body);
  if (a.storedValue + a.points == 0 && a.packages.empty()) throw Refusal(400, "bad_request", "a debit of nothing");
  return a;
}

// What the member may still spend at the asking store: head office's balances of what
// it may use there (member_scopes.h) less every open debit.
json available(pqxx::work& w, const std::string& memberNo, const std::string& store, const ValueScopes& scopes,
               const std::vector<SessionAsk>& packages) {
  json left = usableHere(w, memberNo, store, scopes, true);
  left["packages"] = sessionsLeft(w, memberNo, packages);
  return left;
}

json answerOf(const std::string& memberNo, const DebitAsk& a, json left, bool replayed) {
  left["member_no"] = memberNo;
  left["sale"] = a.sale;
  left["debited"] = {{"principal", a.principal}, {"bonus", a.bonus}, {"points", a.points},
                     {"packages", sessionsJson(a.held)}};
  left["replayed"] = replayed;
  return left;
}

// The same sale asked again (a retry): answered as before, never debited twice.
// A sale whose debit the store released may be debited again.
std::optional<json> earlier(pqxx::work& w, const StoreCaller& c, const std::string& memberNo, const DebitAsk& a,
                            const ValueScopes& scopes) {
  auto d = w.exec_params("SELECT d.store, d.member_no, d.principal, d.bonus, d.points, e.how, d.id FROM member_debits d"
                         " LEFT JOIN member_debit_ends e ON e.debit = d.id WHERE d.sale = $1 ORDER BY d.id DESC LIMIT 1",
                         a.sale);
  if (d.empty() || (!d[0][5].is_null() && d[0][5].as<std::string>() == "released")) return std::nullopt;
  if (d[0][0].as<std::string>() != c.store || currentMemberKey(w, d[0][1].as<std::string>()) != memberNo ||
      d[0][2].as<std::int64_t>() + d[0][3].as<std::int64_t>() != a.storedValue || d[0][4].as<std::int64_t>() != a.points)
    throw Refusal(409, "debit_conflict", "sale " + a.sale + " was debited with other figures");
  DebitAsk same = a;
  same.principal = d[0][2].as<std::int64_t>();
  same.bonus = d[0][3].as<std::int64_t>();
  same.held = sessionsHeld(w, d[0][6].as<std::int64_t>());
  for (const auto& h : same.held)  // (a package head office did not know then was not held)
    if (std::find(a.packages.begin(), a.packages.end(), h) == a.packages.end())
      throw Refusal(409, "debit_conflict", "sale " + a.sale + " was debited with other sessions");
  return answerOf(memberNo, same, available(w, memberNo, c.store, scopes, a.packages), true);
}

// One debit of a member at a time, chain-wide: the member's row is the lock. A file key
// given a card number is asked as the number (member_rekey.h), also when the move
// committed while this waited for the lock.
std::string lockedMember(pqxx::work& w, const std::string& asked) {
  for (int look = 0; look < 2; ++look) {
    const std::string memberNo = currentMemberKey(w, asked);
    if (!w.exec_params("SELECT 1 FROM chain_members WHERE member_no = $1 FOR UPDATE", memberNo).empty()) return memberNo;
  }
  throw Refusal(404, "not_found", "no store has reported member " + asked);
}

// The split of the stored value over what is left, and the sessions held; 409
// balance_short with what is left when the member has less than the sale takes.
void takeFromLeft(const std::string& memberNo, DebitAsk& a, json left) {
  const Money p(left["stored_value"]["principal"].get<std::int64_t>()), b(left["stored_value"]["bonus"].get<std::int64_t>());
  // (a bonus below zero, e.g. a void after an open debit took some, takes from the principal left)
  const Money spendable = std::min(std::max(Money(), p) + std::max(Money(), b), std::max(Money(), p + b));
  bool sessionsShort = false;
  a.held = heldOf(a.packages, left["packages"], sessionsShort);
  if (Money(a.storedValue) > spendable || a.points > left["points"].get<std::int64_t>() || sessionsShort) {
    left["member_no"] = memberNo;
    throw Refusal(409, "balance_short", "member " + memberNo + " has less than the sale takes", left);
  }
  StoredValueSplit split = splitStoredValue(Money(a.storedValue), std::max(Money(), p), std::max(Money(), b));
  a.principal = split.principal.fen;
  a.bonus = split.bonus.fen;
}

void debit(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  DebitAsk a = parseDebit(req.body);
  pqxx::work w(db);
  const std::string memberNo = lockedMember(w, req.matches[1]);
  const ValueScopes scopes = valueScopes(w);
  if (auto again = earlier(w, c, memberNo, a, scopes)) {
    w.commit();
    return answerJson(res, 200, *again);
  }
  takeFromLeft(memberNo, a, available(w, memberNo, c.store, scopes, a.packages));
  std::vector<std::string> packages;
  for (const auto& h : a.held) packages.push_back(h.package);
  refuseOtherStoresPackages(w, c.store, scopes, packages);
  // A sale already uploaded (the kiosk retried after its upload): recorded and ended at once.
  bool uploaded = !w.exec_params("SELECT 1 FROM events WHERE id = $1::uuid", a.sale).empty();
  auto id = w.exec_params1("INSERT INTO member_debits (sale, store, member_no, staff, principal, bonus, points)"
                           " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                           a.sale, c.store, memberNo, a.staff, a.principal, a.bonus, a.points)[0].as<std::int64_t>();
  holdSessions(w, id, a.held);
  if (uploaded) w.exec_params("INSERT INTO member_debit_ends (debit, how) VALUES ($1, 'posted')", id);
  json after = available(w, memberNo, c.store, scopes, a.packages);
  w.commit();
  answerJson(res, 200, answerOf(memberNo, a, after, false));
}

// The store's sale was refused after its debit: the value is free again. Once.
void release(pqxx::connection& db, const StoreCaller& c, const httplib::Request& req, httplib::Response& res) {
  const std::string sale = req.matches[2];
  if (!isUuid(sale)) throw Refusal(404, "not_found", "no such debit");
  pqxx::work w(db);
  const std::string memberNo = currentMemberKey(w, req.matches[1]);
  auto d = w.exec_params("SELECT d.id, d.store, d.member_no, e.how FROM member_debits d LEFT JOIN member_debit_ends e"
                         " ON e.debit = d.id WHERE d.sale = $1 ORDER BY d.id DESC LIMIT 1",
                         sale);
  if (d.empty() || d[0][1].as<std::string>() != c.store || currentMemberKey(w, d[0][2].as<std::string>()) != memberNo)
    throw Refusal(404, "not_found", "no such debit");
  std::string how = d[0][3].is_null() ? "released" : d[0][3].as<std::string>();
  if (d[0][3].is_null())
    w.exec_params("INSERT INTO member_debit_ends (debit, how) VALUES ($1, 'released')", d[0][0].as<std::int64_t>());
  w.commit();
  answerJson(res, 200, {{"sale", sale}, {"status", how}});
}

bool routine(const Refusal& r) { return r.code == "balance_short" || r.status == 404; }

}  // namespace

void endPostedDebits(pqxx::dbtransaction& w, const std::vector<const OutboxEvent*>& fresh,
                     const std::vector<QuarantinedEvent>& quarantined) {
  std::set<const OutboxEvent*> skipped;
  for (const auto& q : quarantined) skipped.insert(q.event);
  json ids = json::array();
  for (const OutboxEvent* e : fresh)
    if (!saleKindOf(e->type).empty() && !skipped.count(e)) ids.push_back(e->id);
  if (ids.empty()) return;
  w.exec_params("INSERT INTO member_debit_ends (debit, how) SELECT d.id, 'posted' FROM member_debits d"
                " WHERE d.sale IN (SELECT (x #>> '{}')::uuid FROM jsonb_array_elements($1::jsonb) x)"
                " AND NOT EXISTS (SELECT 1 FROM member_debit_ends e WHERE e.debit = d.id)",
                ids.dump());
}

void mountMemberDebits(httplib::Server& server, ConnectionPool& pool) {
  server.Post(R"(/api/v1/members/([A-Za-z0-9_-]{1,32})/debits)", forStore(pool, debit, routine));
  server.Post(R"(/api/v1/members/([A-Za-z0-9_-]{1,32})/debits/([0-9a-fA-F-]{36})/release)",
              forStore(pool, release, routine));
}

}  // namespace salon::hq
