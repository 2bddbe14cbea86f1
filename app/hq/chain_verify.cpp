#include "app/hq/chain_verify.h"

#include <map>
#include <pqxx/pqxx>
#include <stdexcept>

namespace salon::hq {

HeadCheck verifyHeads(pqxx::connection& db, const std::string& store) {
  pqxx::read_transaction r(db);
  if (r.exec_params("SELECT 1 FROM stores WHERE code = $1", store).empty())
    throw std::runtime_error("no store " + store);
  auto rows = r.exec_params("SELECT seq, hash, received_at::text FROM chain_heads WHERE store = $1 ORDER BY id", store);
  HeadCheck c;
  c.store = store;
  std::map<long long, std::string> hashAt;
  long long newest = 0;
  for (const auto& row : rows) {
    long long seq = row[0].as<long long>();
    std::string hash = row[1].as<std::string>(), when = row[2].as<std::string>();
    ++c.heads;
    auto seen = hashAt.find(seq);
    if (seen != hashAt.end() && seen->second != hash)
      c.problems.push_back("store " + store + ": audit head " + std::to_string(seq) + " has two hashes (" +
                           seen->second + " then " + hash + ", received " + when + "): the chain was rewritten");
    if (seq < newest)
      c.problems.push_back("store " + store + ": audit head " + std::to_string(seq) + " received " + when +
                           " is older than head " + std::to_string(newest) + " kept before: the chain went back");
    hashAt.emplace(seq, hash);
    if (seq > newest) newest = seq;
  }
  return c;
}

}  // namespace salon::hq
