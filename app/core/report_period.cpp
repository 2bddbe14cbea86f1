#include "app/core/report_period.h"

#include "app/core/error.h"

namespace salon {

ReportPeriod parsePeriod(const std::string& from, const std::string& to) {
  ReportPeriod p;
  if (!parseDate(from, p.from)) throw DomainError("bad_input", "--from " + from + " (YYYY-MM-DD)");
  if (!parseDate(to, p.to)) throw DomainError("bad_input", "--to " + to + " (YYYY-MM-DD)");
  if (p.to < p.from) throw DomainError("bad_input", "--to before --from");
  return p;
}

int periodDays(const ReportPeriod& p) {
  return static_cast<int>(daysFromCivil(p.to) - daysFromCivil(p.from) + 1);
}

CivilDate addDays(const CivilDate& d, std::int64_t days) { return civilFromDays(daysFromCivil(d) + days); }

ReportPeriod periodOf(PeriodChoice choice, const CivilDate& today) {
  switch (choice) {
    case PeriodChoice::Today: return {today, today};
    case PeriodChoice::ThisWeek: {
      const std::int64_t fromMonday = (daysFromCivil(today) % 7 + 7 + 3) % 7;  // 1970-01-01 was a Thursday
      return {addDays(today, -fromMonday), today};
    }
    case PeriodChoice::ThisMonth: return {CivilDate{today.year, today.month, 1}, today};
    case PeriodChoice::LastMonth: {
      const CivilDate last = addDays(CivilDate{today.year, today.month, 1}, -1);
      return {CivilDate{last.year, last.month, 1}, last};
    }
  }
  return {today, today};
}

ReportPeriod previousPeriod(const ReportPeriod& p) {
  int n = periodDays(p);
  return {addDays(p.from, -n), addDays(p.from, -1)};
}

std::string periodLabel(const ReportPeriod& p) { return formatDate(p.from) + ".." + formatDate(p.to); }

Instant periodStart(const ReportPeriod& p, StoreZone zone) { return startOfLocalDay(p.from, zone); }
Instant periodEnd(const ReportPeriod& p, StoreZone zone) { return startOfLocalDay(p.to, zone) + kDay; }

std::vector<CivilDate> monthEndsIn(const ReportPeriod& p) {
  std::vector<CivilDate> out;
  for (auto d = daysFromCivil(p.from); d <= daysFromCivil(p.to); ++d) {
    CivilDate c = civilFromDays(d);
    if (civilFromDays(d + 1).month != c.month) out.push_back(c);
  }
  return out;
}

std::optional<int> changeBp(std::int64_t now, std::int64_t before) {
  if (before == 0) return std::nullopt;
  __extension__ typedef __int128 Wide;
  Wide num = static_cast<Wide>(now - before) * 10000;
  Wide den = before < 0 ? -before : before;
  Wide q = (num >= 0 ? num + den / 2 : num - den / 2) / den;
  return static_cast<int>(q);
}

int ratioBp(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0;
  return static_cast<int>((part * 10000 + whole / 2) / whole);
}

}  // namespace salon
