#pragma once
// Writing customer files row by row inside the caller's transaction, with
// prepared statements: shared by registration, import and the demo generator
// (which writes a million of them).
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "app/core/customer_file.h"

namespace salon::storage {

// The store code ("S01" unless the settings say otherwise).
std::string storeCode(SQLite::Database& db);
StoreZone storeZone(SQLite::Database& db);

// Reserves `count` consecutive file numbers of `year`; returns the first sequence.
std::int64_t reserveFileNumbers(SQLite::Database& db, int year, std::int64_t count);
std::int64_t reserveMemberNumbers(SQLite::Database& db, std::int64_t count);

class CustomerRowWriter {
 public:
  // `gramTable`: where name pieces go (the demo generator stages them elsewhere).
  explicit CustomerRowWriter(SQLite::Database& db, const std::string& gramTable = "customer_name_grams");
  // Inserts the file with its name pieces and fields; returns its id.
  CustomerId insert(const NewCustomerFile& f, const std::string& fileNo, const std::string& memberNo,
                    const std::string& status, bool imported);
  void insertField(CustomerId id, const std::string& key, const FieldValue& v, Instant at, const std::string& staff);
  std::int64_t insertVisit(CustomerId id, const VisitRecord& v);
  std::int64_t insertPet(CustomerId id, const Pet& p, Instant at);

 private:
  SQLite::Database& db_;
  SQLite::Statement customer_, gram_, field_, visit_, pet_;
};

}  // namespace salon::storage
