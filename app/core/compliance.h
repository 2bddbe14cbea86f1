#pragma once
// Data quality per the salon's rules (数据质量监控指标): on-time rate = records made
// within their clock ÷ records due (target ≥ 98 %); error rate = records later
// corrected by an upheld dispute or an approved change ÷ records made, charged to
// whoever recorded them (target < 1 %). Per clock, per staff member and
// department, per week and month; the misses listed.
#include <string>
#include <vector>

#include "app/core/recording_deadline.h"

namespace salon {

struct RecordedItem {
  RecordingDeadline deadline;
  bool corrected = false;  // later corrected by an upheld dispute or approved change
  // How many records alike this item stands for (the reports' per-hour counts:
  // same clock, staff, day of falling due and status); listed misses show it once.
  int count = 1;
};

// A record later found wrong and corrected: named by an upheld dispute, or by an
// approved change request that says which record it corrects.
struct Correction {
  std::string recordType;  // "sale", "service", as in RecordingDeadline
  std::string recordId;
};
// Marks every item whose record a correction names (the error rate's numerator);
// a record corrected twice still counts once.
void markCorrected(std::vector<RecordedItem>& items, const std::vector<Correction>& corrections);

enum class CompliancePeriod { Week, Month };

struct ComplianceRow {
  std::string clock;    // recordingClockName
  std::string groupBy;  // "staff", "department" or "store"
  std::string who;      // staff code, department, or "*"
  std::string period;   // "2026-W47" or "2026-11"
  int due = 0, onTime = 0, made = 0, corrected = 0;
  // Basis points (1/100 of a percent), so figures are exact and comparable.
  int onTimeBp() const { return due ? static_cast<int>(10000LL * onTime / due) : 10000; }
  int errorBp() const { return made ? static_cast<int>(10000LL * corrected / made) : 0; }
  bool meetsOnTimeTarget() const { return onTimeBp() >= 9800; }
  bool meetsErrorTarget() const { return errorBp() < 100; }
};

struct ComplianceMiss {
  RecordingDeadline deadline;
  std::string why;  // "late", "overdue", "corrected"
};

struct ComplianceReport {
  std::vector<ComplianceRow> rows;
  std::vector<ComplianceMiss> misses;
};

// Records count in the period their deadline falls due in, [from, to); a record
// still running at `now` is not due yet. `listMisses` false: the rows only (the
// reports' sums), without copying every late or overdue record.
ComplianceReport computeCompliance(const std::vector<RecordedItem>& items, Instant from, Instant to, Instant now,
                                   StoreZone zone, CompliancePeriod period, bool listMisses = true);

// "2026-W47": ISO 8601 week of a local date (weeks start on Monday).
std::string isoWeekLabel(const CivilDate& d);
// "12.50%" from basis points.
std::string formatBasisPoints(int bp);

}  // namespace salon
