#pragma once
// What a store may ask head office about a member of the chain (issue 18,
// PROTOCOL.md "Members across the chain"), authenticated by the store's token
// like every /api/v1 endpoint:
//   GET /api/v1/members/<member no>/balance?staff=CODE&purpose=TEXT
// answers the figures `salon-kiosk member show` prints, with "source": "hq"; each
// answer is recorded in member_views (who, from which store, why).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/transaction_base>

namespace httplib {
class Server;
}

namespace salon {
class Clock;
}

namespace salon::hq {

class ConnectionPool;

// The member's figures as head office holds them, less the value other stores'
// open debits hold (`askingStore` "": every store's); nullopt for a member no
// store has reported.
std::optional<nlohmann::json> chainMemberBalance(pqxx::transaction_base& r, const std::string& memberNo, std::int64_t nowMs,
                                                 const std::string& askingStore = "");

void mountMemberApi(httplib::Server& server, ConnectionPool& pool, const Clock& clock);

}  // namespace salon::hq
