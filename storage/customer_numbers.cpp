#include "storage/customer_numbers.h"

#include "app/core/customer_file.h"
#include "app/core/error.h"
#include "storage/customer_rows.h"

namespace salon::storage {
namespace {

constexpr std::int64_t kBlockSize = 1000000;  // six digits after the block's two

int numberBlock(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT number_block FROM sync_state WHERE one = 1");
  return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

}  // namespace

std::string chainStoreCode(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT store_code FROM sync_state WHERE one = 1");
  if (q.executeStep() && !q.getColumn(0).getString().empty()) return q.getColumn(0).getString();
  return storeCode(db);
}

std::string nextMemberNo(SQLite::Database& db) {
  int block = numberBlock(db);
  if (block <= 0) return formatMemberNo(reserveMemberNumbers(db, 1));
  SQLite::Statement peek(db, "SELECT last FROM chain_member_numbers WHERE block = ?");
  peek.bind(1, block);
  if (peek.executeStep() && peek.getColumn(0).getInt64() >= kBlockSize - 1)
    throw DomainError("member_numbers_exhausted", "block " + std::to_string(block));
  SQLite::Statement up(db, "INSERT INTO chain_member_numbers (block, last) VALUES (?, 1)"
                           " ON CONFLICT(block) DO UPDATE SET last = last + 1 RETURNING last");
  up.bind(1, block);
  up.executeStep();
  return formatMemberNo(block * kBlockSize + up.getColumn(0).getInt64());
}

void keepNumberBlock(SQLite::Database& db, int block) {
  if (block < 1 || block > 99) return;
  SQLite::Statement up(db, "UPDATE sync_state SET number_block = ? WHERE one = 1 AND number_block <> ?");
  up.bind(1, block);
  up.bind(2, block);
  up.exec();
}

}  // namespace salon::storage
