#pragma once
// What other modules need to know of a customer file. The customer-file module
// owns the full record (customer_file.h); checkout, devices and the UI use this.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"

namespace salon {

using CustomerId = std::int64_t;

struct CustomerSummary {
  CustomerId id = 0;
  std::string fileNo;    // S01-2026-000123
  std::string memberNo;  // M00000001, or "" for a non-member
  std::string name;
  std::string phone;     // normalised; mask it before showing it to the customer
  std::optional<CivilDate> birthday;
  std::string status;    // pending_review, in_force, returned
};

// How browsing lists are sorted (DOMAIN: by pinyin, surname stroke count,
// creation date or skin condition).
enum class CustomerOrder { Pinyin, SurnameStrokes, Created, SkinType };
// "pinyin", "strokes", "created", "skin"; nullopt for any other name.
std::optional<CustomerOrder> customerOrderNamed(const std::string& name);

// Port: finds customers. Implemented by storage.
class CustomerDirectory {
 public:
  virtual ~CustomerDirectory() = default;
  virtual std::optional<CustomerSummary> byId(CustomerId id) = 0;
  // Phone (whole or last 4 digits), name, pinyin, file number or member number.
  virtual std::vector<CustomerSummary> search(const std::string& query, int limit) = 0;
  // The newest files first.
  virtual std::vector<CustomerSummary> recent(int limit) = 0;
  // How many files `search` would find without a limit.
  virtual std::int64_t countMatches(const std::string& query) {
    return static_cast<std::int64_t>(search(query, 0).size());
  }
  // A page of every file in the given order (limit 0 = to the end).
  virtual std::vector<CustomerSummary> list(CustomerOrder order, int offset, int limit) {
    (void)order;
    (void)offset;
    return recent(limit);
  }
};

}  // namespace salon
