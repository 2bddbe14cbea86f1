#pragma once
// `verify`'s check of the reports' per-day totals (the report_day_* tables kept
// by triggers with every entry): each equals a recomputation from the raw rows
// of sales, lines, staff shares and tenders, so a total edited by hand is named.
#include "storage/verify.h"

namespace salon::storage {

LedgerCheck checkReportDayTotals(SQLite::Database& db);
// The same for the report_year_items migration's tables (per-hour service duties, …).
LedgerCheck checkReportYearItems(SQLite::Database& db);

}  // namespace salon::storage
