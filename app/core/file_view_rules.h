#pragma once
// What a staff member sees of a file on screen: the purposes a view can state
// (QueryPolicy decides which are routine per role), and which fields each role
// sees only masked. A cashier settles bills and a beautician serves: neither
// needs the full phone number, the home address or the income band; the
// illnesses and medication are for those who serve and supervise.
#include <string>
#include <vector>

#include "app/core/staff.h"

namespace salon {

// The purpose codes QueryPolicy knows, in the order they are offered.
const std::vector<std::string>& queryPurposes();

// "phone", "address", "income_band", "illnesses", "medication", ... as the role
// sees them: true when the value must be shown masked.
bool fieldMaskedFor(Role role, const std::string& field);

// A masked value for the screen: phones as 138****8000, anything else as dots.
std::string maskedFieldValue(const std::string& field, const std::string& value);

}  // namespace salon
