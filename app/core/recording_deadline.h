#pragma once
// The salon's recording clocks (美容院客户消费数据更新频率管理制度 三.1, 三.3):
// a consumption record is in the system within 10 minutes of the transaction,
// service details within 30 minutes of the service ending, a customer's
// objection is investigated within 24 hours; complaints within a set time.
#include <cstdint>
#include <optional>
#include <string>

#include "app/core/clock.h"

namespace salon {

enum class RecordingClock { Consumption, ServiceDetails, Dispute, Complaint };

struct RecordingRules {
  std::int64_t consumption = 10 * kMinute;
  std::int64_t serviceDetails = 30 * kMinute;
  std::int64_t dispute = 24 * kHour;
  std::int64_t complaint = 48 * kHour;  // the store sets its own
  std::int64_t lengthOf(RecordingClock clock) const;
};

struct RecordingDeadline {
  RecordingClock clock = RecordingClock::Consumption;
  std::string recordType;  // "sale", "service_line", "dispute", "complaint"
  std::string recordId;
  std::string staff;       // who must record it
  std::string department;
  Instant startedAt = 0;   // transaction completed / service ended / objection raised
  Instant dueAt = 0;
  std::optional<Instant> doneAt;
};

enum class DeadlineStatus { Running, Overdue, DoneOnTime, DoneLate };

RecordingDeadline startDeadline(RecordingClock clock, const RecordingRules& rules, Instant startedAt,
                                std::string recordType, std::string recordId, std::string staff,
                                std::string department);
DeadlineStatus statusAt(const RecordingDeadline& d, Instant now);
// Time left (negative once overdue); for a done record, how early (or late) it was.
std::int64_t remaining(const RecordingDeadline& d, Instant now);
// "12:05" left, "-3:10" overdue; hours shown past 60 minutes: "23:59:00".
std::string formatCountdown(std::int64_t ms);
const char* recordingClockName(RecordingClock clock);

}  // namespace salon
