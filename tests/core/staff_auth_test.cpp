#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <map>

#include "app/core/error.h"
#include "app/core/pin.h"
#include "app/core/staff_auth.h"

using namespace salon;
using salon::test::codeOf;

namespace {

class MemoryStaffStore : public StaffStore {
 public:
  std::optional<StaffCredentials> findStaff(const std::string& code) override {
    auto it = staff.find(code);
    if (it == staff.end()) return std::nullopt;
    return it->second;
  }
  std::vector<Staff> listStaff() override { return {}; }
  void recordPinAttempt(const std::string& code, int failed, Instant lockedUntil, const AuditEntry& a) override {
    staff[code].failedPins = failed;
    staff[code].lockedUntil = lockedUntil;
    audit.push_back(a);
  }
  std::map<std::string, StaffCredentials> staff;
  std::vector<AuditEntry> audit;
};

}  // namespace

TEST_CASE("PINs are stored as Argon2id hashes") {
  std::string h = hashPin("3456", PinCost::minimum());
  CHECK(h.rfind("$argon2id$", 0) == 0);
  CHECK(h.find("3456") == std::string::npos);
  CHECK(pinMatches(h, "3456"));
  CHECK_FALSE(pinMatches(h, "3457"));
  CHECK(isValidPin("1234"));
  CHECK_FALSE(isValidPin("123"));
  CHECK_FALSE(isValidPin("12a4"));
}

TEST_CASE("five wrong PINs lock the code for five minutes") {
  ManualClock clock(1'000'000);
  MemoryStaffStore store;
  store.staff["cash"] = {{"cash", "陈前台", Role::Cashier, "前台", true}, hashPin("3456", PinCost::minimum())};
  StaffAuth auth(store, clock);

  CHECK(auth.signIn("cash", "3456").name == "陈前台");
  for (int i = 0; i < 4; ++i) CHECK(codeOf([&] { auth.signIn("cash", "0000"); }) == "pin_wrong");
  CHECK(codeOf([&] { auth.signIn("cash", "0000"); }) == "pin_locked");
  // Locked: even the right PIN is refused until five minutes have passed.
  CHECK(codeOf([&] { auth.signIn("cash", "3456"); }) == "pin_locked");
  clock.advance(5 * kMinute - 1);
  CHECK(codeOf([&] { auth.signIn("cash", "3456"); }) == "pin_locked");
  clock.advance(1);
  CHECK(codeOf([&] { auth.signIn("cash", "3456"); }) == "ok");
  CHECK(store.staff["cash"].failedPins == 0);

  // Every attempt left a trace, the lock among them.
  int locked = 0, wrong = 0;
  for (const auto& a : store.audit) {
    locked += a.action == "staff.pin_locked";
    wrong += a.action == "staff.pin_wrong";
  }
  CHECK(locked == 1);
  CHECK(wrong == 4);
}

TEST_CASE("a correct PIN resets the count of wrong ones") {
  ManualClock clock;
  MemoryStaffStore store;
  store.staff["mgr"] = {{"mgr", "王店长", Role::Manager, "", true}, hashPin("1234", PinCost::minimum())};
  StaffAuth auth(store, clock);
  for (int i = 0; i < 4; ++i) codeOf([&] { auth.signIn("mgr", "9"); });
  auth.signIn("mgr", "1234");
  for (int i = 0; i < 4; ++i) CHECK(codeOf([&] { auth.signIn("mgr", "9"); }) == "pin_wrong");
}

TEST_CASE("unknown and inactive staff are refused") {
  ManualClock clock;
  MemoryStaffStore store;
  store.staff["old"] = {{"old", "x", Role::Cashier, "", false}, hashPin("1111", PinCost::minimum())};
  StaffAuth auth(store, clock);
  CHECK(codeOf([&] { auth.signIn("nobody", "1111"); }) == "unknown_staff");
  CHECK(codeOf([&] { auth.signIn("old", "1111"); }) == "staff_inactive");
}

TEST_CASE("each further lock in a row lasts twice as long, up to a day, the right PIN resets it") {
  ManualClock clock(1'000'000);
  MemoryStaffStore store;
  store.staff["cash"] = {{"cash", "陈前台", Role::Cashier, "前台", true}, hashPin("3456", PinCost::minimum())};
  StaffAuth auth(store, clock);
  std::int64_t expected = 5 * kMinute;
  for (int lock = 1; lock <= 3; ++lock) {
    for (int i = 0; i < 4; ++i) CHECK(codeOf([&] { auth.signIn("cash", "0000"); }) == "pin_wrong");
    CHECK(codeOf([&] { auth.signIn("cash", "0000"); }) == "pin_locked");
    CHECK(store.staff["cash"].lockedUntil - clock.now() == expected);
    clock.advance(expected);
    expected *= 2;
  }
  CHECK(pinLockoutAfter(5 * 20) == kPinLockoutMax);
  CHECK(codeOf([&] { auth.signIn("cash", "3456", "mgr"); }) == "ok");
  CHECK(store.staff["cash"].failedPins == 0);
  CHECK(store.audit.back().reason == "typed by mgr");
  for (int i = 0; i < 4; ++i) auth.signIn("cash", "3456");
  CHECK(codeOf([&] { auth.signIn("cash", "0000"); }) == "pin_wrong");
}
