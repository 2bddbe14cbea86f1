#pragma once
// Time: instants are UTC milliseconds since the Unix epoch. Core never reads the
// system clock; it is handed a Clock. Dates are shown in the store's zone.
#include <cstdint>
#include <string>

namespace salon {

using Instant = std::int64_t;  // ms since 1970-01-01T00:00:00Z

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// A clock the caller moves by hand: for tests and for replaying scripted sessions.
class ManualClock : public Clock {
 public:
  explicit ManualClock(Instant start = 0) : now_(start) {}
  Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }
  void advance(std::int64_t ms) { now_ += ms; }

 private:
  Instant now_;
};

// A calendar date in the store's zone.
struct CivilDate {
  int year = 1970, month = 1, day = 1;
  bool operator==(const CivilDate& o) const { return year == o.year && month == o.month && day == o.day; }
  bool operator<(const CivilDate& o) const {
    return year != o.year ? year < o.year : month != o.month ? month < o.month : day < o.day;
  }
};

// The store's fixed UTC offset (mainland China, HK, Macau, Taiwan: +08:00, no DST).
struct StoreZone {
  int offsetMinutes = 8 * 60;
};

std::int64_t daysFromCivil(const CivilDate& d);
CivilDate civilFromDays(std::int64_t days);
CivilDate localDate(Instant t, StoreZone zone);
// Start of the given local date, as a UTC instant.
Instant startOfLocalDay(const CivilDate& d, StoreZone zone);
// "2026-11-22"
std::string formatDate(const CivilDate& d);
// Accepts "YYYY-MM-DD" with a real calendar day; false otherwise.
bool parseDate(const std::string& text, CivilDate& out);
// "2026-11-22 14:05" in the store's zone.
std::string formatLocalDateTime(Instant t, StoreZone zone);
// "2026-11-22T06:05:00.000Z"
std::string formatUtc(Instant t);

}  // namespace salon
