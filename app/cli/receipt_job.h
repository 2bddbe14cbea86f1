#pragma once
// A stored sale's receipt as a print job, made the same way for `salon-kiosk
// print receipt` and for the kiosk's checkout screen: every print after the
// first says 重印 with its count.
#include <string>

#include "app/core/print_job.h"
#include "storage/database.h"

namespace salon::cli {

// DomainError sale_not_found, printer_uri_invalid.
// `reprint` > 0 forces the count printed on it.
PrintJob receiptJob(storage::Database& db, const std::string& saleId, const std::string& printer, int reprint = 0);

}  // namespace salon::cli
