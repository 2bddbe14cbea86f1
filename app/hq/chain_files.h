#pragma once
// Customer files across the chain (issue 18, PROTOCOL.md "Customer files across the
// chain"). Head office holds each file sealed under the chain's data key, which it does
// not have: it can neither read a name nor a phone, only hand the sealed file to a
// store of the chain that asks with a blind key.
//  - Up, `customer.file` {"file_no", "keys": [64 hex, …], "sealed"}: projected in the
//    batch's transaction into chain_files (the newest version), chain_file_keys and
//    chain_file_holders; the new version goes down as the change `customer.file`
//    {"file_no", "store", "sealed"} to every other store holding a copy.
//  - GET /api/v1/files?key=<64 hex>&staff=CODE&purpose=TEXT answers {"files":
//    [{"file_no", "store", "sealed"}]} (404 not_found when none), makes the asking
//    store a holder and records the view in chain_file_views.
#include <string>
#include <vector>

#include <pqxx/transaction_base>

#include "app/hq/sale_projection.h"

namespace httplib {
class Server;
}

namespace salon::hq {

class ConnectionPool;

std::vector<QuarantinedEvent> projectChainFileEvents(pqxx::dbtransaction& w, const std::string& store,
                                                     const std::vector<const OutboxEvent*>& fresh);

void mountChainFileApi(httplib::Server& server, ConnectionPool& pool);

}  // namespace salon::hq
