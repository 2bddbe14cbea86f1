#pragma once
// The warm colours that tell things apart at a glance: a colour per service
// category (catalog tiles, the day book's appointments) and per customer (the
// photo-less avatar). Every strong colour carries white text, every soft one the
// dark ink, so either may sit under words.
#include <imgui.h>

#include <string>

#include "app/ui/widgets.h"

namespace salon::ui {

struct Swatch {
  ImU32 strong;  // strips, edges, the avatar's disc (white text on it)
  ImU32 soft;    // a block's fill (dark text on it)
};

// The palette: `index` wraps around its colours.
Swatch paletteSwatch(std::size_t index);
// A category's colour, the same on every screen: "hair" and its catalog key
// "ui.checkout.cat.hair" match. The salon's own categories are spread over the
// palette by a stable hash; "" (not known) is a neutral warm grey.
Swatch categorySwatch(const std::string& category);
// A customer's colour from the file number: the same customer, the same colour.
Swatch customerSwatch(const std::string& fileNo);

// A state's chip: its icon and fill (white text on it). States: "ui.queue.waiting",
// "ui.queue.in_service", "ui.queue.paid", appointment states ("….state.booked", "….no_show"), and the
// recording clocks' "due" and "overdue". fill is 0 for a state without a chip.
struct StateChip {
  Icon icon = Icon::None;
  ImU32 fill = 0;
};
StateChip stateChip(const std::string& stateKey);

// The photo-less avatar: a disc of `diameter` in the customer's colour with the
// name's first character, at the cursor (an item: SameLine works after it).
void avatar(UiContext& ui, const std::string& name, const std::string& fileNo, float diameter);

}  // namespace salon::ui
