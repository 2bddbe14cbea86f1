#pragma once
// The chain's roll of stores: enrol (a one-time enrolment code holding HQ's URL,
// the store's token and the certificate fingerprint), revoke, list.
#include <string>

#include <nlohmann/json.hpp>

#include <pqxx/connection>

namespace salon::hq {

struct Enrolment {
  std::string store, name, url, token, fingerprint;
  std::string code;  // SALONHQ1.<base64url of the JSON>
};

// "SALONHQ1." + base64url-without-padding of {"v":1,"url","store","token","fp"}.
std::string enrolmentCode(const std::string& url, const std::string& store, const std::string& token,
                          const std::string& fingerprint);
// The code as a QR drawn with block characters, for a screen or a terminal.
std::string enrolmentQrText(const std::string& code);

// HQ's public URL and certificate fingerprint, written by `serve` on start.
void keepHqSetting(pqxx::connection& db, const std::string& key, const std::string& value);
std::string hqSetting(pqxx::connection& db, const std::string& key);

// Adds the store, or gives an existing, unrevoked store a new token (the old
// one stops working): either way a fresh enrolment code.
Enrolment enrolStore(pqxx::connection& db, const std::string& store, const std::string& name);
// false when no such store.
bool revokeStore(pqxx::connection& db, const std::string& store);
nlohmann::json storeList(pqxx::connection& db);

}  // namespace salon::hq
