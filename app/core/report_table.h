#pragma once
// A table of a report as the reports screen lists it and exports it: cells are
// text or amounts (integer fen). The CSV export writes amounts as plain numbers
// in yuan with two decimals ("1234.50", "-128.00"), so a spreadsheet adds them
// up; a UTF-8 byte order mark first, so Excel reads the Chinese right.
#include <optional>
#include <string>
#include <vector>

#include "app/core/money.h"
#include "app/core/report_period.h"

namespace salon {

struct ReportCell {
  std::string text;             // shown as it is when there is no amount
  std::optional<Money> amount;  // an amount: formatted by who shows it
  static ReportCell of(std::string t) { return {std::move(t), std::nullopt}; }
  static ReportCell money(Money m) { return {"", m}; }
};

struct ReportTable {
  std::string key;    // "sales_by_day", "day_sales": the export's file name
  std::string title;  // translated
  std::vector<std::string> columns;  // translated
  std::vector<std::vector<ReportCell>> rows;
};

// The CSV text: BOM, header, one line per row, CRLF; fields quoted when they
// hold a comma, quote or line break; a text cell that a spreadsheet would take
// for a formula (= + - @) is prefixed with ' (amounts are never).
std::string reportCsv(const ReportTable& table);
// "sales_by_day_2026-05-29_2026-06-04.csv"
std::string reportCsvName(const ReportTable& table, const ReportPeriod& period);

}  // namespace salon
