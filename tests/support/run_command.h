#pragma once
// Runs the real salon-kiosk binary (or any shell command) and captures its output.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace salon::test {

// A shell prefix that caps the command's address space at ~300 MB, so a test can
// show an input is streamed. AddressSanitizer cannot start under `ulimit -v` (it
// reserves terabytes of shadow), so the sanitizer build runs without the cap.
#if defined(__SANITIZE_ADDRESS__)
inline const std::string kMemoryLimit = "";
#else
inline const std::string kMemoryLimit = "ulimit -v 300000; ";
#endif

struct CommandResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

inline std::string readWhole(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// `shellCommand` runs under /bin/sh; stderr is captured through a temp file.
inline CommandResult runShell(const std::string& shellCommand, const std::string& scratchDir) {
  std::string errFile = scratchDir + "/stderr.txt";
  std::string full = shellCommand + " 2>" + errFile;
  CommandResult r;
  FILE* p = ::popen(full.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = readWhole(errFile);
  return r;
}

// Runs salon-kiosk with `args` (already shell-quoted) and optional environment prefix.
inline CommandResult runKiosk(const std::string& args, const std::string& scratchDir,
                              const std::string& env = "") {
  return runShell(env + " " + SALON_KIOSK_BIN + " " + args + " </dev/null", scratchDir);
}

}  // namespace salon::test
