#include "app/hq/store_token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace salon::hq {
namespace {

constexpr const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

std::string base64url(const std::string& bytes) {
  std::string out;
  unsigned bits = 0;
  int have = 0;
  for (unsigned char c : bytes) {
    bits = (bits << 8) | c;
    have += 8;
    while (have >= 6) {
      have -= 6;
      out += kAlphabet[(bits >> have) & 0x3F];
    }
  }
  if (have > 0) out += kAlphabet[(bits << (6 - have)) & 0x3F];
  return out;
}

bool fromBase64url(const std::string& text, std::string& bytes) {
  bytes.clear();
  unsigned bits = 0;
  int have = 0;
  for (char c : text) {
    int v = sextet(c);
    if (v < 0) return false;
    bits = (bits << 6) | static_cast<unsigned>(v);
    have += 6;
    if (have >= 8) {
      have -= 8;
      bytes += static_cast<char>((bits >> have) & 0xFF);
    }
  }
  return true;
}

std::string hexOf(const std::string& bytes) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += hex[c >> 4];
    out += hex[c & 0x0F];
  }
  return out;
}

std::string sha256(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("sha256 failed");
  return std::string(reinterpret_cast<char*>(md), n);
}

std::string newStoreToken() {
  unsigned char raw[32];
  if (RAND_bytes(raw, sizeof raw) != 1) throw std::runtime_error("no random bytes for a store token");
  return base64url(std::string(reinterpret_cast<char*>(raw), sizeof raw));
}

std::string tokenHash(const std::string& token) { return hexOf(sha256(token)); }

std::string bodySignature(const std::string& token, const std::string& body) {
  std::string key = sha256(token);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(body.data()),
            body.size(), md, &n))
    throw std::runtime_error("HMAC failed");
  return hexOf(std::string(reinterpret_cast<char*>(md), n));
}

bool sameSignature(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace salon::hq
