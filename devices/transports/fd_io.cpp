#include "devices/transports/fd_io.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "app/core/error.h"

namespace salon::devices {

Fd::~Fd() { reset(); }

Fd& Fd::operator=(Fd&& o) noexcept {
  if (this != &o) {
    reset(o.fd_);
    o.fd_ = -1;
  }
  return *this;
}

void Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

void writeAll(int fd, const std::string& bytes, int timeoutMs, const std::string& what) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    // send() with MSG_NOSIGNAL: a printer closing the connection must not kill the kiosk.
    ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == ENOTSOCK) n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
      throw DomainError("printer_write_failed", what + ": " + std::strerror(errno));
    pollfd p{fd, POLLOUT, 0};
    int r = ::poll(&p, 1, timeoutMs);
    if (r == 0) throw DomainError("printer_write_failed", what + ": timed out");
    if (r < 0 && errno != EINTR) throw DomainError("printer_write_failed", what + ": " + std::strerror(errno));
    if (r > 0 && (p.revents & (POLLERR | POLLHUP)) && !(p.revents & POLLOUT))
      throw DomainError("printer_write_failed", what + ": connection closed");
  }
}

std::optional<std::uint8_t> readByte(int fd, int timeoutMs) {
  pollfd p{fd, POLLIN, 0};
  for (;;) {
    int r = ::poll(&p, 1, timeoutMs);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0 || !(p.revents & POLLIN)) return std::nullopt;
    unsigned char b;
    ssize_t n = ::read(fd, &b, 1);
    if (n == 1) return b;
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    return std::nullopt;
  }
}

void drainInput(int fd) {
  unsigned char buf[256];
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
    if (::read(fd, buf, sizeof buf) <= 0) break;
  }
}

}  // namespace salon::devices
