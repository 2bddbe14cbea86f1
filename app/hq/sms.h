#pragma once
// Text messages to customers (codes, booking confirmations) go through a provider.
// `HttpsSms` posts to a real provider's HTTPS API with the settings below; the
// `FolderSms` fake writes each message as a file (tests and `salon-hq sandbox`
// read the codes there). Neither is ever given a message HQ should not send.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace salon::hq {

struct SmsMessage {
  std::string phone;      // normalised (13800138000, +85291234567)
  std::string templateId; // "code", "booked", "decided" (a booking's decision), or the kind
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

// Every kind of text head office sends (params.kind; the code message is "code"). A real
// provider sends only texts it approved as templates, so each kind needs a template id
// (hq_settings sms.template.<kind>); the store's decisions on a booking (confirmed,
// declined, offline, move_declined) may share one, sms.template.decided.
const std::vector<std::string>& smsKinds();
// The template id for `kind` in `templates` (kind → id; "decided" the shared one); "" when none.
std::string templateFor(const std::map<std::string, std::string>& templates, const std::string& kind);
// The kinds `templates` gives no id for, in smsKinds() order.
std::vector<std::string> kindsWithoutTemplate(const std::map<std::string, std::string>& templates);
// "a, b, c" (for messages naming kinds).
std::string kindList(const std::vector<std::string>& kinds);

// A real provider: POST {url} with JSON {"to","template","params","sign","at","key"} and
// headers X-Sms-Key (the key id) and X-Sms-Signature (hex HMAC-SHA256(secret, body)).
struct HttpsSmsSettings {
  std::string url;          // https://sms.example.com/v1/send   (sms.url)
  std::string keyId;        // sms.key_id
  std::string secret;       // sms.secret
  std::string signName;     // sms.sign_name: the sender name the provider shows
  std::map<std::string, std::string> templates;  // kind → sms.template.<kind>, and "decided"
};

// Throws std::runtime_error for a kind without a template id (never sends a text the
// provider did not approve, nor drops it without a word).
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
