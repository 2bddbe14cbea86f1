// Importing members with balances from a legacy GB18030 export, as the owner
// runs it: `salon-kiosk customers import` on a fresh demo database. Prints the
// wall time, the CPU time and the peak memory (getrusage of the import process)
// against the goals (≤ 30 s, ≤ 300 MB for 100,000 members).
//   member_import_bench                      10,000 members (CI smoke run)
//   member_import_bench --members 100000     the full size
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace {

struct Run {
  int status = -1;
  double wall = 0, user = 0, sys = 0;
  long maxRssKb = 0;
};

// The command's own figures: wait4 gives the child's rusage, not ours.
Run run(const std::vector<std::string>& argv, const std::string& out) {
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    FILE* f = std::freopen(out.c_str(), "w", stdout);
    (void)f;
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  Run r;
  struct rusage ru {};
  wait4(pid, &r.status, 0, &ru);
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.user = static_cast<double>(ru.ru_utime.tv_sec) + static_cast<double>(ru.ru_utime.tv_usec) / 1e6;
  r.sys = static_cast<double>(ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_stime.tv_usec) / 1e6;
  r.maxRssKb = ru.ru_maxrss;
  return r;
}

bool ok(const Run& r) { return WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0; }

}  // namespace

int main(int argc, char** argv) {
  long members = 10000;
  for (int i = 1; i + 1 < argc; i += 2)
    if (!std::strcmp(argv[i], "--members")) members = std::atol(argv[i + 1]);
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("member_import_bench." + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string csv = (dir / "members.csv").string(), db = (dir / "salon.db").string(), kiosk = SALON_KIOSK_BIN;
  std::string out = (dir / "out.txt").string();
  if (!ok(run({"python3", std::string(SALON_SOURCE_DIR) + "/bench/member_import_gen.py", std::to_string(members), csv},
              out)) ||
      !ok(run({kiosk, "demo-data", "--db", db}, out))) {
    std::fprintf(stderr, "setup failed\n");
    return 2;
  }
  setenv("SALON_PIN", "1234", 1);
  Run dry = run({kiosk, "customers", "import", csv, "--db", db, "--staff", "mgr", "--map-tiers",
                 "银卡会员=silver,金卡会员=gold", "--dry-run", "--json"}, out);
  Run imp = run({kiosk, "customers", "import", csv, "--db", db, "--staff", "mgr", "--map-tiers",
                 "银卡会员=silver,金卡会员=gold", "--json"}, out);
  std::printf("members: %ld (%.1f MB file)\n", members, static_cast<double>(fs::file_size(csv)) / 1e6);
  for (const auto& [name, r] : {std::pair<const char*, Run>{"preview (--dry-run)", dry}, {"import", imp}})
    std::printf("%-20s %s  wall %.1f s  cpu %.1f s (user %.1f, sys %.1f)  peak RSS %.0f MB\n", name,
                ok(r) ? "ok    " : "FAILED", r.wall, r.user + r.sys, r.user, r.sys, static_cast<double>(r.maxRssKb) / 1024);
  bool met = ok(dry) && ok(imp) && imp.maxRssKb <= 300 * 1024 && dry.maxRssKb <= 300 * 1024 &&
             (members < 100000 || imp.wall <= 30);
  std::printf("goal (100,000 members: <= 30 s, <= 300 MB): %s\n", met ? "met" : "NOT met");
  fs::remove_all(dir);
  return met ? 0 : 1;
}
