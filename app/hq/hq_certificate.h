#pragma once
// The server's self-signed certificate, made with OpenSSL on first start in the
// data folder (cert.pem and key.pem, 0600). Kiosks pin the SHA-256 of its DER
// bytes, so it is made once and reused; several salon-hq processes sharing a
// folder share it (made under a file lock).
#include <string>

namespace salon::hq {

struct HqCertificate {
  std::string certPath, keyPath;
  std::string fingerprint;  // sha256 of the DER certificate, lower-case hex
};

HqCertificate ensureCertificate(const std::string& dir);
// The fingerprint of a PEM certificate file.
std::string certificateFingerprint(const std::string& certPath);

}  // namespace salon::hq
