#include "app/hq/member_rekey.h"

#include <map>
#include <pqxx/pqxx>
#include <set>

#include "app/hq/member_keys.h"

namespace salon::hq {
namespace {

using nlohmann::json;

struct Named {
  std::string number, event;  // the card number, the first event of the batch that named it
};

std::string textOf(const json& who, const char* key) {
  auto it = who.find(key);
  return it != who.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// {"member_no", "file_no"} with both: the file's key and its number.
void collect(std::map<std::string, Named>& named, std::set<std::string>& cardless, const std::string& store,
             const json& who, const std::string& event) {
  if (!who.is_object()) return;
  const std::string number = textOf(who, "member_no"), file = textOf(who, "file_no");
  if (file.empty()) return;
  const std::string key = memberKey(store, "", file);
  if (number.empty()) cardless.insert(key);
  else if (key != number) named.emplace(key, Named{number, event});
}

void moveBalances(pqxx::dbtransaction& w, const std::string& fileKey, const std::string& number) {
  w.exec_params("INSERT INTO chain_members (member_no, home_store, last_at) SELECT $2, home_store, last_at"
                " FROM chain_members WHERE member_no = $1 ON CONFLICT (member_no) DO UPDATE"
                " SET last_at = greatest(chain_members.last_at, excluded.last_at)",
                fileKey, number);
  w.exec_params("DELETE FROM chain_members WHERE member_no = $1", fileKey);
  w.exec_params("INSERT INTO member_value (member_no, sold_by, principal, bonus, points, arrears, first_at)"
                " SELECT $2, sold_by, principal, bonus, points, arrears, first_at FROM member_value WHERE member_no = $1"
                " ORDER BY sold_by ON CONFLICT (member_no, sold_by) DO UPDATE SET"
                " principal = member_value.principal + excluded.principal, bonus = member_value.bonus + excluded.bonus,"
                " points = member_value.points + excluded.points, arrears = member_value.arrears + excluded.arrears,"
                " first_at = least(member_value.first_at, excluded.first_at)",
                fileKey, number);
  w.exec_params("DELETE FROM member_value WHERE member_no = $1", fileKey);
  w.exec_params("UPDATE member_packages SET member_no = $2 WHERE member_no = $1", fileKey, number);
  // The phone's keyed hash: the number's own report (member.phone_key) wins when it came.
  w.exec_params("UPDATE member_phones SET member_no = $2, numbered = true WHERE member_no = $1"
                " AND NOT EXISTS (SELECT 1 FROM member_phones n WHERE n.member_no = $2)",
                fileKey, number);
  w.exec_params("DELETE FROM member_phones WHERE member_no = $1", fileKey);
}

void rekeyOne(pqxx::dbtransaction& w, const std::string& store, const std::string& fileKey, const Named& n) {
  // The lock a debit and an overdraw take, both rows, in key order.
  w.exec_params("SELECT 1 FROM chain_members WHERE member_no IN ($1, $2) ORDER BY member_no FOR UPDATE", fileKey,
                n.number);
  w.exec_params("INSERT INTO member_aliases (file_key, member_no, store, event_id) VALUES ($1, $2, $3, $4::uuid)"
                " ON CONFLICT (file_key) DO NOTHING",
                fileKey, n.number, store, n.event);
  moveBalances(w, fileKey, n.number);
}

}  // namespace

void rekeyNamedMembers(pqxx::dbtransaction& w, const std::string& store, const std::vector<const OutboxEvent*>& fresh) {
  std::map<std::string, Named> named;
  std::set<std::string> cardless;  // file keys this batch's card-less events name
  for (const OutboxEvent* e : fresh) {
    if (!e->payload.is_object()) continue;
    collect(named, cardless, store, e->payload.value("customer", json()), e->id);
    if (e->type == "member.phone_key") collect(named, cardless, store, e->payload, e->id);
  }
  if (named.empty()) return;
  json keys = json::array();
  for (const auto& [key, n] : named) keys.push_back(key);
  // Only file keys head office holds something under, or this batch's earlier events name.
  std::set<std::string> due;
  for (const auto& row : w.exec_params(
           "SELECT k.key FROM jsonb_array_elements_text($1::jsonb) AS k(key) WHERE NOT EXISTS (SELECT 1 FROM"
           " member_aliases a WHERE a.file_key = k.key) AND (EXISTS (SELECT 1 FROM chain_members c WHERE"
           " c.member_no = k.key) OR EXISTS (SELECT 1 FROM member_phones p WHERE p.member_no = k.key))",
           keys.dump()))
    due.insert(row[0].as<std::string>());
  for (const auto& key : cardless)
    if (named.count(key)) due.insert(key);
  for (const auto& key : due) rekeyOne(w, store, key, named.at(key));
}

std::string currentMemberKey(pqxx::transaction_base& t, const std::string& key) {
  auto r = t.exec_params("SELECT member_no FROM member_aliases WHERE file_key = $1", key);
  return r.empty() ? key : r[0][0].as<std::string>();
}

}  // namespace salon::hq
