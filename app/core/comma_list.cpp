#include "app/core/comma_list.h"

#include <sstream>

namespace salon {

std::vector<std::string> commaList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ','))
    if (!part.empty()) out.push_back(part);
  return out;
}

}  // namespace salon
