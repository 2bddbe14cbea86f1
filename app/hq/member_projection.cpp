#include "app/hq/member_projection.h"

#include <algorithm>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <stdexcept>

#include "app/core/uuid.h"
#include "app/hq/member_keys.h"
#include "app/hq/member_rekey.h"
#include "app/hq/member_scopes.h"

namespace salon::hq {
namespace {

using nlohmann::json;

struct BadMovement : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::int64_t number(const json& m, const char* key) {
  auto it = m.find(key);
  if (it == m.end() || it->is_null()) return 0;
  if (!it->is_number_integer()) throw BadMovement(std::string("movement \"") + key + "\" is not an integer");
  return it->get<std::int64_t>();
}

std::string word(const json& m, const char* key) {
  auto it = m.find(key);
  if (it == m.end() || it->is_null()) return "";
  if (!it->is_string()) throw BadMovement(std::string("movement \"") + key + "\" is not a string");
  return it->get<std::string>();
}

// What a batch writes at its end in one statement each: the movement rows and
// the members seen (with their latest kiosk time).
struct Pending {
  json rows = json::array();
  std::map<std::string, std::int64_t> members;
  ValueScopes scopes;  // where each kind may be spent (chain settings, read once a batch)
};

// One event's context: who moved what where.
struct Mover {
  pqxx::dbtransaction& w;
  const std::string& store;
  const OutboxEvent& e;
  Pending& pending;
  std::string member, reverses;
};

void flushRows(pqxx::dbtransaction& w, const std::string& store, Pending& p) {
  if (p.rows.empty()) return;
  w.exec_params(
      "INSERT INTO member_movements (event_id, member_no, kind, reason, principal, bonus, points, package, sessions,"
      " arrears, sold_by, used_at, at) SELECT r.event_id, r.member_no, r.kind, r.reason, r.principal, r.bonus,"
      " r.points, NULLIF(r.package, ''), r.sessions, r.arrears, r.sold_by, $2, r.at FROM jsonb_to_recordset($1::jsonb)"
      " AS r(event_id uuid, member_no text, kind text, reason text, principal bigint, bonus bigint, points bigint,"
      " package text, sessions integer, arrears bigint, sold_by text, at bigint, ord integer) ORDER BY r.ord",
      p.rows.dump(), store);
  p.rows = json::array();
}

void flushMembers(pqxx::dbtransaction& w, const std::string& store, Pending& p) {
  if (p.members.empty()) return;
  json members = json::array();
  for (const auto& [no, at] : p.members) members.push_back({{"member_no", no}, {"at", at}});
  w.exec_params("INSERT INTO chain_members (member_no, home_store, last_at) SELECT m.member_no, $2, m.at"
                " FROM jsonb_to_recordset($1::jsonb) AS m(member_no text, at bigint) ORDER BY m.member_no"
                " ON CONFLICT (member_no) DO UPDATE SET last_at = greatest(chain_members.last_at, excluded.last_at)",
                members.dump(), store);
  p.members.clear();
}

void seen(Pending& p, const std::string& member, std::int64_t at) {
  auto [it, added] = p.members.emplace(member, at);
  if (!added) it->second = std::max(it->second, at);
}

struct Share {
  std::string soldBy;
  std::int64_t amount = 0;
};

// Takes `want` (same sign as the shares) from `from`, in order; what is left over
// stays in `want`.
void takeFrom(const pqxx::result& from, std::int64_t& want, std::vector<Share>& out) {
  for (const auto& row : from) {
    if (want == 0) break;
    std::int64_t there = row[1].as<std::int64_t>();
    std::int64_t take = want > 0 ? std::min(want, there) : std::max(want, -there);
    if (take != 0) out.push_back({row[0].as<std::string>(), take});
    want -= take;
  }
}

// Which selling stores a movement of `delta` on `column` touches (see the header).
std::vector<Share> allocate(Mover& m, const char* kind, const std::string& column, std::int64_t delta) {
  std::vector<Share> out;
  if (delta == 0) return out;
  std::int64_t want = delta;
  if (!m.reverses.empty()) flushRows(m.w, m.store, m.pending);  // the original may be in this batch
  if (!m.reverses.empty())  // back to (or from) the stores the original sale moved, opposite sign
    takeFrom(m.w.exec_params("SELECT sold_by, abs(sum(" + column + ")) FROM member_movements WHERE event_id = $1::uuid"
                             " AND member_no = ANY " + memberKeysSql("$2") + " AND kind = $3 AND sign(" + column + ") = $4 GROUP BY sold_by"
                             " ORDER BY min(id)",
                             m.reverses, m.member, kind, delta > 0 ? -1 : 1),
             want, out);
  // A spend: the oldest selling store first; of a kind usable only where it was sold
  // (member_scopes.h), the using store's own first.
  const ValueScopes& s = m.pending.scopes;
  const bool ownFirst = column == "principal" ? !s.principal : column == "bonus" ? !s.bonus : column == "points" && !s.points;
  if (want < 0)
    takeFrom(m.w.exec_params("SELECT sold_by, " + column + " FROM member_value WHERE member_no = $1 AND " + column +
                             " > 0 ORDER BY (sold_by = $2 AND $3) DESC, first_at, sold_by FOR UPDATE",
                             m.member, m.store, ownFirst),
             want, out);
  if (want != 0) out.push_back({m.store, want});
  return out;
}

void keepValue(Mover& m, const std::string& soldBy, std::int64_t principal, std::int64_t bonus, std::int64_t points,
               std::int64_t arrears) {
  m.w.exec_params(
      "INSERT INTO member_value (member_no, sold_by, principal, bonus, points, arrears, first_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (member_no, sold_by) DO UPDATE SET"
      " principal = member_value.principal + excluded.principal, bonus = member_value.bonus + excluded.bonus,"
      " points = member_value.points + excluded.points, arrears = member_value.arrears + excluded.arrears",
      m.member, soldBy, principal, bonus, points, arrears, m.e.at);
}

void record(Mover& m, const char* kind, const std::string& reason, const std::string& soldBy, std::int64_t principal,
            std::int64_t bonus, std::int64_t points, std::int64_t arrears, const std::string& package = "",
            int sessions = 0) {
  m.pending.rows.push_back({{"ord", m.pending.rows.size()}, {"event_id", m.e.id}, {"member_no", m.member},
                            {"kind", kind}, {"reason", reason}, {"principal", principal}, {"bonus", bonus},
                            {"points", points}, {"package", package}, {"sessions", sessions}, {"arrears", arrears},
                            {"sold_by", soldBy}, {"at", m.e.at}});
}

void storedValue(Mover& m, const json& mv) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> bySeller;  // principal, bonus
  for (const auto& s : allocate(m, "stored_value", "principal", number(mv, "principal"))) bySeller[s.soldBy].first += s.amount;
  for (const auto& s : allocate(m, "stored_value", "bonus", number(mv, "bonus"))) bySeller[s.soldBy].second += s.amount;
  for (const auto& [seller, pb] : bySeller) {
    keepValue(m, seller, pb.first, pb.second, 0, 0);
    record(m, "stored_value", word(mv, "reason"), seller, pb.first, pb.second, 0, 0);
  }
}

void pointsOrArrears(Mover& m, const json& mv, bool points) {
  const char* kind = points ? "points" : "arrears";
  for (const auto& s : allocate(m, kind, kind, number(mv, kind))) {
    keepValue(m, s.soldBy, 0, 0, points ? s.amount : 0, points ? 0 : s.amount);
    record(m, kind, word(mv, "reason"), s.soldBy, 0, 0, points ? s.amount : 0, points ? 0 : s.amount);
  }
}

// A package belongs to the store that sold it; its sessions move wherever they are used.
void package(Mover& m, const json& mv) {
  std::string id = word(mv, "package");
  if (id.empty()) throw BadMovement("package movement without \"package\"");
  int sessions = static_cast<int>(number(mv, "sessions"));
  auto r = m.w.exec_params(
      "INSERT INTO member_packages (package, member_no, service, sold_by, sessions_left, expires)"
      " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (package) DO UPDATE SET"
      " sessions_left = member_packages.sessions_left + excluded.sessions_left,"
      " service = CASE WHEN excluded.service = '' THEN member_packages.service ELSE excluded.service END,"
      " expires = CASE WHEN excluded.expires = '' THEN member_packages.expires ELSE excluded.expires END"
      " RETURNING sold_by",
      id, m.member, word(mv, "service"), m.store, sessions, word(mv, "expires"));
  record(m, "package", word(mv, "reason"), r[0][0].as<std::string>(), 0, 0, 0, 0, id, sessions);
}

// Reads every movement before anything is written, so a bad one leaves no row of its event.
void checkMovements(const json& moves) {
  for (const auto& mv : moves) {
    if (!mv.is_object()) throw BadMovement("a movement is not an object");
    std::string kind = word(mv, "kind");
    word(mv, "reason");
    if (kind == "stored_value") number(mv, "principal"), number(mv, "bonus");
    else if (kind == "points" || kind == "arrears") number(mv, kind.c_str());
    else if (kind == "package") {
      if (word(mv, "package").empty()) throw BadMovement("package movement without \"package\"");
      number(mv, "sessions"), word(mv, "service"), word(mv, "expires");
    } else {
      throw BadMovement("unknown movement kind \"" + kind + "\"");
    }
  }
}

void projectSale(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e, Pending& pending) {
  const json& customer = e.payload.value("customer", json());
  if (!customer.is_object() || !customer.contains("member_no") || !customer["member_no"].is_string()) return;
  Mover m{w, store, e, pending, memberKeyOf(store, customer), ""};  // a membership without a number: its file
  const json& moves = e.payload.value("movements", json::array());
  if (m.member.empty() || !moves.is_array() || moves.empty()) return;
  if (customer["member_no"].get<std::string>().empty()) m.member = currentMemberKey(w, m.member);  // numbered since
  if (e.payload.contains("reverses") && e.payload["reverses"].is_string() && isUuid(e.payload["reverses"]))
    m.reverses = e.payload["reverses"];
  checkMovements(moves);
  seen(pending, m.member, e.at);
  for (const auto& mv : moves) {
    std::string kind = word(mv, "kind");
    // The counter's own cover for chain value it spent (PROTOCOL.md): not the member's money moving.
    if (word(mv, "reason") == "chain_in") continue;
    if (kind == "stored_value") storedValue(m, mv);
    else if (kind == "package") package(m, mv);
    else pointsOrArrears(m, mv, kind == "points");
  }
}

void registerMember(const OutboxEvent& e, Pending& pending) {
  std::string member = e.payload.value("member_no", json()).is_string() ? e.payload["member_no"].get<std::string>() : "";
  if (!member.empty()) seen(pending, member, e.at);
}

}  // namespace

std::vector<QuarantinedEvent> projectMemberEvents(pqxx::dbtransaction& w, const std::string& store,
                                                  const std::vector<const OutboxEvent*>& fresh,
                                                  const std::vector<QuarantinedEvent>& skip) {
  std::set<const OutboxEvent*> skipped;
  for (const auto& q : skip) skipped.insert(q.event);
  std::vector<QuarantinedEvent> quarantined;
  Pending pending;
  pending.scopes = valueScopes(w);
  rekeyNamedMembers(w, store, fresh);  // a membership given a card number: its figures move to it first
  for (const OutboxEvent* e : fresh) {
    if (skipped.count(e) || !e->payload.is_object()) continue;
    try {
      if (!saleKindOf(e->type).empty() || e->type == "points.expired" || e->type == "member.opening") projectSale(w, store, *e, pending);
      else if (e->type == "customer.registered") registerMember(*e, pending);
    } catch (const BadMovement& why) {
      quarantined.push_back({e, why.what()});
    } catch (const json::exception& why) {
      quarantined.push_back({e, why.what()});
    }
  }
  flushRows(w, store, pending);
  flushMembers(w, store, pending);
  return quarantined;
}

}  // namespace salon::hq
