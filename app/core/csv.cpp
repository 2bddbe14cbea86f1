#include "app/core/csv.h"

#include "app/core/error.h"

namespace salon {

std::vector<CsvRecord> parseCsv(const std::string& s) {
  std::vector<CsvRecord> out;
  CsvRecord rec;
  std::string field;
  int line = 1;
  rec.line = 1;
  bool quoted = false, any = false;
  int quoteLine = 0;
  auto endRecord = [&] {
    rec.fields.push_back(field);
    field.clear();
    bool blank = rec.fields.size() == 1 && rec.fields[0].empty() && !any;
    if (!blank) out.push_back(rec);
    rec = CsvRecord{};
    any = false;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
      quoteLine = line;
    } else if (c == ',') {
      rec.fields.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      continue;
    } else if (c == '\n' || c == '\r') {
      endRecord();
      ++line;
      rec.line = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw DomainError("csv_unterminated_quote", "line " + std::to_string(quoteLine));
  if (!field.empty() || !rec.fields.empty() || any) endRecord();
  return out;
}

std::string csvField(const std::string& v) {
  bool quote = v.find_first_of(",\"\r\n") != std::string::npos || (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  // A leading = + - @ would be run as a formula by a spreadsheet: keep it text.
  bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@');
  std::string out = formula ? "'" + v : v;
  if (!quote) return out;
  std::string q = "\"";
  for (char c : out) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string csvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csvField(fields[i]);
  return out + "\r\n";
}

}  // namespace salon
