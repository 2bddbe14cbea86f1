#include "app/hq/sandbox.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <sstream>
#include <stdexcept>

#include "app/hq/child_process.h"
#include "app/hq/hq_schema.h"
#include "app/hq/store_roll.h"

namespace salon::hq {
namespace {

const std::string kPgBin = "/usr/lib/postgresql/15/bin/";

struct Sandbox {
  std::string dir, pgDir, log;
  bool root = ::geteuid() == 0;

  explicit Sandbox(std::string d) : dir(std::move(d)), pgDir(dir + "/pg"), log(dir + "/sandbox.log") {}

  // PostgreSQL refuses to run as root: its programs run as `postgres` then.
  std::vector<std::string> asOwner(std::vector<std::string> argv) const {
    if (!root) return argv;
    argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    return argv;
  }

  void run(const std::vector<std::string>& argv, const std::string& what) const {
    if (runProgram(asOwner(argv), log, dir) != 0)
      throw std::runtime_error(what + " failed: see " + log);
  }
};

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void giveToPostgres(const std::string& path) {
  struct passwd* pw = ::getpwnam("postgres");
  if (!pw) throw std::runtime_error("no `postgres` user: install postgresql-15");
  if (::chown(path.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("cannot chown " + path);
}

// initdb, loopback-only settings, start; returns the cluster's port.
int startCluster(const Sandbox& s) {
  if (s.root) giveToPostgres(s.dir);
  s.run({kPgBin + "initdb", "-D", s.pgDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"},
        "initdb");
  int port = freeLoopbackPort();
  std::ofstream conf(s.pgDir + "/postgresql.conf", std::ios::app);
  conf << "\n# salon-hq sandbox: loopback only, no unix socket\nlisten_addresses = '127.0.0.1'\nport = " << port
       << "\nunix_socket_directories = ''\nmax_connections = 300\nshared_buffers = 128MB\n";
  conf.close();
  s.run({kPgBin + "pg_ctl", "-D", s.pgDir, "-l", s.pgDir + "/server.log", "-w", "-t", "60", "start"}, "pg_ctl start");
  std::ofstream(s.dir + "/pg.port") << port << "\n";
  return port;
}

std::string makeDatabase(int port) {
  std::string base = "postgresql://postgres@127.0.0.1:" + std::to_string(port) + "/";
  {
    pqxx::connection admin(base + "postgres");
    pqxx::nontransaction n(admin);
    n.exec("CREATE DATABASE salonhq");
  }
  pqxx::connection db(base + "salonhq");
  migrate(db);
  return base + "salonhq";
}

std::string startServe(const Sandbox& s, const std::string& pg) {
  int port = freeLoopbackPort();
  std::string listen = "127.0.0.1:" + std::to_string(port);
  pid_t pid = startDetached({thisProgram(), "serve", "--pg", pg, "--listen", listen, "--dir", s.dir + "/hq"},
                            s.dir + "/serve.log", s.dir);
  std::ofstream(s.dir + "/serve.pid") << pid << "\n";
  if (!waitForPort(port, 30000, pid))
    throw std::runtime_error("salon-hq serve did not start:\n" + readFile(s.dir + "/serve.log"));
  return "https://" + listen;
}

std::string absolute(const std::string& dir) {
  char buf[PATH_MAX];
  if (!::realpath(dir.c_str(), buf)) throw std::runtime_error("no such folder: " + dir);
  return buf;
}

}  // namespace

int startSandbox(const std::string& folder) {
  ::mkdir(folder.c_str(), 0700);
  std::string dir = absolute(folder);
  Sandbox s(dir);
  if (::access((s.pgDir + "/PG_VERSION").c_str(), F_OK) == 0)
    throw std::runtime_error(dir + " already holds a sandbox: stop it and use a new folder");
  int port = startCluster(s);
  std::string pg = makeDatabase(port);
  std::string hq = startServe(s, pg);
  pqxx::connection db(pg);
  Enrolment e = enrolStore(db, "S01", "一店");
  nlohmann::ordered_json line = {{"hq", hq}, {"pg", pg}, {"code", e.code}};
  std::ofstream(dir + "/sandbox.json") << line.dump() << "\n";
  std::cout << line.dump() << std::endl;
  return 0;
}

int stopSandbox(const std::string& folder) {
  std::string dir = absolute(folder);
  Sandbox s(dir);
  int failures = 0;
  std::string pid = readFile(dir + "/serve.pid");
  if (!pid.empty() && !endProcess(static_cast<pid_t>(std::stol(pid)), 10000)) ++failures;
  if (::access((s.pgDir + "/postmaster.pid").c_str(), F_OK) == 0 &&
      runProgram(s.asOwner({kPgBin + "pg_ctl", "-D", s.pgDir, "-m", "fast", "-w", "-t", "60", "stop"}), s.log, dir) != 0)
    ++failures;
  std::cout << nlohmann::json{{"stopped", failures == 0}}.dump() << std::endl;
  return failures == 0 ? 0 : 1;
}

}  // namespace salon::hq
