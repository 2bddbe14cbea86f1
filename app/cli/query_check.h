#pragma once
// 档案查询审核 for the customer commands, over core's file access (the same
// code the kiosk's file desk calls): a purpose within the staff member's routine
// (QueryPolicy, or the store's settings query_routine.<role> = comma list) opens
// the file at once; any other purpose needs an approved query request
// (`salon-kiosk queries request`), used once.
#include <string>

#include "app/core/customer.h"
#include "app/core/file_access.h"
#include "storage/database.h"

namespace salon::cli {

QueryPolicy queryPolicy(storage::Database& db);

// `customer` 0 = a search over many files: only a routine purpose is allowed.
// DomainError query_approval_needed, query_not_approved.
void checkQueryPurpose(storage::Database& db, const Clock& clock, const Staff& me, CustomerId customer,
                       const std::string& purpose, const std::string& requestId);

}  // namespace salon::cli
