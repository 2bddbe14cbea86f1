#pragma once
// Blocking-with-deadline reads and writes on a non-blocking descriptor.
#include <cstdint>
#include <optional>
#include <string>

namespace salon::devices {

// Writes everything or throws DomainError(printer_write_failed) after `timeoutMs`
// without progress.
void writeAll(int fd, const std::string& bytes, int timeoutMs, const std::string& what);
// One byte within `timeoutMs`, or nullopt.
std::optional<std::uint8_t> readByte(int fd, int timeoutMs);
// Discards whatever is waiting to be read.
void drainInput(int fd);

// Owns a file descriptor.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd();
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  void reset(int fd = -1);

 private:
  int fd_;
};

}  // namespace salon::devices
