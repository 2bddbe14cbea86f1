// The four transports: file, tcp, serial and cups.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "app/core/error.h"
#include "devices/escpos/commands.h"
#include "devices/transports/fd_io.h"
#include "devices/transports/transport.h"

namespace salon::devices {
namespace {

class FileTransport : public Transport {
 public:
  FileTransport(const std::string& path, const Timeouts& t) : path_(path), t_(t) {
    fd_.reset(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC, 0600));
    if (!fd_) throw DomainError("printer_unreachable", path + ": " + std::strerror(errno));
  }
  void write(const std::string& bytes) override { writeAll(fd_.get(), bytes, t_.writeMs, path_); }

 private:
  std::string path_;
  Timeouts t_;
  Fd fd_;
};

// A transport on a descriptor that answers: a socket or a serial line.
class TalkingTransport : public Transport {
 public:
  void write(const std::string& bytes) override { writeAll(fd_.get(), bytes, t_.writeMs, name_); }
  std::optional<std::uint8_t> query(int n) override {
    drainInput(fd_.get());
    writeAll(fd_.get(), escpos::statusQuery(n), t_.writeMs, name_);
    return readByte(fd_.get(), t_.statusMs);
  }
  bool readsBack() const override { return true; }

 protected:
  std::string name_;
  Timeouts t_;
  Fd fd_;
};

class TcpTransport : public TalkingTransport {
 public:
  TcpTransport(const PrinterUri& u, const Timeouts& t) {
    name_ = u.target + ":" + std::to_string(u.port);
    t_ = t;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (::getaddrinfo(u.target.c_str(), std::to_string(u.port).c_str(), &hints, &res) != 0 || !res)
      throw DomainError("printer_unreachable", name_ + ": unknown host");
    std::string why = "no address";
    for (addrinfo* a = res; a && !fd_; a = a->ai_next) why = tryConnect(a);
    ::freeaddrinfo(res);
    if (!fd_) throw DomainError("printer_unreachable", name_ + ": " + why);
  }
  void finish() override {
    ::shutdown(fd_.get(), SHUT_WR);
    readByte(fd_.get(), 200);  // let the printer take the last bytes before closing
  }

 private:
  std::string tryConnect(const addrinfo* a) {
    Fd s(::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol));
    if (!s) return std::strerror(errno);
    if (::connect(s.get(), a->ai_addr, a->ai_addrlen) != 0) {
      if (errno != EINPROGRESS) return std::strerror(errno);
      pollfd p{s.get(), POLLOUT, 0};
      int r = ::poll(&p, 1, t_.connectMs);
      if (r == 0) return "connect timed out";
      int err = 0;
      socklen_t len = sizeof err;
      ::getsockopt(s.get(), SOL_SOCKET, SO_ERROR, &err, &len);
      if (r < 0 || err) return std::strerror(err ? err : errno);
    }
    int one = 1;
    ::setsockopt(s.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fd_ = std::move(s);
    return "";
  }
};

speed_t speedOf(int baud) {
  switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: throw DomainError("printer_uri_invalid", "baud=" + std::to_string(baud));
  }
}

class SerialTransport : public TalkingTransport {
 public:
  SerialTransport(const PrinterUri& u, const Timeouts& t) {
    name_ = u.target;
    t_ = t;
    fd_.reset(::open(u.target.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
    if (!fd_) throw DomainError("printer_unreachable", u.target + ": " + std::strerror(errno));
    termios tio{};
    if (::tcgetattr(fd_.get(), &tio) == 0) {
      ::cfmakeraw(&tio);
      tio.c_cflag |= CLOCAL | CREAD;
      ::cfsetispeed(&tio, speedOf(u.baud));
      ::cfsetospeed(&tio, speedOf(u.baud));
      ::tcsetattr(fd_.get(), TCSANOW, &tio);
    }
  }
  void finish() override { ::tcdrain(fd_.get()); }
};

// `lp -d QUEUE -o raw`: CUPS passes the bytes through untouched.
class CupsTransport : public Transport {
 public:
  CupsTransport(const std::string& queue, const Timeouts& t) : queue_(queue), t_(t) {}
  void write(const std::string& bytes) override { pending_ += bytes; }
  void finish() override {
    int in[2];
    if (::pipe2(in, O_CLOEXEC) != 0) throw DomainError("printer_write_failed", "pipe");
    pid_t pid = ::fork();
    if (pid < 0) throw DomainError("printer_write_failed", "fork");
    if (pid == 0) {
      ::dup2(in[0], 0);
      int devnull = ::open("/dev/null", O_WRONLY);
      if (devnull >= 0) ::dup2(devnull, 1);
      ::execlp("lp", "lp", "-d", queue_.c_str(), "-o", "raw", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    Fd w(in[1]);
    auto old = std::signal(SIGPIPE, SIG_IGN);
    std::string problem;
    try {
      writeAll(w.get(), pending_, t_.writeMs, "lp -d " + queue_);
    } catch (const DomainError& e) {
      problem = e.detail();
    }
    w.reset();
    std::signal(SIGPIPE, old);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!problem.empty()) throw DomainError("printer_write_failed", problem);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      throw DomainError("printer_write_failed",
                        "lp -d " + queue_ + " exited " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  }

 private:
  std::string queue_;
  Timeouts t_;
  std::string pending_;
};

}  // namespace

std::unique_ptr<Transport> openTransport(const PrinterUri& u, const Timeouts& t) {
  if (u.scheme == "file") return std::make_unique<FileTransport>(u.target, t);
  if (u.scheme == "tcp") return std::make_unique<TcpTransport>(u, t);
  if (u.scheme == "serial") return std::make_unique<SerialTransport>(u, t);
  if (u.scheme == "cups") return std::make_unique<CupsTransport>(u.target, t);
  throw DomainError("printer_uri_invalid", u.scheme);
}

}  // namespace salon::devices
