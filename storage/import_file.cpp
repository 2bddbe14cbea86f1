#include "storage/import_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "app/core/error.h"

namespace salon::storage {
namespace {

std::string tooLarge() { return "over " + std::to_string(kMaxImportBytes >> 20) + " MiB"; }

std::size_t readSome(int fd, char* buf, std::size_t n) {
  for (;;) {
    ssize_t got = ::read(fd, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) throw DomainError("file_unreadable", std::strerror(errno));
  }
}

}  // namespace

ImportFile::ImportFile(const std::string& path) : name_(path) {
  int from = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (from < 0) throw DomainError("file_unreadable", path);
  struct stat st {};
  if (::fstat(from, &st) != 0 || S_ISDIR(st.st_mode)) {
    if (from != STDIN_FILENO) ::close(from);
    throw DomainError("file_unreadable", path);
  }
  if (S_ISREG(st.st_mode)) {
    if (static_cast<std::uint64_t>(st.st_size) > kMaxImportBytes) {
      if (from != STDIN_FILENO) ::close(from);
      throw DomainError("import_too_large", path + ": " + tooLarge());
    }
    fd_ = from;
    size_ = static_cast<std::uint64_t>(st.st_size);
    return;
  }
  try {
    spool(from);
  } catch (...) {
    if (from != STDIN_FILENO) ::close(from);
    if (fd_ >= 0) ::close(fd_);
    throw;
  }
  if (from != STDIN_FILENO) ::close(from);
}

ImportFile::~ImportFile() {
  if (fd_ >= 0 && fd_ != STDIN_FILENO) ::close(fd_);
}

// A stream read once: kept in a temporary file (gone when closed) so that it
// can be read again for the check and the write.
void ImportFile::spool(int from) {
  std::FILE* tmp = std::tmpfile();
  if (!tmp) throw DomainError("file_unwritable", "temporary file");
  fd_ = ::dup(fileno(tmp));
  std::fclose(tmp);
  if (fd_ < 0) throw DomainError("file_unwritable", "temporary file");
  std::vector<char> buf(256u << 10);
  for (std::size_t n; (n = readSome(from, buf.data(), buf.size())) > 0;) {
    if (std::memchr(buf.data(), 0, n)) throw DomainError("encoding_unknown", name_ + ": NUL bytes (UTF-16 or binary?)");
    size_ += n;
    if (size_ > kMaxImportBytes) throw DomainError("import_too_large", name_ + ": " + tooLarge());
    for (std::size_t off = 0; off < n;) {
      ssize_t w = ::write(fd_, buf.data() + off, n - off);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) throw DomainError("file_unwritable", "temporary file");
      off += static_cast<std::size_t>(w);
    }
  }
  rewind();
}

std::size_t ImportFile::read(char* buf, std::size_t n) {
  std::size_t got = readSome(fd_, buf, n);
  read_ += got;
  // A file that grows while it is read is still held to the limit.
  if (read_ > kMaxImportBytes) throw DomainError("import_too_large", name_ + ": " + tooLarge());
  return got;
}

void ImportFile::rewind() {
  if (::lseek(fd_, 0, SEEK_SET) != 0) throw DomainError("file_unreadable", name_);
  read_ = 0;
}

}  // namespace salon::storage
