#include "devices/hq_link.h"

// Debian's cpp-httplib is built with OpenSSL (pkg-config passes the define too).
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>

#include "app/core/error.h"
#include "devices/hq_wire.h"

namespace salon::devices {
namespace {

// The pinned certificate, checked in OpenSSL's verification of the server's
// chain: only the leaf's SHA-256 counts (HQ's certificate is self-signed).
struct CertificatePin {
  std::string expected;  // lower-case hex
  std::string seen;
  bool mismatch = false;
};

std::string fingerprintOf(X509* cert) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!cert || X509_digest(cert, EVP_sha256(), md, &len) != 1) return "";
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) {
    hex += digits[md[i] >> 4];
    hex += digits[md[i] & 15];
  }
  return hex;
}

int checkPin(X509_STORE_CTX* store, void* arg) {
  auto* pin = static_cast<CertificatePin*>(arg);
  pin->seen = fingerprintOf(X509_STORE_CTX_get0_cert(store));
  if (!pin->seen.empty() && pin->seen == pin->expected) return 1;
  pin->mismatch = true;
  X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REJECTED);
  return 0;
}

struct HostPort {
  std::string host;
  int port = 443;
};

HostPort hostOf(const std::string& url) {
  const std::string scheme = "https://";
  if (url.rfind(scheme, 0) != 0) throw DomainError("enrol_code_invalid", "url " + url);
  std::string rest = url.substr(scheme.size());
  rest = rest.substr(0, rest.find('/'));
  HostPort hp{rest, 443};
  if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    hp.host = rest.substr(0, colon);
    try {
      hp.port = std::stoi(rest.substr(colon + 1));
    } catch (const std::exception&) {
      throw DomainError("enrol_code_invalid", "url " + url);
    }
  }
  if (hp.host.empty()) throw DomainError("enrol_code_invalid", "url " + url);
  return hp;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class HttpsHeadOffice : public HeadOffice {
 public:
  HttpsHeadOffice(const HeadOfficeAddress& a, HqLinkTimeouts t)
      : address_(a), where_(hostOf(a.url)), client_(where_.host, where_.port) {
    pin_.expected = lower(a.fingerprint);
    client_.enable_server_certificate_verification(false);  // no CA: the pin below decides
    SSL_CTX* ctx = client_.ssl_context();
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_cert_verify_callback(ctx, &checkPin, &pin_);
    client_.set_connection_timeout(t.connectSeconds, 0);
    client_.set_read_timeout(t.readSeconds, 0);
    client_.set_write_timeout(t.writeSeconds, 0);
    client_.set_keep_alive(true);
    client_.set_tcp_nodelay(true);  // no Nagle stall (~40 ms) between a request's headers and its body
    client_.set_bearer_token_auth(a.token);
  }

  HeadOfficeHello hello() override { return helloFrom(answer(get("/api/v1/hello"), {200})); }

  BatchAnswer sendBatch(const EventBatch& batch) override {
    httplib::Result res = post("/api/v1/events", batchJson(batch), "application/json", {});
    std::string body = answer(std::move(res), {200, 409});
    return batchAnswerFrom(lastStatus_, body);
  }

  ChangesPage changes(const std::string& after) override {
    std::string path = "/api/v1/changes";
    if (!after.empty()) path += "?after=" + httplib::detail::encode_query_param(after);
    return changesFrom(answer(get(path), {200}));
  }

  bool changesWaiting(const std::string& after) override { return pollChanges(after, -1); }

  // eventsWaiting < 0: not told (an HQ before it ignores the parameter either way).
  bool pollChanges(const std::string& after, std::int64_t eventsWaiting) override {
    std::string path = "/api/v1/waiting";
    char sep = '?';
    if (!after.empty()) path += "?after=" + httplib::detail::encode_query_param(after), sep = '&';
    if (eventsWaiting >= 0) path += sep + std::string("events_waiting=") + std::to_string(eventsWaiting);
    return waitingFrom(answer(get(path), {200}));
  }

  std::vector<HeldChainHead> heads() override { return headsFrom(answer(get("/api/v1/heads"), {200})); }

  OffsiteBackup uploadBackup(const std::string& name, const std::string& bytes) override {
    return backupFrom(answer(post("/api/v1/backups", bytes, "application/octet-stream", {{"X-Backup-Name", name}}),
                             {200, 201}));
  }

  std::vector<OffsiteBackup> backups() override { return backupsFrom(answer(get("/api/v1/backups"), {200})); }

  std::optional<MemberBalance> memberBalance(const std::string& memberNo, const std::string& staff,
                                             const std::string& purpose) override {
    using httplib::detail::encode_query_param;
    std::string body = answer(get("/api/v1/members/" + encode_query_param(memberNo) + "/balance?staff=" +
                                  encode_query_param(staff) + "&purpose=" + encode_query_param(purpose)),
                              {200, 404});
    if (lastStatus_ == 404) return std::nullopt;
    return memberBalanceFrom(body);
  }

  std::vector<SealedChainFile> chainFiles(const std::string& key, const std::string& staff,
                                         const std::string& purpose) override {
    using httplib::detail::encode_query_param;
    std::string body = answer(get("/api/v1/files?key=" + encode_query_param(key) + "&staff=" +
                                  encode_query_param(staff) + "&purpose=" + encode_query_param(purpose)),
                              {200, 404});
    if (lastStatus_ == 404) return {};
    return sealedChainFilesFrom(body);
  }

  std::optional<ChainDebitAnswer> debitMember(const ChainDebit& d) override {
    using httplib::detail::encode_query_param;
    std::string body = answer(post("/api/v1/members/" + encode_query_param(d.memberNo) + "/debits", chainDebitJson(d),
                                   "application/json", {}),
                              {200, 404, 409});
    if (lastStatus_ == 404) return std::nullopt;
    return chainDebitFrom(lastStatus_, body);
  }

  void releaseDebit(const std::string& memberNo, const std::string& sale) override {
    using httplib::detail::encode_query_param;
    answer(post("/api/v1/members/" + encode_query_param(memberNo) + "/debits/" + encode_query_param(sale) + "/release",
                "{}", "application/json", {}),
           {200});
  }

 private:
  httplib::Result get(const std::string& path) {
    pin_.mismatch = false;
    return client_.Get(path);
  }

  httplib::Result post(const std::string& path, const std::string& body, const char* type, httplib::Headers headers) {
    pin_.mismatch = false;
    headers.emplace("X-Salon-Signature", signBody(address_.token, body));
    return client_.Post(path, headers, body, type);
  }

  // The body of an accepted answer; anything else is the stable refusal.
  std::string answer(httplib::Result res, std::initializer_list<int> accepted) {
    if (!res) {
      if (pin_.mismatch)
        throw DomainError("hq_certificate_mismatch", address_.url + " showed " + pin_.seen + ", pinned " + pin_.expected);
      throw DomainError("hq_unreachable", address_.url + ": " + httplib::to_string(res.error()));
    }
    lastStatus_ = res->status;
    if (std::find(accepted.begin(), accepted.end(), res->status) == accepted.end())
      throw DomainError("hq_refused", refusalOf(res->status, res->body));
    return res->body;
  }

  HeadOfficeAddress address_;
  HostPort where_;
  CertificatePin pin_;  // before client_: its address is handed to OpenSSL
  httplib::SSLClient client_;
  int lastStatus_ = 0;
};

}  // namespace

std::unique_ptr<HeadOffice> openHeadOffice(const HeadOfficeAddress& address, HqLinkTimeouts timeouts) {
  return std::make_unique<HttpsHeadOffice>(address, timeouts);
}

HeadOfficeAddress HttpsHeadOfficeLines::readEnrolmentCode(const std::string& code) const {
  return devices::readEnrolmentCode(code);
}

std::unique_ptr<HeadOffice> HttpsHeadOfficeLines::open(const HeadOfficeAddress& address) {
  return openHeadOffice(address, timeouts_);
}

}  // namespace salon::devices
