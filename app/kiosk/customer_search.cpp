#include "app/kiosk/customer_search.h"

#include <algorithm>

#include "app/core/phone.h"
#include "app/core/staff_auth.h"

namespace salon::kiosk {
namespace {

constexpr int kSearchLimit = 30;

}  // namespace

void findCustomers(DeskContext& k, ui::CustomerSearchView& s, const std::string& purpose) {
  s.found.clear();
  s.searched = !s.query.empty();
  if (s.query.empty()) return;
  Guard(k.audit, k.clock).require(*k.staff, Action::ViewCustomerFile, "customer", "search");
  for (const CustomerSummary& c : k.directory.search(s.query, kSearchLimit))
    s.found.push_back({c.id, c.fileNo, c.memberNo, c.name, maskPhone(c.phone)});
  if (!s.found.empty())
    k.audit.append(auditOf(k.clock.now(), k.staff->code, "customer.view", "customer", "search",
                           purpose + ": " + s.query, "name,phone_masked"));
}

bool wasOffered(const ui::CustomerSearchView& s, CustomerId id) {
  return std::any_of(s.found.begin(), s.found.end(), [&](const ui::FoundCustomer& f) { return f.id == id; });
}

}  // namespace salon::kiosk
