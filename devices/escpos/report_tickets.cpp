#include "devices/escpos/report_tickets.h"

#include "devices/escpos/paper_writer.h"
#include "devices/transports/transport.h"

namespace salon::devices {

std::string encodeReportSummary(const ReportSummary& s, const PrinterProfile& profile) {
  PaperWriter paper(profile);
  TextStyle centre;
  centre.align = escpos::Align::Center;
  TextStyle title = centre;
  title.bold = true;
  title.height = 2;
  if (!s.storeName.empty()) paper.line(s.storeName, centre);
  paper.line(s.title, title);
  paper.line(s.period, centre);
  paper.rule();
  TextStyle heading;
  heading.bold = true;
  for (const SummaryLine& l : s.lines) {
    if (l.value.empty()) {
      paper.line(l.label, heading);
      continue;
    }
    paper.pair(l.label, l.value);
  }
  paper.rule();
  paper.line(s.printedAt);
  paper.cut();
  return paper.take();
}

std::string EscposReportTickets::summary(const ReportSummary& s, const std::string& printerUri) {
  PrinterProfile profile = printerUri.empty() ? *profileByName("58mm") : profileOf(parsePrinterUri(printerUri));
  return encodeReportSummary(s, profile);
}

}  // namespace salon::devices
