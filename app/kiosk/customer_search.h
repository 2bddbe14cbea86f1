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

// A page of every file in an order ("pinyin", "strokes", "created", "skin"),
// audited as a view of names and masked phones; what was typed is cleared. A page
// past the end leaves the list as it was.
void browseCustomers(DeskContext& k, ui::CustomerSearchView& s, const std::string& order, int page);

// Whether `id` is one of the customers the screen offered (a stale tap is not).
bool wasOffered(const ui::CustomerSearchView& s, CustomerId id);

}  // namespace salon::kiosk
