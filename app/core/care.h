#pragma once
// 顾客档案的灵活运用: a small gift a week before the birthday and a greeting on the
// day; reminders for regular care from the care plan's interval; follow-up of
// customers who have not come for a long time (and the reason they give); a
// follow-up call after a visit. Only customers who opted in to marketing are
// offered marketing messages; every contact is logged.
#include <optional>
#include <string>
#include <vector>

#include "app/core/customer.h"

namespace salon {

struct CareCandidate {
  CustomerId id = 0;
  std::string name;
  std::string phone;
  std::optional<CivilDate> birthday;
  std::optional<Instant> lastVisit;
  int careIntervalDays = 0;  // from the care plan; 0 = none
  bool marketingOptIn = false;
};

enum class CareKind { BirthdayGift, BirthdayGreeting, CareReminder, Lapsed, FollowUp };
const char* careKindName(CareKind k);

struct CareTask {
  CareKind kind = CareKind::BirthdayGift;
  CareCandidate customer;
  CivilDate due;  // the birthday, the care due date, the visit date …
};

// This year's birthday; 29 February falls on the 28th in other years.
CivilDate birthdayIn(int year, const CivilDate& birthday);
// Gifts for birthdays exactly `daysAhead` from today (the week-ahead list), and
// greetings for today's birthdays.
std::vector<CareTask> birthdayTasks(const std::vector<CareCandidate>& customers, const CivilDate& today,
                                    int daysAhead = 7);
// Not seen for `lapseDays` or more (never-visited customers are not "lapsed").
std::vector<CareTask> lapsedTasks(const std::vector<CareCandidate>& customers, Instant now, StoreZone zone,
                                  int lapseDays);
// Care plan interval reached (due today or overdue by up to `windowDays`); only
// those who opted in, since a care reminder is a marketing message.
std::vector<CareTask> careReminderTasks(const std::vector<CareCandidate>& customers, Instant now, StoreZone zone,
                                        int windowDays = 14);

}  // namespace salon
