#include "app/core/service_record.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "app/core/error.h"
#include "app/core/text_rules.h"
#include "app/core/uuid.h"

namespace salon {
namespace {

constexpr std::int64_t kTapBeforeSettlement = 12 * kHour;

std::string lineServiceId(const SettledService& s) {
  return "sale:" + s.saleId + ":" + std::to_string(s.lineNo) + ":" + s.staff;
}

ServiceDuty dutyOf(const std::string& id, std::optional<CustomerId> customer, const std::string& item,
                   const std::string& staff, Instant ended, bool tapped,
                   const std::map<std::string, Instant>& recorded,
                   const std::map<std::string, std::string>& departments, const RecordingRules& rules) {
  auto dept = departments.find(staff);
  ServiceDuty d{id, customer, item, tapped,
                startDeadline(RecordingClock::ServiceDetails, rules, ended, "service", id, staff,
                              dept == departments.end() ? "" : dept->second)};
  if (auto r = recorded.find(id); r != recorded.end()) d.deadline.doneAt = r->second;
  return d;
}

}  // namespace

std::vector<ServiceDuty> serviceDuties(const std::vector<ServiceEnding>& taps,
                                       const std::vector<SettledService>& settled,
                                       const std::map<std::string, Instant>& recorded,
                                       const std::map<std::string, std::string>& departments,
                                       const RecordingRules& rules) {
  // The taps by who tapped what for whom, in their order: a year's settled
  // lines each look at their own few taps, not at every tap of the year.
  std::map<std::tuple<std::optional<CustomerId>, std::string_view, std::string_view>, std::vector<std::size_t>> byWhat;
  for (std::size_t i = 0; i < taps.size(); ++i) byWhat[{taps[i].customer, taps[i].item, taps[i].staff}].push_back(i);
  std::vector<bool> used(taps.size(), false);
  std::vector<ServiceDuty> out;
  out.reserve(settled.size() + taps.size());
  for (const SettledService& s : settled) {
    // The latest unused tap of this service before its settlement (the first of equals).
    std::optional<std::size_t> best;
    static const std::vector<std::size_t> kNone;
    auto same = byWhat.empty() ? byWhat.end() : byWhat.find({s.customer, s.item, s.staff});
    for (std::size_t i : same == byWhat.end() ? kNone : same->second) {
      const ServiceEnding& t = taps[i];
      if (used[i] || t.endedAt > s.completedAt || s.completedAt - t.endedAt > kTapBeforeSettlement) continue;
      if (!best || taps[*best].endedAt < t.endedAt) best = i;
    }
    if (best) {
      used[*best] = true;  // the tap's own duty (below) covers this line
      continue;
    }
    out.push_back(dutyOf(lineServiceId(s), s.customer, s.item, s.staff, s.completedAt, false, recorded, departments,
                         rules));
  }
  const auto firstTap = static_cast<std::ptrdiff_t>(out.size());
  // Every tap is a duty: paired with its settled line, or not settled yet.
  for (const ServiceEnding& t : taps)
    out.push_back(dutyOf(t.id, t.customer, t.item, t.staff, t.endedAt, true, recorded, departments, rules));
  auto earlier = [](const ServiceDuty& a, const ServiceDuty& b) {
    return a.deadline.startedAt != b.deadline.startedAt ? a.deadline.startedAt < b.deadline.startedAt
                                                        : a.serviceId < b.serviceId;
  };
  // The settled lines come (nearly always) in order already: sort each part, then merge.
  if (!std::is_sorted(out.begin(), out.begin() + firstTap, earlier)) std::sort(out.begin(), out.begin() + firstTap, earlier);
  std::sort(out.begin() + firstTap, out.end(), earlier);
  std::inplace_merge(out.begin(), out.begin() + firstTap, out.end(), earlier);
  return out;
}

std::vector<ServiceDueRow> serviceDetailsDue(const std::vector<ServiceDuty>& duties, Instant now,
                                             const std::string& staff) {
  std::vector<ServiceDueRow> rows;
  for (const ServiceDuty& d : duties) {
    if (d.deadline.doneAt || (!staff.empty() && d.deadline.staff != staff)) continue;
    std::int64_t left = remaining(d.deadline, now);
    rows.push_back({d.serviceId, d.customer, d.item, d.deadline.staff, d.deadline.startedAt, d.deadline.dueAt, left,
                    formatCountdown(left), statusAt(d.deadline, now) == DeadlineStatus::Overdue});
  }
  std::sort(rows.begin(), rows.end(), [](const ServiceDueRow& a, const ServiceDueRow& b) {
    return a.dueAt != b.dueAt ? a.dueAt < b.dueAt : a.serviceId < b.serviceId;
  });
  return rows;
}

ServiceEnding ServiceRecords::finish(const Staff& by, std::optional<CustomerId> customer, const std::string& item,
                                     const std::string& performer) {
  guard_.require(by, Action::RecordServiceDetails, "service", item);
  if (item.empty()) throw DomainError("bad_input", "item");
  ServiceEnding e{newUuid(), customer, item, performer.empty() ? by.code : performer, clock_.now(), by.code};
  store_.saveEnding(e, auditOf(e.endedAt, by.code, "service.finished", "service", e.id,
                               e.staff + " " + item));
  return e;
}

std::vector<ServiceDuty> ServiceRecords::duties(std::int64_t window) {
  Instant now = clock_.now();
  // A tap up to 12 h before settlement pairs with a line settled in the window.
  Instant from = now - window;
  return serviceDuties(store_.endings(from - kTapBeforeSettlement, now + 1), store_.settledServices(from, now + 1),
                       store_.detailsRecorded(from - kTapBeforeSettlement, now + 1), store_.departments(), rules_);
}

std::vector<ServiceDueRow> ServiceRecords::due(const std::string& staff) {
  return serviceDetailsDue(duties(), clock_.now(), staff);
}

ServiceDetails ServiceRecords::record(const Staff& by, const std::string& serviceId, int durationMinutes,
                                      const std::string& effect, const std::string& feedback) {
  guard_.require(by, Action::RecordServiceDetails, "service", serviceId);
  std::vector<ServiceDuty> all = duties(31 * kDay);
  auto it = std::find_if(all.begin(), all.end(), [&](const ServiceDuty& d) { return d.serviceId == serviceId; });
  if (it == all.end()) throw DomainError("not_found", "service " + serviceId);
  if (it->deadline.doneAt) throw DomainError("already_recorded", serviceId);
  if (it->deadline.staff != by.code) throw DomainError("not_your_service", it->deadline.staff);
  if (durationMinutes <= 0 || durationMinutes > 12 * 60) throw DomainError("bad_input", "duration");
  ServiceDetails d{serviceId,
                   it->customer,
                   by.code,
                   it->item,
                   it->deadline.startedAt,
                   clock_.now(),
                   durationMinutes,
                   checkText("effect", effect, {2000, true, true}),
                   checkText("feedback", feedback, {1000, true, true})};
  if (d.effect.empty()) throw DomainError("bad_input", "effect");
  store_.saveDetails(d, auditOf(d.recordedAt, by.code, "service.recorded", "service", serviceId,
                                statusAt(it->deadline, d.recordedAt) == DeadlineStatus::Overdue ? "late" : "on time"));
  return d;
}

}  // namespace salon
