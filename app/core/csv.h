#pragma once
// CSV as spreadsheets write it (RFC 4180: quotes, doubled quotes, line breaks
// inside quotes, CRLF or LF), with the line each record starts on.
#include <string>
#include <vector>

namespace salon {

struct CsvRecord {
  int line = 0;  // 1-based line of the file the record starts on
  std::vector<std::string> fields;
};

// DomainError csv_unterminated_quote (detail: line) on a quote left open.
std::vector<CsvRecord> parseCsv(const std::string& utf8);
std::string csvField(const std::string& value);
std::string csvLine(const std::vector<std::string>& fields);  // ends in CRLF

}  // namespace salon
