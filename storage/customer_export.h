#pragma once
// Reading every file for an export, in file order, without a query per file.
#include <functional>

#include "app/core/customer_file.h"
#include "storage/database.h"

namespace salon::storage {

struct ExportedFile {
  CustomerSummary summary;
  Instant createdAt = 0;
  std::string createdBy;
  Consent consent;
  bool sharedPhone = false;
  FieldMap fields;  // only the fields with a value or declined
};

// Calls `each` once per file, ordered by id. Returns how many.
std::int64_t forEachFile(Database& db, const std::function<void(const ExportedFile&)>& each);

}  // namespace salon::storage
