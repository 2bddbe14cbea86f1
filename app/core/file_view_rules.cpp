#include "app/core/file_view_rules.h"

#include <map>
#include <set>

#include "app/core/phone.h"

namespace salon {

const std::vector<std::string>& queryPurposes() {
  static const std::vector<std::string> all = {"checkout",      "service",   "booking",   "registration", "review",
                                               "care_followup", "complaint", "statement", "marketing",    "other"};
  return all;
}

bool fieldMaskedFor(Role role, const std::string& field) {
  static const std::set<std::string> contact = {"phone", "address", "income_band"};
  static const std::set<std::string> medical = {"illnesses", "medication"};
  switch (role) {
    case Role::Supervisor:
    case Role::Manager: return false;
    case Role::Beautician: return contact.count(field) == 1;
    case Role::Cashier:
    case Role::Finance:
    case Role::Admin: return contact.count(field) == 1 || medical.count(field) == 1;
  }
  return true;
}

std::string maskedFieldValue(const std::string& field, const std::string& value) {
  if (value.empty()) return value;
  if (field == "phone") return maskPhone(value);
  return "******";
}

}  // namespace salon
