// Member and file numbers unique across the chain (issue 18): before a store has
// its block the numbers are as before (M + 8 digits, the store's code); with block
// 7 they are M07 + six digits and files start with the enrolled code; the block's
// numbers end at 999,999; `verify` counts each block against its own counter.
#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/customer_numbers.h"
#include "storage/customer_verify.h"
#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

void insertMember(SQLite::Database& s, const std::string& no) {
  static int file = 0;
  s.exec("INSERT INTO customer_file_numbers (year, last) VALUES (2026, 100) ON CONFLICT(year) DO NOTHING");
  s.exec("INSERT OR IGNORE INTO staff (code, name, role, pin_hash, created_at) VALUES ('admin', 'a', 'admin', '', 0)");
  s.exec("INSERT INTO customers (file_no, member_no, name, phone, created_at, created_by)"
         " VALUES ('K07-2026-00000" + std::to_string(++file) + "', '" + no + "', 'x', '1', 0, 'admin')");
}

}  // namespace

TEST_CASE("member numbers: the store's own before its block, the chain's block after, verify counts both") {
  test::TempDir dir;
  auto db = Database::open(dir.file("n.db"));
  SQLite::Database& s = db->sql();
  CHECK(nextMemberNo(s) == "M00000001");
  CHECK(chainStoreCode(s) == "S01");
  SqliteSyncStore(*db).enrol({"https://127.0.0.1:8443", "K07", "secret-token-secret-token-secret-token-abc", "ab12"},
                             auditOf(1, "admin", "sync.enrol", "sync", "K07"));
  CHECK(chainStoreCode(s) == "K07");
  CHECK(nextMemberNo(s) == "M00000002");  // no block yet: as before
  SqliteSyncStore(*db).keepNumberBlock(7);
  CHECK(nextMemberNo(s) == "M07000001");
  CHECK(nextMemberNo(s) == "M07000002");
  SqliteSyncStore(*db).keepNumberBlock(0);  // nothing said: the block stays
  CHECK(nextMemberNo(s) == "M07000003");

  insertMember(s, "M00000002");
  insertMember(s, "M07000003");
  CHECK(checkCustomerNumbers(s).ok);
  insertMember(s, "M07000009");  // past the block's counter
  auto c = checkCustomerNumbers(s);
  CHECK_FALSE(c.ok);
  CHECK(c.problem.find("block 7") != std::string::npos);

  s.exec("UPDATE chain_member_numbers SET last = 999999 WHERE block = 7");
  try {
    nextMemberNo(s);
    FAIL("a block's 1,000,000th number");
  } catch (const DomainError& e) {
    CHECK(e.code() == "member_numbers_exhausted");
  }
}
