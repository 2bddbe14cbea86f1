#include "app/hq/sms.h"

#include <httplib.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <dirent.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

std::string randomHex(int bytes) {
  std::string raw(static_cast<std::size_t>(bytes), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes) != 1) throw std::runtime_error("no randomness");
  return hexOf(raw);
}

std::string hmacHex(const std::string& key, const std::string& body) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), md, &n);
  return hexOf(std::string(reinterpret_cast<char*>(md), n));
}

}  // namespace

FolderSms::FolderSms(std::string dir) : dir_(std::move(dir)) { ::mkdir(dir_.c_str(), 0700); }

bool FolderSms::alreadySent(const std::string& suffix) const {
  DIR* d = ::opendir(dir_.c_str());
  if (!d) return false;
  bool found = false;
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) found = true;
  }
  ::closedir(d);
  return found;
}

void FolderSms::send(const SmsMessage& m, long long atMs) {
  std::string suffix = m.key.empty() ? "-" + randomHex(6) + ".json" : "-k" + hexOf(m.key) + ".json";
  if (!m.key.empty() && alreadySent(suffix)) return;
  std::string name = dir_ + "/" + std::to_string(atMs) + suffix;
  {
    std::ofstream out(name + ".part");
    out << nlohmann::json{{"phone", m.phone}, {"text", m.text}, {"template", m.templateId}, {"params", m.params},
                          {"at", atMs}}
               .dump()
        << "\n";
    if (!out) throw std::runtime_error("cannot write " + name);
  }
  if (std::rename((name + ".part").c_str(), name.c_str()) != 0) throw std::runtime_error("cannot rename " + name);
}

const std::vector<std::string>& smsKinds() {
  static const std::vector<std::string> kinds = {"code",      "booked",   "confirmed",       "declined",
                                                 "offline",   "move_declined", "cancelled",  "reminder",
                                                 "member_approved", "member_declined", "correction_skipped",
                                                 "correction_approved", "correction_rejected"};
  return kinds;
}

std::string templateFor(const std::map<std::string, std::string>& templates, const std::string& kind) {
  auto own = templates.find(kind);
  if (own != templates.end() && !own->second.empty()) return own->second;
  const bool decision = kind == "confirmed" || kind == "declined" || kind == "offline" || kind == "move_declined";
  auto shared = templates.find("decided");
  return decision && shared != templates.end() ? shared->second : "";
}

std::vector<std::string> kindsWithoutTemplate(const std::map<std::string, std::string>& templates) {
  std::vector<std::string> missing;
  for (const std::string& kind : smsKinds())
    if (templateFor(templates, kind).empty()) missing.push_back(kind);
  return missing;
}

std::string kindList(const std::vector<std::string>& kinds) {
  std::string out;
  for (const std::string& kind : kinds) out += (out.empty() ? "" : ", ") + kind;
  return out;
}

void HttpsSms::send(const SmsMessage& m, long long atMs) {
  const std::string kind = m.params.value("kind", m.templateId);
  const std::string tmpl = templateFor(s_.templates, kind);
  if (tmpl.empty())
    throw std::runtime_error("no SMS template id for \"" + kind + "\" (salon-hq online sms --template " + kind +
                             "=ID): not sent");
  auto slash = s_.url.find('/', 8);
  if (s_.url.rfind("https://", 0) != 0 || slash == std::string::npos) throw std::runtime_error("sms.url wants https://HOST/PATH");
  httplib::SSLClient client(s_.url.substr(8, slash - 8));
  client.enable_server_certificate_verification(true);
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(10, 0);
  std::string body = nlohmann::json{{"to", m.phone}, {"template", tmpl}, {"params", m.params}, {"sign", s_.signName},
                                    {"at", atMs}, {"key", m.key}}
                         .dump();
  httplib::Headers headers = {{"X-Sms-Key", s_.keyId}, {"X-Sms-Signature", hmacHex(s_.secret, body)}};
  auto res = client.Post(s_.url.substr(slash).c_str(), headers, body, "application/json");
  if (!res) throw std::runtime_error("SMS provider unreachable: " + httplib::to_string(res.error()));
  if (res->status / 100 != 2) throw std::runtime_error("SMS provider refused: " + std::to_string(res->status));
}

void NoSms::send(const SmsMessage& m, long long) {
  std::cerr << "salon-hq: no SMS provider configured (sms.url or --sms-outbox): not sent to " << m.phone.substr(0, 3)
            << "…\n";
}

}  // namespace salon::hq
