#include "storage/customer_verify.h"

namespace salon::storage {

LedgerCheck checkCustomerNumbers(SQLite::Database& db) {
  LedgerCheck c{"customer file numbers", true, ""};
  // Per year: the highest sequence in use must not pass the counter.
  SQLite::Statement years(db,
                          "SELECT y, max_seq, ifnull(n.last, 0) FROM ("
                          "  SELECT CAST(substr(file_no, instr(file_no, '-') + 1, 4) AS INTEGER) AS y,"
                          "         MAX(CAST(substr(file_no, instr(file_no, '-') + 6) AS INTEGER)) AS max_seq"
                          "  FROM customers GROUP BY y) LEFT JOIN customer_file_numbers n ON n.year = y");
  while (years.executeStep()) {
    if (years.getColumn(1).getInt64() > years.getColumn(2).getInt64()) {
      c.ok = false;
      c.problem = "file numbers of " + years.getColumn(0).getString() + " reach " + years.getColumn(1).getString() +
                  " but the counter is at " + years.getColumn(2).getString();
      return c;
    }
  }
  SQLite::Statement members(db,
                            "SELECT MAX(CAST(substr(member_no, 2) AS INTEGER)),"
                            " (SELECT ifnull(MAX(last), 0) FROM customer_member_numbers) FROM customers"
                            // Only the kiosk's own numbers: cards brought across keep theirs.
                            " WHERE member_no GLOB 'M[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'");
  if (members.executeStep() && !members.getColumn(0).isNull() &&
      members.getColumn(0).getInt64() > members.getColumn(1).getInt64()) {
    c.ok = false;
    c.problem = "member numbers reach " + members.getColumn(0).getString() + " but the counter is at " +
                members.getColumn(1).getString();
  }
  return c;
}

}  // namespace salon::storage
