#include "app/core/care.h"

#include <algorithm>
#include <cctype>

namespace salon {

const char* careKindName(CareKind k) {
  switch (k) {
    case CareKind::BirthdayGift: return "birthday_gift";
    case CareKind::BirthdayGreeting: return "birthday_greeting";
    case CareKind::CareReminder: return "care_reminder";
    case CareKind::Lapsed: return "lapsed";
    case CareKind::FollowUp: return "followup";
  }
  return "?";
}

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

CivilDate birthdayIn(int year, const CivilDate& b) {
  if (b.month == 2 && b.day == 29 && !leap(year)) return {year, 2, 28};
  return {year, b.month, b.day};
}

std::vector<CareTask> birthdayTasks(const std::vector<CareCandidate>& customers, const CivilDate& today,
                                    int daysAhead) {
  std::vector<CareTask> out;
  CivilDate ahead = civilFromDays(daysFromCivil(today) + daysAhead);
  for (const CareCandidate& c : customers) {
    if (!c.birthday) continue;
    if (birthdayIn(ahead.year, *c.birthday) == ahead) out.push_back({CareKind::BirthdayGift, c, ahead});
    if (birthdayIn(today.year, *c.birthday) == today) out.push_back({CareKind::BirthdayGreeting, c, today});
  }
  return out;
}

std::vector<CareTask> lapsedTasks(const std::vector<CareCandidate>& customers, Instant now, StoreZone zone,
                                  int lapseDays) {
  std::vector<CareTask> out;
  for (const CareCandidate& c : customers)
    if (c.lastVisit && now - *c.lastVisit >= lapseDays * kDay)
      out.push_back({CareKind::Lapsed, c, localDate(*c.lastVisit, zone)});
  return out;
}

std::vector<CareTask> careReminderTasks(const std::vector<CareCandidate>& customers, Instant now, StoreZone zone,
                                        int windowDays) {
  std::vector<CareTask> out;
  std::int64_t today = daysFromCivil(localDate(now, zone));
  for (const CareCandidate& c : customers) {
    if (!c.marketingOptIn || !c.lastVisit || c.careIntervalDays <= 0) continue;
    std::int64_t due = daysFromCivil(localDate(*c.lastVisit, zone)) + c.careIntervalDays;
    if (due <= today && today - due <= windowDays) out.push_back({CareKind::CareReminder, c, civilFromDays(due)});
  }
  return out;
}

const char* seasonOf(const CivilDate& d) {
  if (d.month >= 3 && d.month <= 5) return "spring";
  if (d.month >= 6 && d.month <= 8) return "summer";
  if (d.month >= 9 && d.month <= 11) return "autumn";
  return "winter";
}

std::vector<VisitToFollow> followUpsDue(const std::vector<VisitToFollow>& visits, Instant now, StoreZone zone,
                                        int afterDays, int windowDays) {
  std::int64_t today = daysFromCivil(localDate(now, zone));
  std::vector<VisitToFollow> out;
  for (const VisitToFollow& v : visits) {
    std::int64_t since = today - daysFromCivil(localDate(v.at, zone));
    if (!v.followedUp && since >= afterDays && since <= afterDays + windowDays) out.push_back(v);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  return out;
}

namespace {

std::string lowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

bool interestedIn(const std::string& interests, const std::string& topic) {
  if (topic.empty()) return false;
  return lowerAscii(interests).find(lowerAscii(topic)) != std::string::npos;
}

std::vector<CareCandidate> eventInvitees(const std::vector<CareCandidate>& customers, const std::string& topic,
                                         const std::vector<CustomerId>& alreadyInvited) {
  std::vector<CareCandidate> out;
  for (const CareCandidate& c : customers) {
    bool invited = std::find(alreadyInvited.begin(), alreadyInvited.end(), c.id) != alreadyInvited.end();
    if (c.marketingOptIn && !invited && interestedIn(c.eventInterests, topic)) out.push_back(c);
  }
  return out;
}

}  // namespace salon
