#include "app/hq/member_scopes.h"

#include <pqxx/pqxx>

#include "app/hq/member_keys.h"
#include "app/hq/refusal.h"

namespace salon::hq {

using nlohmann::json;

ValueScopes valueScopes(pqxx::transaction_base& t) {
  ValueScopes s;
  for (const auto& r : t.exec("SELECT key, value FROM chain_settings WHERE key LIKE 'chain.scope.%'")) {
    const std::string key = r[0].as<std::string>(), value = r[1].as<std::string>();
    if (value != "chain" && value != "selling_store") continue;  // unreadable: the default
    const bool chain = value == "chain";
    if (key == "chain.scope.principal") s.principal = chain;
    else if (key == "chain.scope.bonus") s.bonus = chain;
    else if (key == "chain.scope.packages") s.packages = chain;
    else if (key == "chain.scope.points") s.points = chain;
  }
  return s;
}

nlohmann::json scopesJson(const ValueScopes& s) {
  auto word = [](bool chain) { return chain ? "chain" : "selling_store"; };
  return {{"principal", word(s.principal)}, {"bonus", word(s.bonus)}, {"packages", word(s.packages)},
          {"points", word(s.points)}};
}

json usableHere(pqxx::transaction_base& t, const std::string& memberNo, const std::string& store, const ValueScopes& s,
                bool ownDebits) {
  auto sum = [](const char* column, bool chain, const char* soldBy) {
    return std::string("COALESCE(sum(") + column + ") FILTER (WHERE " + usableSql(chain, soldBy, "$2") + "), 0)::bigint";
  };
  auto v = t.exec_params("SELECT v.p - h.p, v.b - h.b, v.pt - h.pt FROM (SELECT " + sum("principal", s.principal, "sold_by") +
                             " p, " + sum("bonus", s.bonus, "sold_by") + " b, " + sum("points", s.points, "sold_by") +
                             " pt FROM member_value WHERE member_no = $1) v, (SELECT " +
                             sum("principal", s.principal, "d.store") + " p, " + sum("bonus", s.bonus, "d.store") +
                             " b, " + sum("points", s.points, "d.store") + " pt FROM open_member_debits d"
                             " WHERE d.member_no = ANY " + memberKeysSql("$1") + " AND ($3 OR d.store <> $2)) h",
                         memberNo, store, ownDebits);
  return {{"stored_value", {{"principal", v[0][0].as<std::int64_t>()}, {"bonus", v[0][1].as<std::int64_t>()}}},
          {"points", v[0][2].as<std::int64_t>()}};
}

void refuseOtherStoresPackages(pqxx::transaction_base& t, const std::string& store, const ValueScopes& s,
                               const std::vector<std::string>& packages) {
  if (s.packages || packages.empty()) return;
  auto r = t.exec_params("SELECT package, sold_by FROM member_packages WHERE package IN"
                         " (SELECT jsonb_array_elements_text($1::jsonb)) AND sold_by <> $2 ORDER BY package LIMIT 1",
                         json(packages).dump(), store);
  if (!r.empty())
    throw Refusal(409, "not_usable_here",
                  "package " + r[0][0].as<std::string>() + " was sold by " + r[0][1].as<std::string>() +
                      " and packages are usable only in the store that sold them",
                  {{"kind", "packages"}, {"package", r[0][0].as<std::string>()}, {"sold_by", r[0][1].as<std::string>()}});
}

}  // namespace salon::hq
