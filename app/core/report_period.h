#pragma once
// The period a report covers: local business dates, both ends inclusive, and the
// period just before it of the same length (what "± % on the previous period"
// compares against). Month ends inside a period, for what the store owes.
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/money.h"

namespace salon {

struct ReportPeriod {
  CivilDate from, to;  // inclusive
};

// DomainError bad_input for a malformed date or --to before --from.
ReportPeriod parsePeriod(const std::string& from, const std::string& to);
int periodDays(const ReportPeriod& p);
ReportPeriod previousPeriod(const ReportPeriod& p);
std::string periodLabel(const ReportPeriod& p);  // "2026-05-01..2026-05-31"
// [start of `from`, start of the day after `to`) in the store's zone.
Instant periodStart(const ReportPeriod& p, StoreZone zone);
Instant periodEnd(const ReportPeriod& p, StoreZone zone);
// The last day of each month that ends inside the period, oldest first.
std::vector<CivilDate> monthEndsIn(const ReportPeriod& p);
CivilDate addDays(const CivilDate& d, std::int64_t days);

// The reports screen's period chips. A running week or month ends today (so the
// previous period it is compared with has as many days behind it); weeks start
// on Monday. Last month is the whole calendar month before today's.
enum class PeriodChoice { Today, ThisWeek, ThisMonth, LastMonth };
ReportPeriod periodOf(PeriodChoice choice, const CivilDate& today);

// Change on the previous figure in basis points (+1250 = +12.5 %), rounded half
// away from zero; none when the previous figure is zero.
std::optional<int> changeBp(std::int64_t now, std::int64_t before);
// A ratio in basis points (0 when the whole is 0), rounded half up.
int ratioBp(std::int64_t part, std::int64_t whole);

}  // namespace salon
