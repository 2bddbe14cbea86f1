#pragma once
// Who may read the business reports (manager, finance, admin) and the audit
// entry each reading leaves: which report, which period, and whether customer
// names were shown (only to roles that may open customer files).
#include <string>

#include "app/core/audit.h"
#include "app/core/staff.h"
#include "app/core/staff_auth.h"

namespace salon {

enum class ReportKind { Sales, Staff, Customers, Liabilities, RecordKeeping };
const char* reportKindName(ReportKind kind);  // "sales", "staff", ...

// DomainError permission_denied (the refusal audited by the guard).
void requireReportReader(Guard& guard, const Staff& reader, ReportKind kind);
bool mayShowCustomerNames(const Staff& reader);
// The "report.view" entry: record "report"/<kind>, reason = the period.
AuditEntry reportViewed(Instant at, const Staff& reader, ReportKind kind, const std::string& period, bool namesShown);

}  // namespace salon
