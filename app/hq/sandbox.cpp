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
#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

const std::string kPgBin = "/usr/lib/postgresql/15/bin/";

struct Sandbox {
  std::string dir, pgDir, log;
  bool root = ::geteuid() == 0;

  // The cluster lives in DIR/pg, or where DIR/pg.path says (see placeCluster).
  explicit Sandbox(std::string d) : dir(std::move(d)), pgDir(dir + "/pg"), log(dir + "/sandbox.log") {
    std::ifstream elsewhere(dir + "/pg.path");
    std::string path;
    if (std::getline(elsewhere, path) && !path.empty()) pgDir = path;
  }

  // PostgreSQL refuses to run as root: its programs run as `postgres` then.
  std::vector<std::string> asOwner(std::vector<std::string> argv) const {
    if (!root) return argv;
    argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    return argv;
  }

  void run(const std::vector<std::string>& argv, const std::string& what) const;
};

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A failure says why (the log's end); `postgres` must be able to reach the folder.
void Sandbox::run(const std::vector<std::string>& argv, const std::string& what) const {
  if (runProgram(asOwner(argv), log, "/") == 0) return;
  std::string text = readFile(log);
  if (text.size() > 1500) text = text.substr(text.size() - 1500);
  throw std::runtime_error(what + " failed (" + log + ")" +
                           (root ? "; the `postgres` user must be able to enter every folder above " + dir : "") +
                           ":\n" + text);
}

void giveToPostgres(const std::string& path) {
  struct passwd* pw = ::getpwnam("postgres");
  if (!pw) throw std::runtime_error("no `postgres` user: install postgresql-15");
  if (::chown(path.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("cannot chown " + path);
}

// As root, `postgres` runs the cluster and must reach its folder. DIR inside a
// private folder (a test's mkdtemp, 0700) is out of its reach: the cluster then
// goes to a folder of its own under /tmp, named in DIR/pg.path and removed on --stop.
void placeCluster(Sandbox& s) {
  if (!s.root) return;
  giveToPostgres(s.dir);
  if (runProgram(s.asOwner({"test", "-w", s.dir}), s.log, "/") == 0) return;
  char tmpl[] = "/tmp/salon-hq-pg.XXXXXX";
  if (!::mkdtemp(tmpl)) throw std::runtime_error("no folder for the cluster under /tmp");
  giveToPostgres(tmpl);
  s.pgDir = std::string(tmpl) + "/pg";
  std::ofstream(s.dir + "/pg.path") << s.pgDir << "\n";
}

// initdb, loopback-only settings, start; returns the cluster's port.
int startCluster(Sandbox& s) {
  placeCluster(s);
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
  pid_t pid = startDetached({thisProgram(), "serve", "--pg", pg, "--listen", listen, "--dir", s.dir + "/hq",
                             "--sms-outbox", s.dir + "/sms", "--clock-file", s.dir + "/clock.offset"},
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
  // The fake provider's shared secret for forwarding replies (POST /api/sms/v1/inbound).
  std::string inbound = newStoreToken();
  keepHqSetting(db, "sms.inbound_secret", inbound);
  nlohmann::ordered_json line = {{"hq", hq}, {"pg", pg}, {"code", e.code}, {"sms_outbox", dir + "/sms"},
                                 {"clock_file", dir + "/clock.offset"}, {"sms_inbound_secret", inbound}};
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
      runProgram(s.asOwner({kPgBin + "pg_ctl", "-D", s.pgDir, "-m", "fast", "-w", "-t", "60", "stop"}), s.log, "/") != 0)
    ++failures;
  if (failures == 0 && s.pgDir != dir + "/pg") runProgram({"rm", "-rf", s.pgDir.substr(0, s.pgDir.rfind('/'))}, s.log, "/");
  std::cout << nlohmann::json{{"stopped", failures == 0}}.dump() << std::endl;
  return failures == 0 ? 0 : 1;
}

}  // namespace salon::hq
