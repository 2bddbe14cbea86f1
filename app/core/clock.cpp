#include "app/core/clock.h"

#include <cstdio>

namespace salon {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
std::int64_t daysFromCivil(const CivilDate& d) {
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (d.month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

static std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

CivilDate localDate(Instant t, StoreZone zone) {
  return civilFromDays(floorDiv(t + zone.offsetMinutes * kMinute, kDay));
}

Instant startOfLocalDay(const CivilDate& d, StoreZone zone) {
  return daysFromCivil(d) * kDay - zone.offsetMinutes * kMinute;
}

std::string formatDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool parseDate(const std::string& text, CivilDate& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9') return false;
  CivilDate d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1900 || d.year > 2200) return false;
  if (!(civilFromDays(daysFromCivil(d)) == d)) return false;  // e.g. 2026-02-30
  out = d;
  return true;
}

std::string formatLocalDateTime(Instant t, StoreZone zone) {
  Instant local = t + zone.offsetMinutes * kMinute;
  std::int64_t days = floorDiv(local, kDay);
  std::int64_t msOfDay = local - days * kDay;
  CivilDate d = civilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day,
                static_cast<int>(msOfDay / kHour), static_cast<int>((msOfDay % kHour) / kMinute));
  return buf;
}

std::string formatUtc(Instant t) {
  std::int64_t days = floorDiv(t, kDay);
  std::int64_t ms = t - days * kDay;
  CivilDate d = civilFromDays(days);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day,
                static_cast<int>(ms / kHour), static_cast<int>((ms % kHour) / kMinute),
                static_cast<int>((ms % kMinute) / kSecond), static_cast<int>(ms % kSecond));
  return buf;
}

}  // namespace salon
