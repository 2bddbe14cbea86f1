#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "app/core/phone.h"

using namespace salon;

TEST_CASE("phone numbers are normalised by kind") {
  struct Case {
    const char* in;
    const char* out;
    PhoneKind kind;
  } cases[] = {
      {"13800138000", "13800138000", PhoneKind::MainlandMobile},
      {"138 0013 8000", "13800138000", PhoneKind::MainlandMobile},
      {"+86 138-0013-8000", "13800138000", PhoneKind::MainlandMobile},
      {"8613800138000", "13800138000", PhoneKind::MainlandMobile},
      {"19912345678", "19912345678", PhoneKind::MainlandMobile},
      {"+852 9123 4567", "+85291234567", PhoneKind::HongKong},
      {"0085291234567", "+85291234567", PhoneKind::HongKong},
      {"+853 6612 3456", "+85366123456", PhoneKind::Macau},
      {"+886 912 345 678", "+886912345678", PhoneKind::Taiwan},
      {"+886 0912345678", "+886912345678", PhoneKind::Taiwan},
      {"021-62881234", "021-62881234", PhoneKind::Landline},
      {"02162881234", "021-62881234", PhoneKind::Landline},
      {"(0755) 1234567", "0755-1234567", PhoneKind::Landline},
      {"010-88886666", "010-88886666", PhoneKind::Landline},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    PhoneNumber p = parsePhone(c.in);
    CHECK(p.normalised == c.out);
    CHECK(p.kind == c.kind);
    CHECK(p.last4 == std::string(c.out).substr(std::string(c.out).size() - 4));
  }
}

TEST_CASE("invalid phone numbers are refused with phone_invalid") {
  for (const char* bad : {"", "12345", "12800138000", "1380013800", "138001380001", "+852 1234 5678", "+853 1234 5678", "021-01234567",
                          "011-62881234", "13800138000a", "138😀00138000", "+44 20 7946 0958",
                          "0000000000000000000"}) {
    INFO(bad);
    CHECK_THROWS_MATCHES(parsePhone(bad), DomainError,
                         Catch::Matchers::Predicate<DomainError>([](const DomainError& e) { return e.code() == "phone_invalid"; }));
    CHECK_FALSE(isPhone(bad));
  }
}

TEST_CASE("a phone is masked for customer-facing screens") {
  CHECK(maskPhone("13800138000") == "138****8000");
  CHECK(maskPhone("021-62881234") == "021-****1234");
}
