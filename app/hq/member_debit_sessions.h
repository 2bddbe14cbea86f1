#pragma once
// Package sessions in a head-office debit (issue 18, PROTOCOL.md "Head-office debits"):
// the body's "packages": [{"package": "<sale id>/<line>", "sessions": n}] holds n
// sessions of each of the member's packages head office knows (member_debit_sessions,
// migration 012) while the debit is open. Sessions left = member_packages.sessions_left
// less the open debits' sessions. A package head office has not heard of yet (sold at
// the asking store, not uploaded) is not held: no other store can spend it.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/transaction_base>

namespace salon::hq {

struct SessionAsk {
  std::string package;
  int sessions = 0;
  bool operator==(const SessionAsk& o) const { return package == o.package && sessions == o.sessions; }
};

// The body's "packages" (absent: none), sorted by package; Refusal 400 when malformed.
std::vector<SessionAsk> parseSessions(const nlohmann::json& body);

// [{"package", "sessions_left"}] of the asked packages the member has at head office,
// less the open debits' sessions (those of `exceptStore` not counted when not empty).
nlohmann::json sessionsLeft(pqxx::transaction_base& t, const std::string& memberNo,
                            const std::vector<SessionAsk>& asked, const std::string& exceptStore = "");

// The asked packages head office holds (in `left`); true when one has fewer sessions left.
std::vector<SessionAsk> heldOf(const std::vector<SessionAsk>& asked, const nlohmann::json& left, bool& isShort);

void holdSessions(pqxx::transaction_base& t, std::int64_t debit, const std::vector<SessionAsk>& held);
std::vector<SessionAsk> sessionsHeld(pqxx::transaction_base& t, std::int64_t debit);
nlohmann::json sessionsJson(const std::vector<SessionAsk>& held);

// SQL: the sessions open debits hold of package `pkg` (a column): other stores' only, when
// the parameter `store` (e.g. "$2") is not ''.
std::string openSessionsSql(const std::string& pkg, const std::string& store);

}  // namespace salon::hq
