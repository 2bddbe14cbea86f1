#pragma once
// Core's ReportTickets in ESC/POS: the reports screen's one-page summary,
// written with the receipt's PaperWriter (CJK in two columns, amounts flush
// right, a rule between sections, the cut) for the paper the URI names.
#include "app/core/report_summary.h"
#include "devices/escpos/profile.h"

namespace salon::devices {

std::string encodeReportSummary(const ReportSummary& s, const PrinterProfile& profile);

class EscposReportTickets : public ReportTickets {
 public:
  std::string summary(const ReportSummary& s, const std::string& printerUri) override;
};

}  // namespace salon::devices
