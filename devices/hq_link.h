#pragma once
// The line to head office (core's HeadOffice, app/hq/PROTOCOL.md): HTTPS with
// cpp-httplib 0.11 and OpenSSL, the server certificate pinned by the SHA-256 of
// its DER (any other certificate: hq_certificate_mismatch, whoever signed it),
// `Authorization: Bearer <token>`, every POST body signed with
// HMAC-SHA256(sha256(token), body), bounded timeouts. One connection is kept
// alive between calls (a catching-up kiosk sends many batches).
#include <memory>
#include <string>

#include "app/core/head_office.h"

namespace salon::devices {

struct HqLinkTimeouts {
  int connectSeconds = 5;
  int readSeconds = 30;   // a 500-event batch is one transaction at HQ
  int writeSeconds = 30;
};

// "SALONHQ1." + base64url(JSON) → the address; DomainError enrol_code_invalid.
HeadOfficeAddress readEnrolmentCode(const std::string& code);

// Hex HMAC-SHA256 of `body` under the 32 raw bytes of sha256(token).
std::string signBody(const std::string& token, const std::string& body);

std::unique_ptr<HeadOffice> openHeadOffice(const HeadOfficeAddress& address, HqLinkTimeouts timeouts = {});

// Core's HeadOfficeLines over the two functions above.
class HttpsHeadOfficeLines : public HeadOfficeLines {
 public:
  explicit HttpsHeadOfficeLines(HqLinkTimeouts timeouts = {}) : timeouts_(timeouts) {}
  HeadOfficeAddress readEnrolmentCode(const std::string& code) const override;
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress& address) override;

 private:
  HqLinkTimeouts timeouts_;
};

}  // namespace salon::devices
