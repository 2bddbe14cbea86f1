#pragma once
// Text messages to customers (codes, booking confirmations) go through a provider.
// `HttpsSms` posts to a real provider's HTTPS API with the settings below; the
// `FolderSms` fake writes each message as a file (tests and `salon-hq sandbox`
// read the codes there). Neither is ever given a message HQ should not send.
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace salon::hq {

struct SmsMessage {
  std::string phone;      // normalised (13800138000, +85291234567)
  std::string templateId; // what the provider approved: "code", "booked", "decided"
  nlohmann::json params;  // the template's values, e.g. {"code": "123456"}
  std::string text;       // the whole text in the customer's language (the fake keeps it)
  std::string key;        // "" or an idempotency key: the provider delivers a key once, however often it is sent
};

class SmsProvider {
 public:
  virtual ~SmsProvider() = default;
  // Throws std::runtime_error when the provider refused or could not be reached.
  virtual void send(const SmsMessage& m, long long atMs) = 0;
};

// Writes DIR/<at>-<random>.json: {"phone","text","template","params","at"}; the
// name sorts by time. Written to a temporary name first, then renamed whole. A
// message with a key is DIR/<at>-k<hex of key>.json, and not written again when a
// file for that key is there (as a real provider drops a repeated key).
class FolderSms : public SmsProvider {
 public:
  explicit FolderSms(std::string dir);
  void send(const SmsMessage& m, long long atMs) override;

 private:
  bool alreadySent(const std::string& suffix) const;
  std::string dir_;
};

// A real provider: POST {url} with JSON {"to","template","params","sign","at","key"} and
// headers X-Sms-Key (the key id) and X-Sms-Signature (hex HMAC-SHA256(secret, body)).
struct HttpsSmsSettings {
  std::string url;          // https://sms.example.com/v1/send   (sms.url)
  std::string keyId;        // sms.key_id
  std::string secret;       // sms.secret
  std::string signName;     // sms.sign_name: the sender name the provider shows
  std::string templateCode, templateBooked, templateDecided;  // sms.template.code|booked|decided
  // sms.template.<kind> for the other texts (reminder, cancelled, ...); the store's
  // decisions (confirmed, declined, offline, move_declined) fall back to `decided`.
  std::map<std::string, std::string> templates;
};

class HttpsSms : public SmsProvider {
 public:
  explicit HttpsSms(HttpsSmsSettings s) : s_(std::move(s)) {}
  void send(const SmsMessage& m, long long atMs) override;

 private:
  HttpsSmsSettings s_;
};

// Sends nothing and says so on stderr: a server with neither provider configured.
class NoSms : public SmsProvider {
 public:
  void send(const SmsMessage& m, long long atMs) override;
};

}  // namespace salon::hq
