#include "app/hq/member_cards.h"

#include <pqxx/pqxx>

namespace salon::hq {
namespace {

using nlohmann::json;

bool hexKey(const json& k) {
  if (!k.is_string() || k.get<std::string>().size() != 64) return false;
  return k.get<std::string>().find_first_not_of("0123456789abcdef") == std::string::npos;
}

void keys(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  const json& list = e.payload.value("keys", json());
  if (!list.is_array() || list.empty() || list.size() > 32) throw std::invalid_argument("card.keys: \"keys\" is not a list");
  for (const auto& k : list)
    if (!hexKey(k)) throw std::invalid_argument("card.keys: a key is not 64 lower-case hex digits");
  w.exec_params("INSERT INTO store_card_keys (store, keys) VALUES ($1, $2::jsonb) ON CONFLICT (store) DO UPDATE"
                " SET keys = excluded.keys, at = now()",
                store, list.dump());
  w.exec_params("INSERT INTO chain_changes (kind, key, store, body) VALUES ('card.keys', $1, NULL,"
                " jsonb_build_object('store', $1::text, 'keys', $2::jsonb))",
                store, list.dump());
}

void card(pqxx::dbtransaction& w, const std::string& store, const OutboxEvent& e) {
  const json& no = e.payload.value("member_no", json());
  const json& version = e.payload.value("version", json());
  if (!no.is_string() || no.get<std::string>().empty() || !version.is_number_integer() || version.get<int>() < 1)
    throw std::invalid_argument(e.type + ": no \"member_no\" or \"version\"");
  auto raised = w.exec_params(
      "INSERT INTO chain_member_cards (member_no, version, store) VALUES ($1, $2, $3) ON CONFLICT (member_no) DO UPDATE"
      " SET version = excluded.version, store = excluded.store, at = now()"
      " WHERE chain_member_cards.version < excluded.version RETURNING version",
      no.get<std::string>(), version.get<int>(), store);
  if (raised.empty() || version.get<int>() < 2) return;  // a first card revokes nothing
  w.exec_params("INSERT INTO chain_changes (kind, key, store, body) VALUES ('member.card', $1, NULL,"
                " jsonb_build_object('member_no', $1::text, 'version', $2::int, 'store', $3::text))",
                no.get<std::string>(), version.get<int>(), store);
}

}  // namespace

std::vector<QuarantinedEvent> projectCardEvents(pqxx::dbtransaction& w, const std::string& store,
                                                const std::vector<const OutboxEvent*>& fresh) {
  std::vector<QuarantinedEvent> out;
  for (const OutboxEvent* e : fresh) {
    if (!e->payload.is_object()) continue;
    const bool isCard = e->type.rfind("member_card.", 0) == 0;
    if (e->type != "card.keys" && !isCard) continue;
    try {
      if (isCard) card(w, store, *e);  // each checks the payload before it writes
      else keys(w, store, *e);
    } catch (const std::invalid_argument& why) {
      out.push_back({e, why.what()});
    }
  }
  return out;
}

}  // namespace salon::hq
