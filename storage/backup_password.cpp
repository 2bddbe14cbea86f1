#include "storage/backup_password.h"

#include <sodium.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/error.h"
#include "storage/backup_file.h"
#include "storage/private_file.h"

namespace salon::storage {
namespace {

// backup.key holds the password sealed, not the password: "SKKEY1:" then
// base64 of nonce | secretbox(password). The sealing key comes from this
// machine's /etc/machine-id, so a copy of the data directory alone does not
// give the backup password (the machine itself, or anyone root on it, still does).
constexpr const char* kSealMagic = "SKKEY1:";

std::array<unsigned char, crypto_secretbox_KEYBYTES> machineKey() {
  if (sodium_init() < 0) throw DomainError("backup_key_failed", "libsodium");
  std::string id;
  for (const char* path : {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
    std::ifstream in(path);
    if (in && std::getline(in, id) && !id.empty()) break;
  }
  if (id.empty()) id = "no machine id";  // still sealed, only not tied to a machine
  std::array<unsigned char, crypto_secretbox_KEYBYTES> key{};
  const std::string context = "salon-kiosk backup.key v1";
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(id.data()), id.size(),
                     reinterpret_cast<const unsigned char*>(context.data()), context.size());
  return key;
}

std::string seal(const std::string& password) {
  auto key = machineKey();
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + password.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(password.data()),
                        password.size(), out, key.data());
  sodium_memzero(key.data(), key.size());
  std::string text(sodium_base64_encoded_len(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), out, box.size(), sodium_base64_VARIANT_ORIGINAL);
  text.pop_back();  // the terminating NUL
  return kSealMagic + text;
}

std::optional<std::string> unseal(const std::string& text) {
  std::string b64 = text.substr(std::string(kSealMagic).size());
  std::string box(b64.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), b64.c_str(), b64.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw DomainError("backup_key_failed", "backup.key is damaged");
  auto key = machineKey();
  std::string password(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const auto* in = reinterpret_cast<const unsigned char*>(box.data());
  int rc = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(password.data()), in + crypto_secretbox_NONCEBYTES,
                                      len - crypto_secretbox_NONCEBYTES, in, key.data());
  sodium_memzero(key.data(), key.size());
  if (rc != 0) throw DomainError("backup_key_failed", "backup.key was sealed on another machine: set the password again");
  return password;
}

}  // namespace

std::string sealForThisMachine(const std::string& secret) { return seal(secret); }

std::string unsealOnThisMachine(const std::string& text) {
  if (text.rfind(kSealMagic, 0) != 0) throw DomainError("backup_key_failed", "not a sealed key file");
  return *unseal(text);
}

std::string backupKeyPath(const std::string& dataDir) { return (std::filesystem::path(dataDir) / "backup.key").string(); }

std::optional<std::string> loadBackupPassword(const std::string& dataDir) {
  auto text = readKeyText(backupKeyPath(dataDir));
  if (!text) return std::nullopt;
  if (text->rfind(kSealMagic, 0) == 0) return unseal(*text);
  return text;  // written by an older kiosk: the password itself, sealed when next saved
}

void saveBackupPassword(const std::string& dataDir, const std::string& password) {
  if (!isAcceptableBackupPassword(password)) throw DomainError("backup_password_weak", "8");
  if (password.find('\n') != std::string::npos) throw DomainError("bad_input", "backup password");
  makePrivateDirectory(dataDir);
  TempFile file(dataDir, ".backup.key-");
  std::string sealed = seal(password) + "\n";
  file.write(sealed.data(), sealed.size());
  file.commitAs(backupKeyPath(dataDir));
}

}  // namespace salon::storage
