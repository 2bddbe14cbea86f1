#pragma once
// The encrypted backup file format (version 1):
//
//   magic "SalonKioskBackup" (16 bytes) | format version u32 | plaintext chunk size u32 |
//   Argon2id opslimit u64 | memlimit u64 | salt (16) | key check (32) |
//   secretstream header (24)                                  -- all little-endian, 112 bytes
//   then the snapshot in chunks, crypto_secretstream_xchacha20poly1305, each chunk
//   `chunk size` bytes of plaintext + 17 bytes; the last one (possibly shorter or
//   empty) is tagged FINAL. The header is the additional data of the first chunk.
//
// The password gives a master key through Argon2id (salt and costs from the header);
// two subkeys come from it: the stream key and a key check stored in the header, so
// a wrong password is told apart from a file that was altered or cut short.
#include <cstddef>
#include <string>

#include "storage/private_file.h"

namespace salon::storage {

struct BackupCost {
  unsigned long long opsLimit;
  std::size_t memLimit;
  static BackupCost standard();  // Argon2id "moderate": a lost USB stick resists guessing
  static BackupCost minimum();   // tests
};

// SALON_BACKUP_COST=min for tests, otherwise standard.
BackupCost backupCostFromEnvironment();

// A password a new backup may use (8 characters or more).
bool isAcceptableBackupPassword(const std::string& password);

// Encrypts `size` bytes at `plain` into `out` (header first). The snapshot is
// staged in memory, so no plaintext copy of the store ever reaches the disk.
void encryptBackup(const unsigned char* plain, std::size_t size, TempFile& out, const std::string& password,
                   BackupCost cost);
// The same for a whole file (tests: a hand-made plaintext).
void encryptBackup(const std::string& plainPath, TempFile& out, const std::string& password, BackupCost cost);

// Decrypts `backupPath` into `out`. DomainError: backup_unreadable, backup_bad_file
// (not a backup, altered, truncated), backup_too_new, backup_wrong_password.
void decryptBackup(const std::string& backupPath, TempFile& out, const std::string& password);

}  // namespace salon::storage
