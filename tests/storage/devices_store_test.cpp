// Member cards and print jobs in a real SQLite file.
#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <filesystem>

#include "app/core/error.h"
#include "app/core/member_card.h"
#include "storage/audit_store.h"
#include "storage/database.h"
#include "storage/member_card_store.h"
#include "storage/print_job_store.h"
#include "storage/verify.h"
#include "support/customer_rows.h"
#include "support/temp_dir.h"

using namespace salon;
using salon::test::codeOf;
using namespace salon::storage;
using salon::test::TempDir;

namespace {

std::unique_ptr<Database> storeWithMember(const std::string& path) {
  auto db = Database::open(path);
  db->write([](SQLite::Database& s) {
    s.exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('sup', '王主管', 'supervisor', 'x', 0)");
    s.exec("INSERT INTO customers (file_no, member_no, name, phone, status, created_at, created_by)"
           " VALUES ('S01-2026-000001', 'M00000001', '李美华', '13800138000', 'in_force', 0, 'sup')");
    salon::test::syncCustomerCounters(s);
  });
  return db;
}

const Staff kSupervisor{"sup", "王主管", Role::Supervisor, "前台", true};

}  // namespace

TEST_CASE("each store gets its own card key at set-up, and it travels with its key file") {
  TempDir dir;
  auto a = storeWithMember(dir.file("a.db"));
  auto b = Database::open(dir.file("b.db"));
  SqliteMemberCardStore ka(*a), kb(*b);
  CHECK(ka.signingSeed().size() == 32);
  CHECK(ka.signingSeed() != kb.signingSeed());
  std::string seed = ka.signingSeed();
  a.reset();
  std::filesystem::copy_file(dir.file("a.db"), dir.file("restored.db"));
  // The database alone does not carry the key (hardening: it lives in a.db.card.key).
  CHECK(codeOf([&] { auto copy = Database::open(dir.file("restored.db"));
                     SqliteMemberCardStore(*copy).signingSeed(); }) == "card_key_missing");
  std::filesystem::copy_file(dir.file("a.db.card.key"), dir.file("restored.db.card.key"));
  auto restored = Database::open(dir.file("restored.db"));
  CHECK(SqliteMemberCardStore(*restored).signingSeed() == seed);
  // The key cannot be replaced in place.
  CHECK(codeOf([&] { restored->write([](SQLite::Database& s) { s.exec("UPDATE member_card_key SET seed = zeroblob(32)"); }); }) != "ok");
}

TEST_CASE("reissue bumps the version in one audited transaction, verify checks versions against the log") {
  TempDir dir;
  auto db = storeWithMember(dir.file("s.db"));
  SqliteMemberCardStore cards(*db);
  SqliteAuditLog audit(*db);
  ManualClock clock(1'795'300'000'000);
  MemberCards service(cards, audit, clock);
  auto first = service.reprint(kSupervisor, "M00000001", "new member");
  CHECK(first.event == CardEvent::Issue);
  CHECK(first.holder.cardVersion == 1);
  auto second = service.reissue(kSupervisor, "M00000001", "lost card");
  CHECK(second.holder.cardVersion == 2);
  CHECK(cards.holder("M00000001")->cardVersion == 2);
  CHECK(service.verify(second.payload).memberNo == "M00000001");
  CHECK(codeOf([&] { service.verify(first.payload); }) == "card_revoked");

  SQLite::Statement log(db->sql(), "SELECT event, version, staff, reason FROM member_card_log ORDER BY seq");
  std::vector<std::string> rows;
  while (log.executeStep())
    rows.push_back(log.getColumn(0).getString() + "/" + log.getColumn(1).getString() + "/" +
                   log.getColumn(2).getString() + "/" + log.getColumn(3).getString());
  CHECK(rows == std::vector<std::string>{"issue/1/sup/new member", "reissue/2/sup/lost card"});
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'card.reissue' AND reason = 'lost card'").getInt() == 1);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM outbox WHERE type = 'member_card.reissued'").getInt() == 1);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'card.refused'").getInt() == 1);
  CHECK(verifyDatabase(*db).ok());
  // The log is append-only.
  CHECK(codeOf([&] { db->write([](SQLite::Database& s) { s.exec("DELETE FROM member_card_log"); }); }) != "ok");
  // A version edited by hand no longer matches the log: verify says so.
  db->write([](SQLite::Database& s) { s.exec("UPDATE member_cards SET version = 1"); });
  auto report = verifyDatabase(*db);
  CHECK_FALSE(report.ok());
  const LedgerCheck* versions = nullptr;
  for (const LedgerCheck& l : report.ledgers)
    if (l.name == "member card versions") versions = &l;
  REQUIRE(versions);
  CHECK_FALSE(versions->ok);
  CHECK(versions->problem.find("M00000001") != std::string::npos);
}

TEST_CASE("phones find members, non-members have no card") {
  TempDir dir;
  auto db = storeWithMember(dir.file("s.db"));
  SqliteMemberCardStore cards(*db);
  CHECK(cards.holderByPhone("13800138000")->memberNo == "M00000001");
  CHECK_FALSE(cards.holderByPhone("13900000000"));
  CHECK_FALSE(cards.holder("M99999999"));
}

TEST_CASE("print jobs: stored with their bytes, updated, listed newest first") {
  TempDir dir;
  auto db = Database::open(dir.file("s.db"));
  SqlitePrintJobStore jobs(*db);
  std::string bytes("\x1b@\x00\xff binary", 12);
  PrintJob j{"a1", "receipt", "小票 1", "tcp://127.0.0.1:9100", bytes, PrintJobState::Queued, "", 0, "", 10, 10, ""};
  jobs.saveJob(j);
  PrintJob k = j;
  k.id = "b2";
  k.createdAt = 20;
  k.reprintOf = "a1";
  jobs.saveJob(k);
  jobs.updateJob("a1", PrintJobState::Failed, "printer_paper_out: before printing", 1, 30);
  auto got = jobs.findJob("a1");
  REQUIRE(got);
  CHECK(got->bytes == bytes);
  CHECK(got->state == PrintJobState::Failed);
  CHECK(got->reason == "printer_paper_out: before printing");
  CHECK(got->attempts == 1);
  auto recent = jobs.recentJobs(10);
  REQUIRE(recent.size() == 2);
  CHECK(recent[0].id == "b2");
  CHECK(recent[0].reprintOf == "a1");
  CHECK(recent[0].bytes.empty());  // the list leaves the bytes out
  CHECK_FALSE(jobs.findJob("zz"));
  CHECK(codeOf([&] { db->write([](SQLite::Database& s) { s.exec("DELETE FROM print_jobs"); }); }) != "ok");
}
