#pragma once
// For fixtures that insert customer rows by hand (other modules' tests): move the
// customer module's file- and member-number counters past the numbers used, as
// registering them would have, so `verify` stays clean.
#include <SQLiteCpp/SQLiteCpp.h>

namespace salon::test {

inline void syncCustomerCounters(SQLite::Database& db) {
  db.exec("INSERT INTO customer_file_numbers (year, last)"
          " SELECT CAST(substr(file_no, instr(file_no, '-') + 1, 4) AS INTEGER) AS y,"
          "        MAX(CAST(substr(file_no, instr(file_no, '-') + 6) AS INTEGER))"
          " FROM customers WHERE true GROUP BY y"
          " ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)");
  db.exec("INSERT INTO customer_member_numbers (one, last)"
          " SELECT 1, MAX(CAST(substr(member_no, 2) AS INTEGER)) FROM customers"
          " WHERE member_no IS NOT NULL HAVING MAX(CAST(substr(member_no, 2) AS INTEGER)) IS NOT NULL"
          " ON CONFLICT(one) DO UPDATE SET last = max(last, excluded.last)");
}

}  // namespace salon::test
