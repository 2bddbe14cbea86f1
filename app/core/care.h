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
  std::string eventInterests;  // customer_fields event_interests (感兴趣的沙龙活动)
  std::string careProducts;    // customer_fields care_products: what they use
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

// The season of a date (spring = Mar–May …): seasonal product suggestions
// (建议顾客换季产品的购买) go with the care reminders.
const char* seasonOf(const CivilDate& d);

// A visit record to follow up (回访) after the visit.
struct VisitToFollow {
  std::int64_t visitId = 0;
  CustomerId customer = 0;
  std::string name;
  std::string phone;
  Instant at = 0;
  std::string service;
  std::string staff;
  bool followedUp = false;  // a follow-up contact is already logged
};
// Visits `afterDays` or more days ago (store days), at most `afterDays + windowDays`,
// not yet followed up; oldest first.
std::vector<VisitToFollow> followUpsDue(const std::vector<VisitToFollow>& visits, Instant now, StoreZone zone,
                                        int afterDays = 1, int windowDays = 7);

// 沙龙活动: a member event on a topic.
struct SalonEvent {
  std::string id;
  std::string title;
  std::string topic;
  Instant startsAt = 0;
  std::string place;
};
// Whether a customer's stated interests name the topic (case-insensitive for
// Latin letters; a topic like 护肤 is found in "护肤讲座, 美甲").
bool interestedIn(const std::string& interests, const std::string& topic);
// Whom to invite: opted-in customers interested in the topic, not invited yet.
std::vector<CareCandidate> eventInvitees(const std::vector<CareCandidate>& customers, const std::string& topic,
                                         const std::vector<CustomerId>& alreadyInvited);

}  // namespace salon
