#include "storage/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
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
  if (fd_ < 0) return;
  if (::fsync(fd_) != 0) throw writeFailure(path_, errno);
  int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) throw writeFailure(path_, errno);
}

void TempFile::closeDescriptor() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void TempFile::commitAs(const std::string& target) {
  finish();
  if (::rename(path_.c_str(), target.c_str()) != 0) throw writeFailure(target, errno);
  kept_ = true;
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

void removeQuietly(const std::string& path) {
  if (!path.empty()) ::unlink(path.c_str());
}

}  // namespace salon::storage
