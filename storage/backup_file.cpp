#include "storage/backup_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "app/core/error.h"

namespace salon::storage {
namespace {

constexpr char kMagic[16] = {'S', 'a', 'l', 'o', 'n', 'K', 'i', 'o', 's', 'k', 'B', 'a', 'c', 'k', 'u', 'p'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::uint32_t kChunkBytes = 64 * 1024;
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kCheckBytes = 32;
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kAeadBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kHeaderBytes = 16 + 4 + 4 + 8 + 8 + kSaltBytes + kCheckBytes + kStreamHeaderBytes;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "SKbackup";
// A header may not make restore spend more than this (a forged file must not
// exhaust the kiosk's memory).
constexpr std::size_t kMaxMemLimit = std::size_t{1} << 30;
constexpr unsigned long long kMaxOpsLimit = 32;

struct Header {
  std::uint32_t version = kFormatVersion;
  std::uint32_t chunkBytes = kChunkBytes;
  std::uint64_t opsLimit = 0;
  std::uint64_t memLimit = 0;
  std::array<unsigned char, kSaltBytes> salt{};
  std::array<unsigned char, kCheckBytes> keyCheck{};
  std::array<unsigned char, kStreamHeaderBytes> streamHeader{};
};

void putLe(unsigned char* p, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint64_t getLe(const unsigned char* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::array<unsigned char, kHeaderBytes> encode(const Header& h) {
  std::array<unsigned char, kHeaderBytes> out{};
  unsigned char* p = out.data();
  std::memcpy(p, kMagic, 16);
  putLe(p + 16, h.version, 4);
  putLe(p + 20, h.chunkBytes, 4);
  putLe(p + 24, h.opsLimit, 8);
  putLe(p + 32, h.memLimit, 8);
  std::memcpy(p + 40, h.salt.data(), kSaltBytes);
  std::memcpy(p + 40 + kSaltBytes, h.keyCheck.data(), kCheckBytes);
  std::memcpy(p + 40 + kSaltBytes + kCheckBytes, h.streamHeader.data(), kStreamHeaderBytes);
  return out;
}

Header decode(const std::array<unsigned char, kHeaderBytes>& in, const std::string& file) {
  const unsigned char* p = in.data();
  if (std::memcmp(p, kMagic, 16) != 0) throw DomainError("backup_bad_file", file + " (not a Salon Kiosk backup)");
  Header h;
  h.version = static_cast<std::uint32_t>(getLe(p + 16, 4));
  if (h.version > kFormatVersion) throw DomainError("backup_too_new", file + " (format " + std::to_string(h.version) + ")");
  if (h.version != kFormatVersion) throw DomainError("backup_bad_file", file + " (format " + std::to_string(h.version) + ")");
  h.chunkBytes = static_cast<std::uint32_t>(getLe(p + 20, 4));
  h.opsLimit = getLe(p + 24, 8);
  h.memLimit = getLe(p + 32, 8);
  bool sane = h.chunkBytes >= 4096 && h.chunkBytes <= (16u << 20) && h.opsLimit >= crypto_pwhash_OPSLIMIT_MIN &&
              h.opsLimit <= kMaxOpsLimit && h.memLimit >= crypto_pwhash_MEMLIMIT_MIN && h.memLimit <= kMaxMemLimit;
  if (!sane) throw DomainError("backup_bad_file", file + " (damaged header)");
  std::memcpy(h.salt.data(), p + 40, kSaltBytes);
  std::memcpy(h.keyCheck.data(), p + 40 + kSaltBytes, kCheckBytes);
  std::memcpy(h.streamHeader.data(), p + 40 + kSaltBytes + kCheckBytes, kStreamHeaderBytes);
  return h;
}

// The stream key and the key check, wiped when they go out of scope.
struct Keys {
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> stream{};
  std::array<unsigned char, kCheckBytes> check{};
  Keys() = default;
  Keys(const Keys&) = delete;
  Keys& operator=(const Keys&) = delete;
  ~Keys() {
    sodium_memzero(stream.data(), stream.size());
    sodium_memzero(check.data(), check.size());
  }
};

void deriveKeys(Keys& keys, const std::string& password, const Header& h) {
  if (sodium_init() < 0) throw DomainError("backup_key_failed", "libsodium");
  std::array<unsigned char, crypto_kdf_KEYBYTES> master{};
  if (crypto_pwhash(master.data(), master.size(), password.data(), password.size(), h.salt.data(), h.opsLimit,
                    static_cast<std::size_t>(h.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw DomainError("backup_key_failed", std::to_string(h.memLimit >> 20) + " MiB");
  crypto_kdf_derive_from_key(keys.stream.data(), keys.stream.size(), 1, kKdfContext, master.data());
  crypto_kdf_derive_from_key(keys.check.data(), keys.check.size(), 2, kKdfContext, master.data());
  sodium_memzero(master.data(), master.size());
}

// An fd closed at scope end.
class Reader {
 public:
  Reader(const std::string& path, const char* code) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw DomainError(code, path + ": " + std::strerror(errno));
  }
  ~Reader() { ::close(fd_); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  // Reads until `size` bytes or the end of the file; returns how many.
  std::size_t readUpTo(unsigned char* buf, std::size_t size) {
    std::size_t got = 0;
    while (got < size) {
      ssize_t n = ::read(fd_, buf + got, size - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw DomainError("backup_unreadable", path_ + ": " + std::strerror(errno));
      if (n == 0) break;
      got += static_cast<std::size_t>(n);
    }
    return got;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace

BackupCost BackupCost::standard() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }
BackupCost BackupCost::minimum() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

BackupCost backupCostFromEnvironment() {
  const char* v = std::getenv("SALON_BACKUP_COST");
  return v && std::strcmp(v, "min") == 0 ? BackupCost::minimum() : BackupCost::standard();
}

bool isAcceptableBackupPassword(const std::string& password) { return password.size() >= 8; }

void encryptBackup(const unsigned char* plain, std::size_t size, TempFile& out, const std::string& password,
                   BackupCost cost) {
  if (sodium_init() < 0) throw DomainError("backup_key_failed", "libsodium");
  Header h;
  h.opsLimit = cost.opsLimit;
  h.memLimit = cost.memLimit;
  randombytes_buf(h.salt.data(), h.salt.size());
  Keys keys;
  deriveKeys(keys, password, h);
  h.keyCheck = keys.check;
  crypto_secretstream_xchacha20poly1305_state st;
  crypto_secretstream_xchacha20poly1305_init_push(&st, h.streamHeader.data(), keys.stream.data());
  auto header = encode(h);
  out.write(header.data(), header.size());

  std::vector<unsigned char> cipher(kChunkBytes + kAeadBytes);
  std::size_t at = 0;
  for (bool first = true;; first = false) {
    std::size_t len = std::min<std::size_t>(kChunkBytes, size - at);
    // A file of whole chunks ends with an empty FINAL chunk, as before.
    bool last = at + len == size && len < kChunkBytes;
    unsigned long long cipherLen = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &st, cipher.data(), &cipherLen, plain + at, len, first ? header.data() : nullptr, first ? header.size() : 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    out.write(cipher.data(), static_cast<std::size_t>(cipherLen));
    at += len;
    if (last) break;
  }
  sodium_memzero(&st, sizeof st);
}

void encryptBackup(const std::string& plainPath, TempFile& out, const std::string& password, BackupCost cost) {
  Reader in(plainPath, "backup_write_failed");
  std::vector<unsigned char> all;
  std::vector<unsigned char> buf(kChunkBytes);
  for (std::size_t n; (n = in.readUpTo(buf.data(), buf.size())) > 0;) all.insert(all.end(), buf.begin(), buf.begin() + n);
  encryptBackup(all.data(), all.size(), out, password, cost);
  sodium_memzero(all.data(), all.size());
  sodium_memzero(buf.data(), buf.size());
}

void decryptBackup(const std::string& backupPath, TempFile& out, const std::string& password) {
  Reader in(backupPath, "backup_unreadable");
  std::array<unsigned char, kHeaderBytes> header{};
  if (in.readUpTo(header.data(), header.size()) < header.size())
    throw DomainError("backup_bad_file", backupPath + " (too short)");
  Header h = decode(header, backupPath);
  Keys keys;
  deriveKeys(keys, password, h);
  if (sodium_memcmp(keys.check.data(), h.keyCheck.data(), kCheckBytes) != 0)
    throw DomainError("backup_wrong_password", backupPath);
  crypto_secretstream_xchacha20poly1305_state st;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&st, h.streamHeader.data(), keys.stream.data()) != 0)
    throw DomainError("backup_bad_file", backupPath + " (damaged header)");

  const std::size_t full = h.chunkBytes + kAeadBytes;
  std::vector<unsigned char> cipher(full), plain(h.chunkBytes);
  for (long part = 1;; ++part) {
    std::size_t n = in.readUpTo(cipher.data(), full);
    if (n < kAeadBytes) throw DomainError("backup_bad_file", backupPath + " (cut short before its end)");
    unsigned long long plainLen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&st, plain.data(), &plainLen, &tag, cipher.data(), n,
                                                   part == 1 ? header.data() : nullptr,
                                                   part == 1 ? header.size() : 0) != 0)
      throw DomainError("backup_bad_file", backupPath + " (altered or damaged in part " + std::to_string(part) + ")");
    out.write(plain.data(), static_cast<std::size_t>(plainLen));
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      unsigned char extra = 0;
      if (in.readUpTo(&extra, 1) != 0) throw DomainError("backup_bad_file", backupPath + " (data after its end)");
      break;
    }
    if (n < full) throw DomainError("backup_bad_file", backupPath + " (cut short before its end)");
  }
  sodium_memzero(plain.data(), plain.size());
  sodium_memzero(&st, sizeof st);
}

}  // namespace salon::storage
