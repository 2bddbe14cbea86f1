#pragma once
// The kiosk's backup password, set on the settings screen. It lives in
// `<datadir>/backup.key` (mode 0600), not in the database: a backup must not
// carry the password that opens it. The file holds the password sealed with a
// key derived from this machine's /etc/machine-id (a copy of the data directory
// taken elsewhere does not open it); a plaintext file from an older kiosk is
// still read, and sealed when the password is next saved.
#include <optional>
#include <string>

namespace salon::storage {

std::string backupKeyPath(const std::string& dataDir);
// The saved password, or nothing when none was set.
std::optional<std::string> loadBackupPassword(const std::string& dataDir);
// Replaces the saved password atomically (0600). DomainError backup_password_weak
// (fewer than 8 characters), backup_write_failed.
void saveBackupPassword(const std::string& dataDir, const std::string& password);

// The same sealing for other keys kept beside the database (card.key):
// "SKKEY1:" and base64 of nonce | secretbox, under this machine's key.
std::string sealForThisMachine(const std::string& secret);
// DomainError("backup_key_failed") when sealed elsewhere or damaged.
std::string unsealOnThisMachine(const std::string& text);

}  // namespace salon::storage
