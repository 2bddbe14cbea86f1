#pragma once
// A pair of linked pseudo-terminals made by socat: what one end writes, the
// other reads, as through a null-modem cable. Stopped (by its pid) at scope end.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace salon::test {

class PtyPair {
 public:
  explicit PtyPair(const std::string& dir) : a_(dir + "/ttyA"), b_(dir + "/ttyB") {
    pid_ = ::fork();
    if (pid_ == 0) {
      std::string l1 = "pty,raw,echo=0,link=" + a_, l2 = "pty,raw,echo=0,link=" + b_;
      ::execlp("socat", "socat", l1.c_str(), l2.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 200 && !(std::filesystem::exists(a_) && std::filesystem::exists(b_)); ++i) ::usleep(10000);
    if (!std::filesystem::exists(a_) || !std::filesystem::exists(b_)) throw std::runtime_error("socat did not start");
  }
  ~PtyPair() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  PtyPair(const PtyPair&) = delete;
  PtyPair& operator=(const PtyPair&) = delete;
  const std::string& a() const { return a_; }
  const std::string& b() const { return b_; }

 private:
  std::string a_, b_;
  pid_t pid_ = -1;
};

}  // namespace salon::test
