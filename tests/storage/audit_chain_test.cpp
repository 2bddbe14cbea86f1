#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/database.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

void appendSome(Database& db, int n) {
  SqliteAuditLog log(db);
  for (int i = 0; i < n; ++i)
    log.append(auditOf(1000 + i, "cash", "customer.view", "customer", "F" + std::to_string(i), "check-in"));
}

// Hand-tampering, as someone with the sqlite3 shell would do it: drop the
// append-only triggers first.
void tamper(Database& db, const std::string& sql) {
  db.sql().exec("DROP TRIGGER IF EXISTS audit_log_no_update");
  db.sql().exec("DROP TRIGGER IF EXISTS audit_log_no_delete");
  db.sql().exec(sql);
}

}  // namespace

TEST_CASE("appended entries form an unbroken chain") {
  TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  appendSome(*db, 10);
  ChainReport r = verifyAuditChain(db->sql());
  CHECK(r.ok);
  CHECK(r.entries == 10);
  CHECK(r.headSeq == 10);
  CHECK(r.headHash.size() == 64);
}

TEST_CASE("the audit log refuses UPDATE and DELETE") {
  TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  appendSome(*db, 2);
  CHECK_THROWS_AS(db->sql().exec("UPDATE audit_log SET reason = 'x' WHERE seq = 1"), SQLite::Exception);
  CHECK_THROWS_AS(db->sql().exec("DELETE FROM audit_log WHERE seq = 2"), SQLite::Exception);
  CHECK(verifyAuditChain(db->sql()).ok);
}

TEST_CASE("verify names the first broken entry for each kind of tampering") {
  TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  appendSome(*db, 10);

  SECTION("an edited row") {
    tamper(*db, "UPDATE audit_log SET staff = 'mgr' WHERE seq = 4");
    ChainReport r = verifyAuditChain(db->sql());
    CHECK_FALSE(r.ok);
    CHECK(r.firstBrokenSeq == 4);
    CHECK(r.problem.find("edited") != std::string::npos);
  }
  SECTION("an edited row with its own hash recomputed still breaks the next link") {
    AuditEntry e;
    SQLite::Statement q(db->sql(), "SELECT id, at, staff, action, record_type, record_id, sections, reason,"
                                   " outcome, prev_hash FROM audit_log WHERE seq = 6");
    REQUIRE(q.executeStep());
    e.seq = 6;
    e.id = q.getColumn(0).getString();
    e.at = q.getColumn(1).getInt64();
    e.staff = "mgr";
    e.action = q.getColumn(3).getString();
    e.recordType = q.getColumn(4).getString();
    e.recordId = q.getColumn(5).getString();
    e.sections = q.getColumn(6).getString();
    e.reason = q.getColumn(7).getString();
    e.outcome = q.getColumn(8).getString();
    e.prevHash = q.getColumn(9).getString();
    q.reset();
    tamper(*db, "UPDATE audit_log SET staff = 'mgr', hash = '" + auditHash(e) + "' WHERE seq = 6");
    ChainReport r = verifyAuditChain(db->sql());
    CHECK_FALSE(r.ok);
    CHECK(r.firstBrokenSeq == 7);
  }
  SECTION("a removed row in the middle") {
    tamper(*db, "DELETE FROM audit_log WHERE seq = 5");
    ChainReport r = verifyAuditChain(db->sql());
    CHECK_FALSE(r.ok);
    CHECK(r.firstBrokenSeq == 6);
    CHECK(r.problem.find("missing") != std::string::npos);
  }
  SECTION("a removed row at the end") {
    tamper(*db, "DELETE FROM audit_log WHERE seq = 10");
    ChainReport r = verifyAuditChain(db->sql());
    CHECK_FALSE(r.ok);
    CHECK(r.firstBrokenSeq == 10);
  }
  SECTION("a row inserted by hand") {
    tamper(*db, "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3; UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103");
    tamper(*db, "INSERT INTO audit_log SELECT 3, 'forged-id', at, staff, action, record_type, record_id,"
                " sections, reason, outcome, prev_hash, hash FROM audit_log WHERE seq = 2");
    ChainReport r = verifyAuditChain(db->sql());
    CHECK_FALSE(r.ok);
    CHECK(r.firstBrokenSeq == 3);
  }
}

TEST_CASE("an audit entry commits with its business action or not at all") {
  TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  CHECK_THROWS(db->write([](SQLite::Database& s) {
    appendAudit(s, auditOf(1, "cash", "sale.settle", "sale", "x"));
    appendOutbox(s, {"id-1", "sale.settled", "{}", 1});
    throw DomainError("bad_input", "line 2");
  }));
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log").getInt() == 0);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM outbox").getInt() == 0);
  CHECK(verifyAuditChain(db->sql()).ok);
}
