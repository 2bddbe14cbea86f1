#include "storage/private_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "app/core/error.h"

namespace salon::storage {
namespace {

DomainError writeFailure(const std::string& what, int err) {
  if (err == ENOSPC || err == EDQUOT) return DomainError("disk_full", what);
  return DomainError("backup_write_failed", what + ": " + std::strerror(err));
}

}  // namespace

TempFile::TempFile(const std::string& dir, const std::string& prefix) {
  std::string pattern = (std::filesystem::path(dir) / (prefix + "XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  fd_ = ::mkstemp(name.data());  // mode 0600, O_EXCL
  if (fd_ < 0) throw writeFailure(dir, errno);
  path_ = name.data();
  // Held while the file lives: removeStaleTemporaries leaves a locked file alone.
  ::flock(fd_, LOCK_EX | LOCK_NB);
}

TempFile::~TempFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!kept_) removeQuietly(path_);
}

void TempFile::write(const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd_, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw writeFailure(path_, errno);
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

void TempFile::finish() {
  if (fd_ >= 0 && ::fsync(fd_) != 0) throw writeFailure(path_, errno);
}

void TempFile::closeDescriptor() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void TempFile::commitAs(const std::string& target) {
  finish();
  // Renamed while still open (and locked), so no cleanup can take it in between.
  if (::rename(path_.c_str(), target.c_str()) != 0) throw writeFailure(target, errno);
  kept_ = true;
  closeDescriptor();
  syncDirectory(directoryOf(target));
}

std::string directoryOf(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

void makePrivateDirectory(const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return;  // someone else's folder keeps its mode
  std::filesystem::create_directories(dir, ec);
  if (ec) throw DomainError("backup_write_failed", dir + ": " + ec.message());
  ::chmod(dir.c_str(), 0700);
}

void syncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

namespace {

// ".NAME.plain-XXXXXX", ".NAME.part-XXXXXX", ".NAME.restore-XXXXXX" (mkstemp's six
// characters), optionally followed by SQLite's "-wal", "-shm" or "-journal".
bool isTemporaryName(const std::string& name, std::string& base) {
  if (name.size() < 2 || name[0] != '.') return false;
  base = name;
  for (const char* side : {"-wal", "-shm", "-journal"}) {
    std::string s = side;
    if (base.size() > s.size() && base.compare(base.size() - s.size(), s.size(), s) == 0) {
      base.resize(base.size() - s.size());
      break;
    }
  }
  for (const char* kind : {".plain-", ".part-", ".restore-"}) {
    std::string k = kind;
    if (base.size() < k.size() + 6 + 1) continue;
    if (base.compare(base.size() - 6 - k.size(), k.size(), k) != 0) continue;
    bool six = true;
    for (std::size_t i = base.size() - 6; i < base.size(); ++i) six = six && std::isalnum(static_cast<unsigned char>(base[i]));
    if (six) return true;
  }
  return false;
}

// True when no live TempFile holds the file (it was left by a killed run).
bool unlocked(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return free;
}

}  // namespace

int removeStaleTemporaries(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> found;  // path, base path
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string base;
    std::string name = it->path().filename().string();
    if (it->is_regular_file(ec) && isTemporaryName(name, base)) found.push_back({it->path().string(), (fs::path(dir) / base).string()});
  }
  int removed = 0;
  // The files themselves first (only when no one holds them), then sidecars whose file is gone.
  for (const auto& [path, base] : found)
    if (path == base && unlocked(path) && ::unlink(path.c_str()) == 0) ++removed;
  for (const auto& [path, base] : found)
    if (path != base && !fs::exists(base, ec) && ::unlink(path.c_str()) == 0) ++removed;
  return removed;
}

void removeQuietly(const std::string& path) {
  if (!path.empty()) ::unlink(path.c_str());
}

std::optional<std::string> readKeyText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace salon::storage
