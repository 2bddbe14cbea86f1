// The 30-minute service-details clock: taps, settlement, the due list, who records.
#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include "app/core/error.h"
#include "app/core/service_record.h"

using namespace salon;
using salon::test::MemoryAudit;
using salon::test::kCash;
using salon::test::kBeau;

namespace {

const StoreZone kZone{480};
const Instant kTen = startOfLocalDay({2026, 11, 16}, kZone) + 10 * kHour;  // Monday 10:00

struct MemoryServices : ServiceRecordStore {
  void saveEnding(const ServiceEnding& e, const AuditEntry&) override { taps.push_back(e); }
  std::vector<ServiceEnding> endings(Instant from, Instant to) override {
    std::vector<ServiceEnding> out;
    for (const auto& t : taps)
      if (t.endedAt >= from && t.endedAt < to) out.push_back(t);
    return out;
  }
  std::vector<SettledService> settledServices(Instant from, Instant to) override {
    std::vector<SettledService> out;
    for (const auto& s : settled)
      if (s.completedAt >= from && s.completedAt < to) out.push_back(s);
    return out;
  }
  std::map<std::string, Instant> detailsRecorded(Instant, Instant) override {
    std::map<std::string, Instant> out;
    for (const auto& d : details) out[d.serviceId] = d.recordedAt;
    return out;
  }
  std::map<std::string, std::string> departments() override { return {{"beau", "美容部"}, {"beau2", "美容部"}}; }
  void saveDetails(const ServiceDetails& d, const AuditEntry& a) override {
    details.push_back(d);
    audit.push_back(a);
  }
  std::vector<ServiceEnding> taps;
  std::vector<SettledService> settled;
  std::vector<ServiceDetails> details;
  std::vector<AuditEntry> audit;
};

const Staff kBeau2{"beau2", "周美容师", Role::Beautician, "美容部", true};

}  // namespace

TEST_CASE("a tapped service is due 30 minutes after the tap, not after settlement") {
  std::vector<ServiceEnding> taps = {{"tap-1", 7, "S-FACIAL", "beau", kTen, "beau"}};
  // Settled 40 minutes later: the tap, not the settlement, started the clock.
  std::vector<SettledService> settled = {{"sale-1", 1, 7, "S-FACIAL", "beau", kTen + 40 * kMinute}};
  auto duties = serviceDuties(taps, settled, {}, {{"beau", "美容部"}}, {});
  REQUIRE(duties.size() == 1);
  CHECK(duties[0].serviceId == "tap-1");
  CHECK(duties[0].tapped);
  CHECK(duties[0].deadline.dueAt == kTen + 30 * kMinute);
  CHECK(duties[0].deadline.department == "美容部");
}

TEST_CASE("a service nobody tapped ends at settlement, then each staff member of a line owes details") {
  std::vector<SettledService> settled = {{"sale-1", 1, 7, "S-FACIAL", "beau", kTen},
                                         {"sale-1", 1, 7, "S-FACIAL", "beau2", kTen}};
  // A tap for another customer, and one 13 hours before: neither pairs with this line.
  std::vector<ServiceEnding> taps = {{"tap-x", 8, "S-FACIAL", "beau", kTen - kHour, "beau"},
                                     {"tap-old", 7, "S-FACIAL", "beau", kTen - 13 * kHour, "beau"}};
  auto duties = serviceDuties(taps, settled, {}, {}, {});
  REQUIRE(duties.size() == 4);
  int settledDuties = 0;
  for (const auto& d : duties)
    if (!d.tapped) {
      ++settledDuties;
      CHECK(d.deadline.startedAt == kTen);
      CHECK(d.deadline.dueAt == kTen + 30 * kMinute);
    }
  CHECK(settledDuties == 2);
  CHECK(duties[2].serviceId == "sale:sale-1:1:beau");
  CHECK(duties[3].serviceId == "sale:sale-1:1:beau2");
}

TEST_CASE("one tap covers one line only") {
  std::vector<ServiceEnding> taps = {{"tap-1", 7, "S-CUT", "beau", kTen, "beau"}};
  std::vector<SettledService> settled = {{"sale-1", 1, 7, "S-CUT", "beau", kTen + kMinute},
                                         {"sale-1", 2, 7, "S-CUT", "beau", kTen + kMinute}};
  auto duties = serviceDuties(taps, settled, {}, {}, {});
  REQUIRE(duties.size() == 2);
  CHECK(duties[0].serviceId == "tap-1");
  CHECK(duties[1].serviceId == "sale:sale-1:2:beau");
}

TEST_CASE("the due list counts down, flags overdue, and drops what is recorded") {
  MemoryAudit audit;
  ManualClock clock(kTen);
  Guard guard(audit, clock);
  MemoryServices store;
  ServiceRecords services(store, guard, clock);
  ServiceEnding a = services.finish(kBeau, 7, "S-FACIAL", "");
  clock.advance(5 * kMinute);
  ServiceEnding b = services.finish(kBeau, 8, "S-CUT", "beau2");
  CHECK(b.staff == "beau2");
  CHECK(b.endedBy == "beau");

  clock.advance(17 * kMinute + 55 * kSecond);  // 22:55 after a
  auto due = services.due();
  REQUIRE(due.size() == 2);
  CHECK(due[0].serviceId == a.id);
  CHECK(due[0].countdown == "7:05");
  CHECK_FALSE(due[0].overdue);
  CHECK(services.due("beau2").size() == 1);

  clock.advance(10 * kMinute);  // 32:55 after a, 27:55 after b
  due = services.due();
  CHECK(due[0].overdue);
  CHECK(due[0].countdown == "-2:55");
  CHECK_FALSE(due[1].overdue);

  // Only the performer records; then it leaves the list.
  CHECK_THROWS_WITH(services.record(kBeau, b.id, 45, "发质改善", ""), Catch::Contains("not_your_service"));
  ServiceDetails d = services.record(kBeau2, b.id, 45, "发质改善", "顾客满意");
  CHECK(d.recordedAt == clock.now());
  CHECK(store.audit.back().reason == "on time");
  CHECK_THROWS_WITH(services.record(kBeau2, b.id, 45, "再次", ""), Catch::Contains("already_recorded"));
  services.record(kBeau, a.id, 60, "补水后肤色均匀", "");
  CHECK(store.audit.back().reason == "late");
  CHECK(services.due().empty());
}

TEST_CASE("service details need a duration and effect notes, and a cashier cannot record them") {
  MemoryAudit audit;
  ManualClock clock(kTen);
  Guard guard(audit, clock);
  MemoryServices store;
  ServiceRecords services(store, guard, clock);
  ServiceEnding a = services.finish(kBeau, 7, "S-FACIAL", "");
  CHECK_THROWS_WITH(services.record(kBeau, a.id, 0, "好", ""), Catch::Contains("bad_input"));
  CHECK_THROWS_WITH(services.record(kBeau, a.id, 30, "  ", ""), Catch::Contains("bad_input"));
  CHECK_THROWS_WITH(services.finish(kCash, 7, "S-FACIAL", "beau"), Catch::Contains("permission_denied"));
  CHECK(store.details.empty());
}
