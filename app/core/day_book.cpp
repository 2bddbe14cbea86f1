#include "app/core/day_book.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace salon {

int clockMinutes(const std::optional<std::string>& text, int fallback) {
  if (!text || text->size() != 5 || (*text)[2] != ':') return fallback;
  int h = std::atoi(text->substr(0, 2).c_str()), m = std::atoi(text->substr(3).c_str());
  return h >= 0 && h <= 24 && m >= 0 && m < 60 ? h * 60 + m : fallback;
}

std::vector<RosterEntry> rosterOf(const std::vector<Staff>& staff, const std::vector<CatalogItem>& services,
                                  const std::vector<std::string>& absent) {
  std::set<std::string> named;
  for (const CatalogItem& i : services)
    if (i.kind == ItemKind::Service && i.active) named.insert(i.qualifiedStaff.begin(), i.qualifiedStaff.end());
  std::vector<RosterEntry> out;
  for (const Staff& s : staff) {
    if (!s.active || (s.role != Role::Beautician && !named.count(s.code))) continue;
    out.push_back({s.code, s.name, std::find(absent.begin(), absent.end(), s.code) != absent.end()});
  }
  return out;
}

}  // namespace salon
