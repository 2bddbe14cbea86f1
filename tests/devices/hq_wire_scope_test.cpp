// Head office's balance answer says what the asking store may spend under the chain
// settings chain.scope.* ("usable_here", PROTOCOL.md): read into MemberBalance, with
// the packages it lists that may not be used here; an answer without it is all usable.
#include <catch2/catch.hpp>

#include "devices/hq_wire.h"

using namespace salon;

namespace {

std::string answer(const std::string& usable) {
  return R"({"member_no": "M01000001", "home_store": "A01", "stored_value": {"principal": 75000, "bonus": 15000},)"
         R"( "points": 200, "packages": [{"package": "s1/1", "service": "S-FACIAL", "sessions_left": 9,)"
         R"( "expires": "2027-12-04"}, {"package": "s2/1", "service": "S-EYE", "sessions_left": 2, "expires": "2027-12-04"}],)"
         R"( "arrears": 0, "as_of_ms": 1780000000000, "stored_through": 12, "source": "hq")" +
         usable + "}";
}

}  // namespace

TEST_CASE("hq wire: usable_here is what the store may spend - packages sold elsewhere listed apart") {
  MemberBalance b = devices::memberBalanceFrom(answer(R"(, "scopes": {"principal": "chain", "bonus": "selling_store",)"
                                                      R"( "packages": "selling_store", "points": "chain"},)"
                                                      R"( "usable_here": {"stored_value": {"principal": 75000, "bonus": 0},)"
                                                      R"( "points": 200, "packages": ["s2/1"]})"));
  CHECK(b.bonus == Money(15000));  // the member's figures stay whole
  REQUIRE(b.usableHere);
  CHECK(b.usableHere->principal == Money(75000));
  CHECK(b.usableHere->bonus == Money());
  CHECK(b.usableHere->points == 200);
  CHECK(b.usableHere->packagesElsewhere == std::vector<std::string>{"s1/1"});
}

TEST_CASE("hq wire: a balance answer without usable_here leaves it unsaid") {
  MemberBalance b = devices::memberBalanceFrom(answer(""));
  CHECK(b.principal == Money(75000));
  CHECK_FALSE(b.usableHere);
}
