#pragma once
// Finding a customer on the file and members screens: by phone, name, pinyin
// initials or card number, audited as a view of names and masked phones.
#include <string>

#include "app/kiosk/desk.h"
#include "app/ui/customer_file/customer_file_view.h"

namespace salon::kiosk {

// Fills `s.found` for `s.query` (nothing for an empty query); `purpose` goes to
// the audit entry ("find a customer: 138").
void findCustomers(DeskContext& k, ui::CustomerSearchView& s, const std::string& purpose);

// Whether `id` is one of the customers the screen offered (a stale tap is not).
bool wasOffered(const ui::CustomerSearchView& s, CustomerId id);

}  // namespace salon::kiosk
