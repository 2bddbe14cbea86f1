#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "app/core/error.h"
#include "devices/readers/card_reader.h"

namespace salon::devices {

namespace {
speed_t readerSpeed(int baud) {
  switch (baud) {
    case 4800: return B4800;
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: throw DomainError("reader_open_failed", "baud " + std::to_string(baud));
  }
}
}  // namespace

SerialReader::SerialReader(const std::string& path, int baud) {
  fd_.reset(::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
  if (!fd_) throw DomainError("reader_open_failed", path + ": " + std::strerror(errno));
  termios tio{};
  if (::tcgetattr(fd_.get(), &tio) != 0) throw DomainError("reader_open_failed", path + ": not a serial line");
  ::cfmakeraw(&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  ::cfsetispeed(&tio, readerSpeed(baud));
  ::cfsetospeed(&tio, readerSpeed(baud));
  if (::tcsetattr(fd_.get(), TCSANOW, &tio) != 0) throw DomainError("reader_open_failed", path + ": termios");
}

std::optional<std::string> SerialReader::next(int timeoutMs) {
  for (;;) {
    auto end = buffer_.find_first_of("\r\n");
    if (end != std::string::npos) {
      std::string code = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      if (code.empty()) continue;  // the LF of a CR LF
      return code;
    }
    if (buffer_.size() > 4096) buffer_.clear();  // line noise without a CR
    pollfd p{fd_.get(), POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0 || !(p.revents & POLLIN)) return std::nullopt;
    char buf[256];
    ssize_t n = ::read(fd_.get(), buf, sizeof buf);
    if (n <= 0) return std::nullopt;
    buffer_.append(buf, static_cast<std::size_t>(n));
  }
}

}  // namespace salon::devices
