#include "app/core/report_table.h"

namespace salon {
namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string cellText(const ReportCell& c) {
  if (c.amount) return formatAmount(*c.amount);
  if (!c.text.empty() && (c.text[0] == '=' || c.text[0] == '+' || c.text[0] == '-' || c.text[0] == '@'))
    return "'" + c.text;
  return c.text;
}

}  // namespace

std::string reportCsv(const ReportTable& table) {
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < table.columns.size(); ++i) out += (i ? "," : "") + field(table.columns[i]);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + field(cellText(row[i]));
    out += "\r\n";
  }
  return out;
}

std::string reportCsvName(const ReportTable& table, const ReportPeriod& period) {
  return table.key + "_" + formatDate(period.from) + "_" + formatDate(period.to) + ".csv";
}

}  // namespace salon
