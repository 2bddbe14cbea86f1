#pragma once
// The owner's dashboard's people (issue 18): logins with a role — owner, finance,
// area_manager (who sees only their stores) — and sessions by cookie.
// Passwords are kept as PBKDF2-HMAC-SHA256 (OpenSSL, 100,000 rounds, 16-byte salt):
// "pbkdf2-sha256$100000$<salt b64url>$<hash b64url>"; never plain. Five wrong
// passwords in a row lock the login for 15 minutes. A session is 32 random bytes in
// an HttpOnly, Secure, SameSite=Strict cookie; HQ keeps its sha256 and an expiry (12 h).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <pqxx/connection>

namespace salon::hq {

struct DashboardUser {
  std::string login, name, role;  // role: owner | finance | area_manager
  std::vector<std::string> stores;  // an area manager's stores
  bool seesEveryStore() const { return role != "area_manager"; }
  bool maySign() const { return role == "owner" || role == "finance"; }
  // The stores this user may see, or null for every store.
  std::optional<std::set<std::string>> visibleStores() const;
};

std::string hashPassword(const std::string& password);
bool checkPassword(const std::string& password, const std::string& stored);

// Adds a login (Refusal-free: throws runtime_error on a bad role, a short password,
// an area manager without stores or a login taken).
void addDashboardUser(pqxx::connection& db, const DashboardUser& u, const std::string& password);
void setDashboardPassword(pqxx::connection& db, const std::string& login, const std::string& password);
void disableDashboardUser(pqxx::connection& db, const std::string& login);
std::optional<DashboardUser> dashboardUser(pqxx::connection& db, const std::string& login);  // enabled ones
std::vector<DashboardUser> dashboardUsers(pqxx::connection& db);

struct LogIn {
  enum Outcome { Ok, Wrong, Locked } outcome = Wrong;
  std::string token;  // the cookie's value when Ok
  DashboardUser user;
};
LogIn logIn(pqxx::connection& db, const std::string& login, const std::string& password);
std::optional<DashboardUser> sessionUser(pqxx::connection& db, const std::string& token);
void logOut(pqxx::connection& db, const std::string& token);

}  // namespace salon::hq
