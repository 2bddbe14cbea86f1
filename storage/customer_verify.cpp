#include "storage/customer_verify.h"

namespace salon::storage {

LedgerCheck checkCustomerNumbers(SQLite::Database& db) {
  LedgerCheck c{"customer file numbers", true, ""};
  // Per year: the highest sequence in use must not pass the counter.
  SQLite::Statement years(db,
                          "SELECT y, max_seq, ifnull(n.last, 0) FROM ("
                          "  SELECT CAST(substr(file_no, instr(file_no, '-') + 1, 4) AS INTEGER) AS y,"
                          "         MAX(CAST(substr(file_no, instr(file_no, '-') + 6) AS INTEGER)) AS max_seq"
                          "  FROM customers WHERE id NOT IN (SELECT customer_id FROM chain_files_in)"  // another store's (issue 18)
                          "  GROUP BY y) LEFT JOIN customer_file_numbers n ON n.year = y");
  while (years.executeStep()) {
    if (years.getColumn(1).getInt64() > years.getColumn(2).getInt64()) {
      c.ok = false;
      c.problem = "file numbers of " + years.getColumn(0).getString() + " reach " + years.getColumn(1).getString() +
                  " but the counter is at " + years.getColumn(2).getString();
      return c;
    }
  }
  // Numbers of a chain block (M + block + six digits, issue 18) are counted per block.
  SQLite::Statement blocks(db,
                           "SELECT b, max_seq, ifnull(n.last, 0) FROM ("
                           "  SELECT CAST(substr(member_no, 2, 2) AS INTEGER) AS b,"
                           "         MAX(CAST(substr(member_no, 4) AS INTEGER)) AS max_seq FROM customers"
                           "  WHERE member_no GLOB 'M[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"
                           "    AND substr(member_no, 2, 2) <> '00' GROUP BY b)"
                           " JOIN chain_member_numbers n ON n.block = b");
  while (blocks.executeStep())
    if (blocks.getColumn(1).getInt64() > blocks.getColumn(2).getInt64()) {
      c.ok = false;
      c.problem = "member numbers of block " + blocks.getColumn(0).getString() + " reach " +
                  blocks.getColumn(1).getString() + " but the counter is at " + blocks.getColumn(2).getString();
      return c;
    }
  SQLite::Statement members(db,
                            "SELECT MAX(CAST(substr(member_no, 2) AS INTEGER)),"
                            " (SELECT ifnull(MAX(last), 0) FROM customer_member_numbers) FROM customers"
                            // Only the kiosk's own numbers: cards brought across keep theirs.
                            " WHERE member_no GLOB 'M[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"
                            " AND id NOT IN (SELECT customer_id FROM chain_files_in)"  // numbered in another store
                            // Not a block's (counted above) unless no block counter knows it (moved in).
                            " AND (substr(member_no, 2, 2) = '00' OR CAST(substr(member_no, 2, 2) AS INTEGER)"
                            "      NOT IN (SELECT block FROM chain_member_numbers))");
  if (members.executeStep() && !members.getColumn(0).isNull() &&
      members.getColumn(0).getInt64() > members.getColumn(1).getInt64()) {
    c.ok = false;
    c.problem = "member numbers reach " + members.getColumn(0).getString() + " but the counter is at " +
                members.getColumn(1).getString();
  }
  return c;
}

}  // namespace salon::storage
