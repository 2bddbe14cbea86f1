#include "app/core/member_balance.h"

#include <algorithm>
#include <tuple>

namespace salon {

const char* balanceSourceName(BalanceSource s) { return s == BalanceSource::HeadOffice ? "hq" : "local"; }

void sortPackages(std::vector<PackageBalance>& packages) {
  std::stable_sort(packages.begin(), packages.end(), [](const PackageBalance& a, const PackageBalance& b) {
    return std::tie(a.expires, a.service) < std::tie(b.expires, b.service);
  });
}

}  // namespace salon
