#include "app/core/recording_deadline.h"

#include <cstdio>

namespace salon {

std::int64_t RecordingRules::lengthOf(RecordingClock clock) const {
  switch (clock) {
    case RecordingClock::Consumption: return consumption;
    case RecordingClock::ServiceDetails: return serviceDetails;
    case RecordingClock::Dispute: return dispute;
    case RecordingClock::Complaint: return complaint;
  }
  return consumption;
}

RecordingDeadline startDeadline(RecordingClock clock, const RecordingRules& rules, Instant startedAt,
                                std::string recordType, std::string recordId, std::string staff,
                                std::string department) {
  RecordingDeadline d;
  d.clock = clock;
  d.recordType = std::move(recordType);
  d.recordId = std::move(recordId);
  d.staff = std::move(staff);
  d.department = std::move(department);
  d.startedAt = startedAt;
  d.dueAt = startedAt + rules.lengthOf(clock);
  return d;
}

DeadlineStatus statusAt(const RecordingDeadline& d, Instant now) {
  if (d.doneAt) return *d.doneAt <= d.dueAt ? DeadlineStatus::DoneOnTime : DeadlineStatus::DoneLate;
  return now <= d.dueAt ? DeadlineStatus::Running : DeadlineStatus::Overdue;
}

std::int64_t remaining(const RecordingDeadline& d, Instant now) { return d.dueAt - d.doneAt.value_or(now); }

std::string formatCountdown(std::int64_t ms) {
  bool late = ms < 0;
  std::int64_t s = (late ? -ms : ms) / kSecond;
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld", late ? "-" : "", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%s%lld:%02lld", late ? "-" : "", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  return buf;
}

const char* recordingClockName(RecordingClock clock) {
  switch (clock) {
    case RecordingClock::Consumption: return "consumption";
    case RecordingClock::ServiceDetails: return "service_details";
    case RecordingClock::Dispute: return "dispute";
    case RecordingClock::Complaint: return "complaint";
  }
  return "?";
}

}  // namespace salon
