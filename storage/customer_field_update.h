#pragma once
// Applies one approved change request to the customer file inside the caller's
// transaction, through the customer module's own checks: the name (with its
// search keys and name pieces), the phone (normalised, with its last 4 digits),
// and every field of fileFields() (a value, kDeclinedValue, or "" to clear it).
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>

#include "app/core/change_request.h"
#include "app/core/name_keys.h"
#include "app/core/phone.h"

namespace salon::storage {

// The current value of a field as a change request names it ("" when empty,
// kDeclinedValue when the customer declined to give it).
std::string currentFieldValue(SQLite::Database& db, CustomerId id, const std::string& field);

// The name with its search keys and name pieces; the phone with its last 4 digits
// (also used when a file comes from another store, storage/chain_files.cpp).
void updateName(SQLite::Database& db, CustomerId id, const NameKeys& k, const std::string& name);
void updatePhone(SQLite::Database& db, CustomerId id, const PhoneNumber& p);

class CustomerFieldUpdate {
 public:
  CustomerFieldUpdate() : keys_(std::make_shared<NameKeyMaker>()) {}
  // DomainError stale_change when the file no longer holds the request's old value.
  void operator()(SQLite::Database& db, const ChangeRequest& r) const;

 private:
  std::shared_ptr<NameKeyMaker> keys_;  // shared: the writer is copied into a std::function
};

}  // namespace salon::storage
