#pragma once
// The fault tests' kill -9: starts `command` under /bin/sh, kills it with SIGKILL
// after `delay`; true when it was still running (so the kill landed).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

namespace salon::test {

inline bool killAfter(const std::string& command, std::chrono::microseconds delay) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", ("exec " + command + " >/dev/null 2>&1 </dev/null").c_str(), nullptr);
    ::_exit(127);
  }
  std::this_thread::sleep_for(delay);
  int status = 0;
  bool running = ::waitpid(pid, &status, WNOHANG) == 0;
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return running && WIFSIGNALED(status);
}

}  // namespace salon::test
