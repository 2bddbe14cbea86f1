#include "storage/backup_password.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/error.h"
#include "storage/backup_file.h"
#include "storage/private_file.h"

namespace salon::storage {

std::string backupKeyPath(const std::string& dataDir) { return (std::filesystem::path(dataDir) / "backup.key").string(); }

std::optional<std::string> loadBackupPassword(const std::string& dataDir) {
  std::ifstream in(backupKeyPath(dataDir), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string password = ss.str();
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
  if (password.empty()) return std::nullopt;
  return password;
}

void saveBackupPassword(const std::string& dataDir, const std::string& password) {
  if (!isAcceptableBackupPassword(password)) throw DomainError("backup_password_weak", "8");
  if (password.find('\n') != std::string::npos) throw DomainError("bad_input", "backup password");
  makePrivateDirectory(dataDir);
  TempFile file(dataDir, ".backup.key-");
  file.write(password.data(), password.size());
  file.commitAs(backupKeyPath(dataDir));
}

}  // namespace salon::storage
