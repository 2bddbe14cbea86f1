#pragma once
// Finding a customer by phone, name, pinyin initials or card number: the query,
// the customers found as tappable rows, and the on-screen keyboard under them.
// Shared by the customer-file and members screens.
#include <string>

#include "app/ui/customer_file/customer_file_view.h"
#include "app/ui/widgets.h"

namespace salon::ui {

struct SearchInput {
  std::string keys;      // on-screen keyboard keys
  std::string typed;     // a hardware keyboard, an IME or a card reader
  CustomerId picked = 0; // a row tapped
  std::string browseOrder;  // an order or a page button tapped: the page wanted
  int browsePage = -1;
};

// `browsable`: with nothing typed, the orders to browse every file by, and the
// pages (the file screen; the members screen only searches).
SearchInput customerSearch(UiContext& ui, const CustomerSearchView& v, const std::string& idPrefix,
                           bool browsable = false);

void addTexts(const CustomerSearchView& v, std::vector<std::string>& out);

}  // namespace salon::ui
