#pragma once
// The one-page summary of a report printed on the receipt printer: a title, the
// period, then label/value lines in sections. Core says what it says (the
// reports desk fills it in the current language); devices lays it out for the
// paper of the printer a URI names (devices/escpos/report_tickets.h).
#include <string>
#include <vector>

namespace salon {

struct SummaryLine {
  std::string label, value;  // value "" : a section heading
};

struct ReportSummary {
  std::string storeName;
  std::string title;      // "营业报表 · 销售"
  std::string period;     // "2026-05-29 .. 2026-06-04"
  std::string printedAt;  // "打印 2026-06-05 09:30 王店长"
  std::vector<SummaryLine> lines;
};

class ReportTickets {
 public:
  virtual ~ReportTickets() = default;
  // ESC/POS for the printer at `printerUri` ("" = the default 58 mm paper).
  // DomainError printer_uri_invalid, printer_profile_unknown.
  virtual std::string summary(const ReportSummary& s, const std::string& printerUri) = 0;
};

}  // namespace salon
