#include "app/hq/dashboard_users.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <pqxx/pqxx>
#include <sstream>
#include <stdexcept>

#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

constexpr int kRounds = 100000;

std::string randomBytes(int n) {
  std::string raw(static_cast<std::size_t>(n), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), n) != 1) throw std::runtime_error("no randomness");
  return raw;
}

std::string pbkdf2(const std::string& password, const std::string& salt, int rounds) {
  std::string out(32, '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()), rounds,
                        EVP_sha256(), 32, reinterpret_cast<unsigned char*>(out.data())) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, sep)) out.push_back(part);
  return out;
}

DashboardUser userOf(const pqxx::row& r) {
  DashboardUser u{r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(), {}};
  std::string list = r[3].as<std::string>();
  if (!list.empty()) u.stores = split(list, ',');
  return u;
}

constexpr const char* kUserColumns = "login, name, role, array_to_string(stores, ',')";

void checkPasswordRule(const std::string& password) {
  if (password.size() < 8) throw std::runtime_error("a dashboard password has at least 8 characters");
}

}  // namespace

std::optional<std::set<std::string>> DashboardUser::visibleStores() const {
  if (seesEveryStore()) return std::nullopt;
  return std::set<std::string>(stores.begin(), stores.end());
}

std::string hashPassword(const std::string& password) {
  std::string salt = randomBytes(16);
  return "pbkdf2-sha256$" + std::to_string(kRounds) + "$" + base64url(salt) + "$" +
         base64url(pbkdf2(password, salt, kRounds));
}

bool checkPassword(const std::string& password, const std::string& stored) {
  auto parts = split(stored, '$');
  std::string salt, hash;
  if (parts.size() != 4 || parts[0] != "pbkdf2-sha256" || !fromBase64url(parts[2], salt) ||
      !fromBase64url(parts[3], hash) || hash.size() != 32)
    return false;
  int rounds = 0;
  try {
    rounds = std::stoi(parts[1]);
  } catch (...) {
    return false;
  }
  if (rounds < 1000 || rounds > 10000000) return false;
  std::string got = pbkdf2(password, salt, rounds);
  return CRYPTO_memcmp(got.data(), hash.data(), 32) == 0;
}

void addDashboardUser(pqxx::connection& db, const DashboardUser& u, const std::string& password) {
  if (u.role != "owner" && u.role != "finance" && u.role != "area_manager")
    throw std::runtime_error("--role is owner, finance or area_manager");
  if (u.role == "area_manager" && u.stores.empty()) throw std::runtime_error("an area manager needs --stores");
  checkPasswordRule(password);
  pqxx::work w(db);
  for (const auto& s : u.stores)
    if (w.exec_params("SELECT 1 FROM stores WHERE code = $1", s).empty()) throw std::runtime_error("no store " + s);
  std::string stores;
  for (const auto& s : u.stores) stores += (stores.empty() ? "" : ",") + s;
  auto r = w.exec_params("INSERT INTO dashboard_users (login, name, role, stores, password_hash)"
                         " VALUES ($1, $2, $3, COALESCE(string_to_array(NULLIF($4, ''), ','), '{}'), $5)"
                         " ON CONFLICT (login) DO NOTHING RETURNING login",
                         u.login, u.name, u.role, stores, hashPassword(password));
  if (r.empty()) throw std::runtime_error("login " + u.login + " exists");
  w.commit();
}

void setDashboardPassword(pqxx::connection& db, const std::string& login, const std::string& password) {
  checkPasswordRule(password);
  pqxx::work w(db);
  auto r = w.exec_params("UPDATE dashboard_users SET password_hash = $2, failed_logins = 0, locked_until = NULL"
                         " WHERE login = $1 RETURNING login",
                         login, hashPassword(password));
  if (r.empty()) throw std::runtime_error("no login " + login);
  w.exec_params("DELETE FROM dashboard_sessions WHERE login = $1", login);
  w.commit();
}

void disableDashboardUser(pqxx::connection& db, const std::string& login) {
  pqxx::work w(db);
  auto r = w.exec_params("UPDATE dashboard_users SET disabled_at = now() WHERE login = $1 RETURNING login", login);
  if (r.empty()) throw std::runtime_error("no login " + login);
  w.exec_params("DELETE FROM dashboard_sessions WHERE login = $1", login);
  w.commit();
}

std::optional<DashboardUser> dashboardUser(pqxx::connection& db, const std::string& login) {
  pqxx::read_transaction t(db);
  auto r = t.exec_params(std::string("SELECT ") + kUserColumns +
                             " FROM dashboard_users WHERE login = $1 AND disabled_at IS NULL",
                         login);
  if (r.empty()) return std::nullopt;
  return userOf(r[0]);
}

std::vector<DashboardUser> dashboardUsers(pqxx::connection& db) {
  pqxx::read_transaction t(db);
  std::vector<DashboardUser> out;
  for (const auto& r : t.exec(std::string("SELECT ") + kUserColumns +
                              " FROM dashboard_users WHERE disabled_at IS NULL ORDER BY login"))
    out.push_back(userOf(r));
  return out;
}

LogIn logIn(pqxx::connection& db, const std::string& login, const std::string& password) {
  pqxx::work w(db);
  auto r = w.exec_params(std::string("SELECT ") + kUserColumns +
                             ", password_hash, COALESCE(locked_until > now(), false)"
                             " FROM dashboard_users WHERE login = $1 AND disabled_at IS NULL FOR UPDATE",
                         login);
  LogIn out;
  if (r.empty()) {
    static const std::string nobody = hashPassword(randomBytes(16));
    checkPassword(password, nobody);  // one PBKDF2, as for a known login: no hint that it does not exist
    return out;
  }
  if (r[0][5].as<bool>()) return out.outcome = LogIn::Locked, out;
  if (!checkPassword(password, r[0][4].as<std::string>())) {
    w.exec_params("UPDATE dashboard_users SET locked_until = CASE WHEN failed_logins + 1 >= 5"
                  " THEN now() + interval '15 minutes' ELSE locked_until END,"
                  " failed_logins = CASE WHEN failed_logins + 1 >= 5 THEN 0 ELSE failed_logins + 1 END"
                  " WHERE login = $1",
                  login);
    w.commit();
    return out;
  }
  out.token = base64url(randomBytes(32));
  out.user = userOf(r[0]);
  out.outcome = LogIn::Ok;
  w.exec_params("UPDATE dashboard_users SET failed_logins = 0, locked_until = NULL WHERE login = $1", login);
  w.exec("DELETE FROM dashboard_sessions WHERE expires_at < now()");  // sessions are not a ledger
  w.exec_params("INSERT INTO dashboard_sessions (token_hash, login, expires_at) VALUES ($1, $2, now() + interval"
                " '12 hours')",
                hexOf(sha256(out.token)), login);
  w.commit();
  return out;
}

std::optional<DashboardUser> sessionUser(pqxx::connection& db, const std::string& token) {
  if (token.empty()) return std::nullopt;
  pqxx::read_transaction t(db);
  auto r = t.exec_params(std::string("SELECT ") + "u.login, u.name, u.role, array_to_string(u.stores, ',')" +
                             " FROM dashboard_sessions s JOIN dashboard_users u ON u.login = s.login"
                             " WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL",
                         hexOf(sha256(token)));
  if (r.empty()) return std::nullopt;
  return userOf(r[0]);
}

void logOut(pqxx::connection& db, const std::string& token) {
  pqxx::work w(db);
  w.exec_params("DELETE FROM dashboard_sessions WHERE token_hash = $1", hexOf(sha256(token)));
  w.commit();
}

}  // namespace salon::hq
