#include <catch2/catch.hpp>

#include "app/core/file_view_rules.h"

using namespace salon;

TEST_CASE("who sees which field of a file unmasked") {
  CHECK(fieldMaskedFor(Role::Cashier, "phone"));
  CHECK(fieldMaskedFor(Role::Cashier, "medication"));
  CHECK_FALSE(fieldMaskedFor(Role::Cashier, "allergies"));  // an allergy is a safety matter at checkout
  CHECK(fieldMaskedFor(Role::Beautician, "address"));
  CHECK_FALSE(fieldMaskedFor(Role::Beautician, "illnesses"));
  CHECK_FALSE(fieldMaskedFor(Role::Manager, "phone"));
  CHECK_FALSE(fieldMaskedFor(Role::Supervisor, "income_band"));
  CHECK(maskedFieldValue("phone", "13800138000") == "138****8000");
  CHECK(maskedFieldValue("address", "北京路1号") == "******");
  CHECK(queryPurposes().front() == "checkout");
}
