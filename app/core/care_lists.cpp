#include "app/core/care_lists.h"

#include <algorithm>
#include <cstdlib>

namespace salon {

std::string careRef(const CareTask& t) { return formatDate(t.due); }

int lapseDaysFrom(const std::optional<std::string>& setting) {
  return setting ? std::max(1, std::atoi(setting->c_str())) : 90;
}

}  // namespace salon
