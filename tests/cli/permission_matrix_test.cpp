// Every CLI command that shows personal data or money, run by every role: who
// may is audited under their own code, who may not is refused and audited, and
// no one gets anything without a PIN.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

struct Person {
  const char* code;
  const char* pin;
};
const std::vector<Person> kEveryRole = {{"admin", "9999"}, {"mgr", "1234"}, {"sup", "2345"},
                                        {"cash", "3456"}, {"beau", "4567"}, {"fin", "5678"}};

struct Command {
  std::string args;    // after the subcommand words, before --staff
  std::string action;  // the audit action a permitted run leaves
  std::string permission;
  std::vector<std::string> allowed;
};

int count(const std::string& db, const std::string& sql) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getInt();
}

}  // namespace

TEST_CASE("permission matrix: scan and print commands x every role, each run audited") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  const std::string sale = "00000000-0000-4000-8000-000000000000";
  const std::string job = "no-such-job";
  const std::vector<Command> commands = {
      {"scan M99999999", "", "customer.view", {"mgr", "sup", "cash", "beau"}},
      {"print receipt " + sale + " --printer file:" + dir.file("r.bin"), "print.receipt", "sale.settle",
       {"mgr", "sup", "cash"}},
      {"print jobs", "print.jobs_view", "sale.settle", {"mgr", "sup", "cash"}},
      {"print retry " + job, "print.retry", "sale.settle", {"mgr", "sup", "cash"}},
      {"print cancel " + job, "print.cancel", "sale.settle", {"mgr", "sup", "cash"}},
      {"print reprint " + job, "print.reprint", "sale.settle", {"mgr", "sup", "cash"}},
  };
  for (const Command& c : commands) {
    // No staff at all: refused before anything is read.
    auto none = runKiosk(c.args + " --db " + db, dir.path().string(), "SALON_LANG=en");
    INFO(c.args);
    CHECK(none.exitCode != 0);
    CHECK(none.out.empty());
    for (const Person& p : kEveryRole) {
      bool may = std::find(c.allowed.begin(), c.allowed.end(), p.code) != c.allowed.end();
      INFO(c.args << " as " << p.code);
      auto wrong = runKiosk(c.args + " --db " + db + " --staff " + p.code, dir.path().string(),
                            "SALON_LANG=en SALON_PIN=0000");
      CHECK(wrong.err.find("[pin_wrong]") != std::string::npos);
      auto r = runKiosk(c.args + " --db " + db + " --staff " + p.code, dir.path().string(),
                        std::string("SALON_LANG=en SALON_PIN=") + p.pin);
      int denied = count(db, "SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = '" +
                                 std::string(p.code) + "' AND reason = '" + c.permission + "'");
      if (may) {
        CHECK(r.err.find("[permission_denied]") == std::string::npos);
        if (!c.action.empty())
          CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = '" + c.action + "' AND staff = '" +
                              p.code + "'") >= 1);
      } else {
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("[permission_denied]") != std::string::npos);
        CHECK(r.out.empty());
        CHECK(denied >= 1);
      }
    }
  }
}

TEST_CASE("wrong PINs on restore count toward the live store's lockout, which grows on repeated locks") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  const std::string env = "SALON_BACKUP_COST=min SALON_LANG=en SALON_BACKUP_PASSWORD='open sesame 42' ";
  std::string file = dir.file("b.skbak");
  REQUIRE(runKiosk("backup --db " + db + " --to " + file + " --staff admin", dir.path().string(), env + "SALON_PIN=9999")
              .exitCode == 0);
  std::vector<std::string> seen;
  for (int i = 0; i < 5; ++i) {
    auto r = runKiosk("restore --from " + file + " --db " + db + " --force --staff admin", dir.path().string(),
                      env + "SALON_PIN=0000");
    seen.push_back(r.err);
  }
  CHECK(seen[0].find("4 left") != std::string::npos);
  CHECK(seen[3].find("1 left") != std::string::npos);
  CHECK(seen[4].find("[pin_locked]") != std::string::npos);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'staff.pin_locked' AND staff = 'admin'") == 1);
  // Even the right PIN is refused while locked.
  auto locked = runKiosk("restore --from " + file + " --db " + db + " --force --staff admin", dir.path().string(),
                         env + "SALON_PIN=9999");
  CHECK(locked.err.find("[pin_locked]") != std::string::npos);
}

TEST_CASE("a cashier typing a wrong manager PIN is recorded as typed by the cashier") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  auto r = runKiosk("void --sale 00000000-0000-4000-8000-000000000000 --db " + db + " --staff cash --manager mgr --reason x",
                    dir.path().string(), "SALON_LANG=en SALON_PIN=3456 SALON_MANAGER_PIN=0000");
  INFO(r.err);
  CHECK(r.err.find("pin_wrong") != std::string::npos);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE action = 'staff.pin_wrong' AND staff = 'mgr'"
                  " AND reason = 'typed by cash'") == 1);
}
