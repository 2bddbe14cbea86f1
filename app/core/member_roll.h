#pragma once
// Port: the members in the order they joined, and how many files are on record.
// Scripted sessions and the kiosk's benchmark pick "the N-th member" from it.
#include <cstdint>
#include <optional>
#include <string>

#include "app/core/customer.h"

namespace salon {

class MemberRoll {
 public:
  virtual ~MemberRoll() = default;
  // The n-th member (1-based) by file order: its customer and member number.
  virtual std::optional<CustomerSummary> nthMember(int n) = 0;
  virtual std::int64_t customersOnFile() = 0;
};

}  // namespace salon
