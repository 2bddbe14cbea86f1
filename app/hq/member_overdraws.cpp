#include "app/hq/member_overdraws.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <pqxx/pqxx>

#include "app/hq/member_keys.h"

namespace salon::hq {
namespace {

using nlohmann::json;

// What one member's fresh events of this batch took: the last event that took, and how much.
struct Taken {
  std::string event;
  std::int64_t storedValue = 0, points = 0;
};

std::int64_t numberOr0(const json& m, const char* key) {
  auto it = m.find(key);
  return it != m.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

void addTaken(std::map<std::string, Taken>& out, const OutboxEvent& e) {
  const json& customer = e.payload.value("customer", json());
  if (!customer.is_object() || !customer.value("member_no", json()).is_string()) return;
  const std::string member = customer["member_no"];
  const json& moves = e.payload.value("movements", json::array());
  if (member.empty() || !moves.is_array()) return;
  std::int64_t sv = 0, pts = 0;
  for (const auto& mv : moves) {
    if (!mv.is_object() || mv.value("reason", json()) == "chain_in") continue;
    if (mv.value("kind", json()) == "stored_value") sv -= numberOr0(mv, "principal") + numberOr0(mv, "bonus");
    if (mv.value("kind", json()) == "points") pts -= numberOr0(mv, "points");
  }
  if (sv <= 0 && pts <= 0) return;
  Taken& t = out[member];
  t.event = e.id;
  t.storedValue += std::max<std::int64_t>(sv, 0);
  t.points += std::max<std::int64_t>(pts, 0);
}

void post(pqxx::dbtransaction& w, const std::string& store, const std::string& member, const Taken& t,
          std::int64_t sv, std::int64_t pts) {
  w.exec_params(
      "INSERT INTO member_movements (event_id, member_no, kind, reason, principal, points, arrears, sold_by, used_at, at)"
      " SELECT $1::uuid, $2, k.kind, 'overdraw', k.p, k.pt, k.a, $3, $3, (extract(epoch FROM now()) * 1000)::bigint"
      " FROM (VALUES ('stored_value', $4::bigint, 0::bigint, 0::bigint), ('points', 0, $5, 0),"
      " ('arrears', 0, 0, $4)) AS k(kind, p, pt, a) WHERE k.p <> 0 OR k.pt <> 0 OR k.a <> 0",
      t.event, member, store, sv, pts);
  w.exec_params("INSERT INTO member_value (member_no, sold_by, principal, points, arrears, first_at)"
                " VALUES ($1, $2, $3, $4, $3, (extract(epoch FROM now()) * 1000)::bigint)"
                " ON CONFLICT (member_no, sold_by) DO UPDATE SET principal = member_value.principal + excluded.principal,"
                " points = member_value.points + excluded.points, arrears = member_value.arrears + excluded.arrears",
                member, store, sv, pts);
  w.exec_params("INSERT INTO member_overdraws (event_id, store, member_no, stored_value, points)"
                " VALUES ($1, $2, $3, $4, $5)",
                t.event, store, member, sv, pts);
  w.exec_params("INSERT INTO chain_changes (kind, key, store, body) VALUES ('member.overdraw', $1, $2,"
                " jsonb_build_object('sale', $1::text, 'member_no', $3::text, 'arrears', $4::bigint, 'points', $5::bigint))",
                t.event, store, member, sv, pts);
  std::cerr << "salon-hq: overdraw: store " << store << " sale " << t.event << " took member " << member << " "
            << sv << " fen and " << pts << " points beyond the balance: now arrears\n";
}

}  // namespace

void postOverdraws(pqxx::dbtransaction& w, const std::string& store, const std::vector<const OutboxEvent*>& fresh) {
  std::map<std::string, Taken> taken;
  for (const OutboxEvent* e : fresh)
    if (!saleKindOf(e->type).empty() && e->payload.is_object()) addTaken(taken, *e);
  for (const auto& [member, t] : taken) {
    // Serialised with the member's debits (member_debits.cpp takes the same lock).
    w.exec_params("SELECT 1 FROM chain_members WHERE member_no = $1 FOR UPDATE", member);
    auto v = w.exec_params(
        "SELECT v.sv - h.sv, v.pt - h.pt FROM"
        " (SELECT COALESCE(sum(principal + bonus), 0)::bigint sv, COALESCE(sum(points), 0)::bigint pt"
        "  FROM member_value WHERE member_no = $1) v,"
        " (SELECT COALESCE(sum(principal + bonus), 0)::bigint sv, COALESCE(sum(points), 0)::bigint pt"
        "  FROM open_member_debits WHERE member_no = ANY " + memberKeysSql("$1") + ") h",
        member);
    // Beyond the balance (less what other sales hold), at most what this batch took.
    const std::int64_t sv = std::min(t.storedValue, std::max<std::int64_t>(0, -v[0][0].as<std::int64_t>()));
    const std::int64_t pts = std::min(t.points, std::max<std::int64_t>(0, -v[0][1].as<std::int64_t>()));
    if (sv > 0 || pts > 0) post(w, store, member, t, sv, pts);
  }
}

}  // namespace salon::hq
