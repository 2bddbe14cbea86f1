#pragma once
// Where each kind of a member's value may be spent (issue 18, "settings per kind of
// value"): chain settings chain.scope.principal / .bonus / .packages / .points =
// "chain" (any store) or "selling_store" (only the store that sold it). Defaults:
// principal chain, bonus selling_store (有赞美业: 本金 everywhere, 赠金 only where it was
// sold), packages selling_store (银豹: a branch's 次卡 in that branch), points chain.
// A head-office debit takes only what the asking store may use (balance_short with
// that, or not_usable_here for a package sold elsewhere); the balance answer says per
// kind what is usable where; the projection spends a selling_store kind from the
// using store's own value first.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/transaction_base>

namespace salon::hq {

struct ValueScopes {
  bool principal = true, bonus = false, packages = false, points = true;  // true: chain-wide
};

ValueScopes valueScopes(pqxx::transaction_base& t);

// {"principal": "chain"|"selling_store", "bonus", "packages", "points"}
nlohmann::json scopesJson(const ValueScopes& s);

// SQL true when a row sold by `soldBy` (a column) may be used at `store` (a parameter).
inline std::string usableSql(bool chainWide, const std::string& soldBy, const std::string& store) {
  return chainWide ? std::string("true") : "(" + soldBy + " = " + store + ")";
}

}  // namespace salon::hq

namespace salon::hq {

// What `store` may spend of the member's stored value and points under `s`, less the
// open debits (the store's own too when `ownDebits`): {"stored_value": {"principal",
// "bonus"}, "points"}. Under selling_store a store's debits took from its own value only.
nlohmann::json usableHere(pqxx::transaction_base& t, const std::string& memberNo, const std::string& store,
                          const ValueScopes& s, bool ownDebits);

// 409 not_usable_here when packages are selling_store and one of `packages` was sold by
// another store than `store`.
void refuseOtherStoresPackages(pqxx::transaction_base& t, const std::string& store, const ValueScopes& s,
                               const std::vector<std::string>& packages);

}  // namespace salon::hq
