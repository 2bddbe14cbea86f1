#pragma once
// `salon-hq verify --store S01`: the audit-chain heads a store uploaded tell a
// consistent story. In the order HQ received them: the seq never goes back (a
// head older than one already kept means the kiosk's chain was cut or restored),
// and one seq never has two hashes (the chain was recomputed on the kiosk).
#include <string>
#include <vector>

#include <pqxx/connection>

namespace salon::hq {

struct HeadCheck {
  std::string store;
  long long heads = 0;
  std::vector<std::string> problems;  // one clear line each
  bool ok() const { return problems.empty(); }
};

// Throws when the store is unknown.
HeadCheck verifyHeads(pqxx::connection& db, const std::string& store);

}  // namespace salon::hq
