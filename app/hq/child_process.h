#pragma once
// Starting and watching other programs (initdb, pg_ctl, a background serve) for
// the sandbox: plain fork/exec, output to a log file, never to our own stdout
// (a test reading our JSON line would otherwise wait for the background server).
#include <sys/types.h>

#include <string>
#include <vector>

namespace salon::hq {

// Runs and waits; stdout and stderr appended to `logPath`. Returns the exit code.
int runProgram(const std::vector<std::string>& argv, const std::string& logPath, const std::string& workDir);
// Starts a program in its own session, detached; returns its pid.
pid_t startDetached(const std::vector<std::string>& argv, const std::string& logPath, const std::string& workDir);
bool isRunning(pid_t pid);
// Sends SIGTERM, then SIGKILL after `graceMs`; true when it ended.
bool endProcess(pid_t pid, int graceMs);
// A TCP port on 127.0.0.1 nobody listens on right now.
int freeLoopbackPort();
// Waits until something accepts on 127.0.0.1:port, while `pid` (if > 0) lives.
bool waitForPort(int port, int timeoutMs, pid_t pid);
// The path of this program (to start `salon-hq serve` from `salon-hq sandbox`).
std::string thisProgram();

}  // namespace salon::hq
