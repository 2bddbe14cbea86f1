#include "app/kiosk/customer_search.h"

#include <algorithm>

#include "app/core/phone.h"
#include "app/core/staff_auth.h"

namespace salon::kiosk {
namespace {

constexpr int kSearchLimit = 30;
constexpr int kBrowsePage = 20;

ui::FoundCustomer found(const CustomerSummary& c) { return {c.id, c.fileNo, c.memberNo, c.name, maskPhone(c.phone)}; }

}  // namespace

void findCustomers(DeskContext& k, ui::CustomerSearchView& s, const std::string& purpose) {
  s.found.clear();
  s.browseOrder.clear();
  s.searched = !s.query.empty();
  if (s.query.empty()) return;
  Guard(k.audit, k.clock).require(*k.staff, Action::ViewCustomerFile, "customer", "search");
  for (const CustomerSummary& c : k.directory.search(s.query, kSearchLimit)) s.found.push_back(found(c));
  if (!s.found.empty())
    k.audit.append(auditOf(k.clock.now(), k.staff->code, "customer.view", "customer", "search",
                           purpose + ": " + s.query, "name,phone_masked"));
}

void browseCustomers(DeskContext& k, ui::CustomerSearchView& s, const std::string& order, int page) {
  const auto o = customerOrderNamed(order);
  if (!o || page < 0) return;
  Guard(k.audit, k.clock).require(*k.staff, Action::ViewCustomerFile, "customer", "list");
  std::vector<CustomerSummary> rows = k.directory.list(*o, page * kBrowsePage, kBrowsePage + 1);
  if (page > 0 && rows.empty()) return;
  s.query.clear();
  s.searched = true;
  s.browseOrder = order;
  s.browsePage = page;
  s.browseMore = rows.size() > static_cast<std::size_t>(kBrowsePage);
  if (s.browseMore) rows.pop_back();
  s.found.clear();
  for (const CustomerSummary& c : rows) s.found.push_back(found(c));
  if (!s.found.empty())
    k.audit.append(auditOf(k.clock.now(), k.staff->code, "customer.view", "customer",
                           "list:" + order + " page " + std::to_string(page + 1), "browse files", "name,phone_masked"));
}

bool wasOffered(const ui::CustomerSearchView& s, CustomerId id) {
  return std::any_of(s.found.begin(), s.found.end(), [&](const ui::FoundCustomer& f) { return f.id == id; });
}

}  // namespace salon::kiosk
