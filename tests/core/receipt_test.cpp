#include <catch2/catch.hpp>

#include "app/core/receipt.h"

using namespace salon;

TEST_CASE("phones are masked on paper") {
  CHECK(maskPhone("13800138000") == "138****8000");
  CHECK(maskPhone("+85291234567") == "+852****4567");
  CHECK(maskPhone("021-62881234") == "021-****1234");
  CHECK(maskPhone("62881234") == "****1234");
  CHECK(maskPhone("123") == "***");
}

TEST_CASE("the sample receipt adds up") {
  Receipt r = sampleReceipt(0, 20);
  CHECK(r.lines.size() == 20);
  Money sum;
  for (const auto& l : r.lines) sum += l.amount;
  CHECK(sum == r.subtotal - r.discountTotal);
  CHECK(r.total == sum + r.rounding);
  CHECK(r.total.fen % 100 == 0);
  Money paid;
  for (const auto& t : r.tenders) paid += t.amount;
  CHECK(paid - r.change == r.total);
}
