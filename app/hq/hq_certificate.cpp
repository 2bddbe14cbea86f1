#include "app/hq/hq_certificate.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>

#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

// Writes through a 0600 file made before a byte goes in.
void writePrivate(const std::string& path, const std::function<int(FILE*)>& write) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp);
  ::fchmod(fd, 0600);
  FILE* f = ::fdopen(fd, "w");
  if (!f) {
    ::close(fd);
    throw std::runtime_error("cannot write " + tmp);
  }
  bool ok = write(f) == 1 && std::fflush(f) == 0 && ::fsync(fd) == 0;
  std::fclose(f);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error("cannot write " + path);
}

Key newKey() {
  EVP_PKEY* k = EVP_EC_gen("P-256");
  if (!k) throw std::runtime_error("cannot make the server key");
  return Key(k, EVP_PKEY_free);
}

Cert newCertificate(EVP_PKEY* key) {
  Cert c(X509_new(), X509_free);
  X509_set_version(c.get(), 2);
  unsigned char serial[16];
  std::string token = newStoreToken();  // 32 random bytes, base64url: reuse for the serial
  for (int i = 0; i < 16; ++i) serial[i] = static_cast<unsigned char>(token[static_cast<size_t>(i)]);
  serial[0] &= 0x7F;
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(c.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(c.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(c.get()), 20L * 365 * 24 * 3600);
  X509_set_pubkey(c.get(), key);
  X509_NAME* name = X509_get_subject_name(c.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("salon-hq"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("Salon Kiosk head office"),
                             -1, -1, 0);
  X509_set_issuer_name(c.get(), name);
  if (X509_sign(c.get(), key, EVP_sha256()) == 0) throw std::runtime_error("cannot sign the server certificate");
  return c;
}

void makeCertificate(const HqCertificate& c) {
  Key key = newKey();
  Cert cert = newCertificate(key.get());
  writePrivate(c.keyPath, [&](FILE* f) {
    return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  writePrivate(c.certPath, [&](FILE* f) { return PEM_write_X509(f, cert.get()); });
}

}  // namespace

std::string certificateFingerprint(const std::string& certPath) {
  FILE* f = std::fopen(certPath.c_str(), "r");
  if (!f) throw std::runtime_error("cannot read " + certPath);
  Cert cert(PEM_read_X509(f, nullptr, nullptr, nullptr), X509_free);
  std::fclose(f);
  if (!cert) throw std::runtime_error("not a PEM certificate: " + certPath);
  unsigned char* der = nullptr;
  int n = i2d_X509(cert.get(), &der);
  if (n <= 0) throw std::runtime_error("cannot encode " + certPath);
  std::string bytes(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return hexOf(sha256(bytes));
}

HqCertificate ensureCertificate(const std::string& dir) {
  ::mkdir(dir.c_str(), 0700);
  HqCertificate c{dir + "/cert.pem", dir + "/key.pem", ""};
  int lock = ::open((dir + "/.certificate.lock").c_str(), O_RDWR | O_CREAT, 0600);
  if (lock < 0) throw std::runtime_error("cannot use the data folder " + dir);
  ::flock(lock, LOCK_EX);  // a second process starting at once waits, then reuses
  try {
    if (!exists(c.certPath) || !exists(c.keyPath)) makeCertificate(c);
  } catch (...) {
    ::close(lock);
    throw;
  }
  ::close(lock);
  c.fingerprint = certificateFingerprint(c.certPath);
  return c;
}

}  // namespace salon::hq
