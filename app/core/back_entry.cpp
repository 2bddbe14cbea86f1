#include "app/core/back_entry.h"

#include "app/core/error.h"

namespace salon {

Instant earliestBackEntry(const BusinessDay& openDay) { return openDay.openedAt; }

std::string clockTime(Instant t, StoreZone zone) { return formatLocalDateTime(t, zone).substr(11, 5); }

void checkBackEntryTime(Instant completedAt, const std::optional<BusinessDay>& openDay, Instant now, StoreZone zone) {
  if (!openDay || openDay->closedAt) throw DomainError("day_not_open", "");
  if (completedAt > now) throw DomainError("completed_in_future", clockTime(completedAt, zone));
  const Instant earliest = earliestBackEntry(*openDay);
  if (completedAt < earliest) throw DomainError("back_entry_before_day", clockTime(earliest, zone));
}

std::optional<Instant> todayAt(const std::string& hhmm, Instant now, StoreZone zone) {
  std::string digits;
  for (char c : hhmm) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != ':') return std::nullopt;
  }
  if (digits.size() == 3) digits = "0" + digits;  // "905" is 09:05
  if (digits.size() != 4) return std::nullopt;
  const int hh = std::stoi(digits.substr(0, 2)), mm = std::stoi(digits.substr(2, 2));
  if (hh > 23 || mm > 59) return std::nullopt;
  return startOfLocalDay(localDate(now, zone), zone) + hh * kHour + mm * kMinute;
}

bool recordedLate(Instant completedAt, Instant recordedAt, const RecordingRules& rules) {
  RecordingDeadline d = startDeadline(RecordingClock::Consumption, rules, completedAt, "sale", "", "", "");
  d.doneAt = recordedAt;
  return statusAt(d, recordedAt) == DeadlineStatus::DoneLate;
}

std::string backEntryReason(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw DomainError("back_entry_reason_required", "");
  const auto last = text.find_last_not_of(" \t\r\n");
  std::string reason = text.substr(first, last - first + 1);
  if (reason.size() > kBackEntryReasonMax) throw DomainError("back_entry_reason_too_long", std::to_string(reason.size()));
  return reason;
}

}  // namespace salon
