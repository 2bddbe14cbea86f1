#include "storage/sync_token.h"

#include <sodium.h>

#include <array>
#include <fstream>

#include "app/core/error.h"

namespace salon::storage {
namespace {

constexpr const char* kMagic = "SKHQ1:";

using SealKey = std::array<unsigned char, crypto_secretbox_KEYBYTES>;

SealKey machineKey() {
  if (sodium_init() < 0) throw DomainError("hq_token_unreadable", "libsodium");
  std::string id;
  for (const char* path : {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
    std::ifstream in(path);
    if (in && std::getline(in, id) && !id.empty()) break;
  }
  if (id.empty()) id = "no machine id";  // still sealed, only not tied to a machine
  SealKey key{};
  const std::string context = "salon-kiosk head office token v1";
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(id.data()), id.size(),
                     reinterpret_cast<const unsigned char*>(context.data()), context.size());
  return key;
}

}  // namespace

std::string sealHeadOfficeToken(const std::string& token) {
  SealKey key = machineKey();
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + token.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(token.data()),
                        token.size(), out, key.data());
  sodium_memzero(key.data(), key.size());
  std::string text(sodium_base64_encoded_len(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), out, box.size(), sodium_base64_VARIANT_ORIGINAL);
  text.pop_back();  // the terminating NUL
  return kMagic + text;
}

std::string unsealHeadOfficeToken(const std::string& sealed) {
  const std::string magic = kMagic;
  if (sealed.rfind(magic, 0) != 0) throw DomainError("hq_token_unreadable", "not a sealed token");
  std::string b64 = sealed.substr(magic.size());
  std::string box(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), b64.c_str(), b64.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw DomainError("hq_token_unreadable", "damaged");
  SealKey key = machineKey();
  std::string token(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const auto* in = reinterpret_cast<const unsigned char*>(box.data());
  int rc = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(token.data()), in + crypto_secretbox_NONCEBYTES,
                                      len - crypto_secretbox_NONCEBYTES, in, key.data());
  sodium_memzero(key.data(), key.size());
  if (rc != 0) throw DomainError("hq_token_unreadable", "sealed on another machine: enrol again");
  return token;
}

}  // namespace salon::storage
