#include "app/core/report_access.h"

namespace salon {

const char* reportKindName(ReportKind kind) {
  switch (kind) {
    case ReportKind::Sales: return "sales";
    case ReportKind::Staff: return "staff";
    case ReportKind::Customers: return "customers";
    case ReportKind::Liabilities: return "liabilities";
    case ReportKind::RecordKeeping: return "compliance";
  }
  return "sales";
}

void requireReportReader(Guard& guard, const Staff& reader, ReportKind kind) {
  guard.require(reader, Action::ViewBusinessReports, "report", reportKindName(kind));
}

bool mayShowCustomerNames(const Staff& reader) { return reader.active && roleMay(reader.role, Action::ViewCustomerFile); }

AuditEntry reportViewed(Instant at, const Staff& reader, ReportKind kind, const std::string& period, bool namesShown) {
  return auditOf(at, reader.code, "report.view", "report", reportKindName(kind), period,
                 namesShown ? "customer_names" : "");
}

}  // namespace salon
