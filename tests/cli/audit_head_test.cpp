// The audit head leaves the box: a chain edited and recomputed verifies on its
// own, but not against the head remembered from paper or a backup.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sys/stat.h>

#include <fstream>
#include <vector>

#include "app/core/audit.h"
#include "storage/audit_store.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::runKiosk;
using salon::test::TempDir;

namespace {

std::string headOf(const std::string& verifyOut) {
  auto at = verifyOut.find("chain head: ");
  REQUIRE(at != std::string::npos);
  std::string line = verifyOut.substr(at + 12, verifyOut.find('\n', at) - at - 12);
  return line.replace(line.find(' '), 1, ":");
}

// What someone with write access to the file could do: rewrite history and
// recompute every hash after the edit.
void rewriteHistory(const std::string& db) {
  SQLite::Database raw(db, SQLite::OPEN_READWRITE);
  std::vector<salon::AuditEntry> all;
  SQLite::Statement q(raw, "SELECT seq, id, at, staff, action, record_type, record_id, sections, reason, outcome"
                           " FROM audit_log ORDER BY seq");
  while (q.executeStep()) {
    salon::AuditEntry e;
    e.id = q.getColumn(1).getString();
    e.at = q.getColumn(2).getInt64();
    e.staff = q.getColumn(3).getString();
    e.action = q.getColumn(4).getString();
    e.recordType = q.getColumn(5).getString();
    e.recordId = q.getColumn(6).getString();
    e.sections = q.getColumn(7).getString();
    e.reason = q.getColumn(8).getString();
    e.outcome = q.getColumn(9).getString();
    all.push_back(e);
  }
  REQUIRE(all.size() >= 2);
  all[1].staff = "nobody";
  raw.exec("DROP TRIGGER audit_log_no_delete");
  raw.exec("DELETE FROM audit_log");
  raw.exec("DELETE FROM audit_head");
  for (const auto& e : all) salon::storage::appendAudit(raw, e);
}

}  // namespace

TEST_CASE("verify --expect-head: a recomputed chain contradicts the remembered head") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  auto first = runKiosk("verify --db " + db, dir.path().string());
  REQUIRE(first.exitCode == 0);
  std::string head = headOf(first.out);
  auto same = runKiosk("verify --db " + db + " --expect-head " + head, dir.path().string());
  CHECK(same.exitCode == 0);
  CHECK(same.out.find("remembered head " + head + ": ok") != std::string::npos);

  rewriteHistory(db);
  auto alone = runKiosk("verify --db " + db, dir.path().string());
  CHECK(alone.exitCode == 0);  // on its own the forged chain is consistent
  auto remembered = runKiosk("verify --db " + db + " --expect-head " + head, dir.path().string());
  INFO(remembered.out << remembered.err);
  CHECK(remembered.exitCode == 1);
  CHECK(remembered.err.find("HEAD MISMATCH") != std::string::npos);
  CHECK(remembered.out.find("OK") == std::string::npos);

  auto bad = runKiosk("verify --db " + db + " --expect-head nonsense", dir.path().string(), "SALON_LANG=en");
  CHECK(bad.exitCode == 2);
  CHECK(bad.err.find("[bad_input]") != std::string::npos);
}

TEST_CASE("every backup leaves its audit head beside it, and a recomputed chain contradicts it") {
  TempDir dir;
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  const std::string env = "SALON_BACKUP_COST=min SALON_LANG=en SALON_PIN=9999 SALON_BACKUP_PASSWORD='open sesame 44'";
  auto backup = runKiosk("backup --db " + db + " --staff admin --to " + dir.file("b.skbak"), dir.path().string(), env);
  INFO(backup.out << backup.err);
  REQUIRE(backup.exitCode == 0);
  std::ifstream note(dir.file("b.skbak.head"));
  std::string head;
  REQUIRE(std::getline(note, head));
  CHECK(backup.out.find("chain head: " + head.substr(0, head.find(':')) + " ") != std::string::npos);
  struct stat st {};
  REQUIRE(::stat(dir.file("b.skbak.head").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(runKiosk("verify --db " + db + " --expect-head " + head, dir.path().string()).exitCode == 0);

  rewriteHistory(db);
  CHECK(runKiosk("verify --db " + db, dir.path().string()).exitCode == 0);
  auto remembered = runKiosk("verify --db " + db + " --expect-head " + head, dir.path().string());
  CHECK(remembered.exitCode == 1);
  CHECK(remembered.err.find("HEAD MISMATCH") != std::string::npos);
}
