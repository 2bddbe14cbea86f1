#pragma once
// A back-entry (补录) of a consumption record: the service was finished earlier
// and the sale is entered now, with its real completion time and why it is
// late (sale.h's SaleRequest.completedAt and reason; buildSale refuses a time in
// the future and a missing reason). The counter takes a back-entry only within
// the business day that is open: from the moment it was opened until now; a
// service finished before that belongs to an earlier day. Whether the record is
// late is the 10-minute consumption clock (recording_deadline.h).
#include <cstddef>
#include <optional>
#include <string>

#include "app/core/business_day.h"
#include "app/core/clock.h"
#include "app/core/recording_deadline.h"

namespace salon {

constexpr std::size_t kBackEntryReasonMax = 120;  // bytes of UTF-8 (40 Chinese characters)

// The earliest completion time a back-entry may carry: when the open day was opened.
Instant earliestBackEntry(const BusinessDay& openDay);

// A back-entry's completion time checked against the open day and now.
// DomainError day_not_open, completed_in_future, back_entry_before_day (its detail:
// the earliest time allowed, "HH:MM" in the store's zone).
void checkBackEntryTime(Instant completedAt, const std::optional<BusinessDay>& openDay, Instant now, StoreZone zone);

// "HH:MM" (or the digits "HHMM") on the store's date of `now`; nullopt when it is no time of day.
std::optional<Instant> todayAt(const std::string& hhmm, Instant now, StoreZone zone);

// "14:05" in the store's zone.
std::string clockTime(Instant t, StoreZone zone);

// Whether a sale completed at `completedAt` and recorded at `recordedAt` missed the
// consumption clock (recorded more than its 10 minutes after completion).
bool recordedLate(Instant completedAt, Instant recordedAt, const RecordingRules& rules = RecordingRules());

// A back-entry's reason, trimmed. DomainError back_entry_reason_required (blank),
// back_entry_reason_too_long (over kBackEntryReasonMax bytes).
std::string backEntryReason(const std::string& text);

}  // namespace salon
