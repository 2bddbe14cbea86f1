#include "app/kiosk/checkout_back_entry.h"

#include <algorithm>
#include <iterator>

#include "app/core/back_entry.h"
#include "app/core/error.h"

namespace salon::kiosk {
namespace {

std::string reasonKey(const std::string& code) { return "ui.checkout.back_entry.reason." + code; }

// "1405" typed as the screen shows it: "14:05" ("14:" after two digits).
std::string asTime(const std::string& digits) {
  if (digits.size() < 2) return digits;
  return digits.substr(0, 2) + ":" + digits.substr(2);
}

}  // namespace

bool CheckoutBackEntry::editing() const {
  return c_.at(ui::CheckoutStage::Cart) && c_.view().entry == ui::CheckoutEntry::BackEntry;
}

void CheckoutBackEntry::show() {
  ui::CheckoutBackEntryView& b = c_.view().backEntry;
  const StoreZone zone = c_.setup->zone;
  const Instant now = c_.k().clock.now();
  b = {};
  if (c_.backEntry) {
    b.active = true;
    b.at = clockTime(c_.backEntry->at, zone);
    b.reasonKey = reasonKey(c_.backEntry->reasonCode);
    b.late = recordedLate(c_.backEntry->at, now);
  }
  if (!editing()) return;
  b.choice = choice_;
  if (draftAt_) {
    b.draftAt = clockTime(*draftAt_, zone);
    b.draftLate = recordedLate(*draftAt_, now);
  }
  b.draftReason = reason_;
  b.typing = typing_;
  b.typed = asTime(typed_.text());
  if (auto day = c_.store().currentDay(); day && !day->closedAt) b.earliest = clockTime(earliestBackEntry(*day), zone);
}

bool CheckoutBackEntry::allowed(Instant at) {
  try {
    checkBackEntryTime(at, c_.store().currentDay(), c_.k().clock.now(), c_.setup->zone);
    return true;
  } catch (const DomainError& e) {
    c_.refuse(e.code());
    if (e.code() == "back_entry_before_day") c_.view().message += " " + e.detail();
    return false;
  }
}

void CheckoutBackEntry::closeEditor() {
  if (c_.view().entry == ui::CheckoutEntry::BackEntry) c_.view().entry = ui::CheckoutEntry::None;
  typing_ = false;
  typed_.clear();
}

// The editor opens in the catalog's place with the ticket's back-entry, if any.
void CheckoutBackEntry::on(const ui::CheckoutOpenBackEntry&) {
  if (!c_.at(ui::CheckoutStage::Cart) || editing()) return;
  auto day = c_.store().currentDay();
  if (!day || day->closedAt) return c_.refuse("day_not_open");
  ui::CheckoutView& v = c_.view();
  v.entry = ui::CheckoutEntry::BackEntry;
  v.askingStaffFor = 0;
  v.found.clear();
  draftAt_.reset();
  choice_ = -1;
  reason_.clear();
  typing_ = false;
  typed_.clear();
  if (c_.backEntry) {
    draftAt_ = c_.backEntry->at;
    reason_ = c_.backEntry->reasonCode;
  }
}

// A chip: so many minutes ago (to the minute), or the keypad for a time of today
// (-1: from the keypad back to the chips).
void CheckoutBackEntry::on(const ui::CheckoutBackEntryTime& i) {
  if (!editing() || i.choice < -1 || i.choice > 4) return;
  if (i.choice == -1) {
    typing_ = false;
    if (!draftAt_) choice_ = -1;
    return;
  }
  if (i.choice == 4) {
    choice_ = 4;
    typing_ = true;
    typed_.clear();
    draftAt_.reset();
    return;
  }
  const Instant now = c_.k().clock.now();
  const Instant at = (now - ui::kBackEntryMinutes[i.choice] * kMinute) / kMinute * kMinute;
  typing_ = false;
  if (!allowed(at)) return;
  choice_ = i.choice;
  draftAt_ = at;
}

void CheckoutBackEntry::on(const ui::CheckoutBackEntryKeys& i) {
  if (!editing() || !typing_) return;
  if (!typed_.apply(i.keys)) return;
  auto at = todayAt(typed_.text(), c_.k().clock.now(), c_.setup->zone);
  if (!at) return c_.refuse("back_entry_bad_time");
  if (!allowed(*at)) return;
  draftAt_ = at;
  typing_ = false;
}

void CheckoutBackEntry::on(const ui::CheckoutBackEntryReason& i) {
  if (!editing()) return;
  const auto* end = std::end(ui::kBackEntryReasons);
  if (std::find_if(std::begin(ui::kBackEntryReasons), end, [&](const char* r) { return i.code == r; }) == end) return;
  reason_ = i.code;
}

// 确定: the ticket becomes a back-entry (priced at its time); the reason is kept in
// the words the cashier chose it in.
void CheckoutBackEntry::on(const ui::CheckoutApplyBackEntry&) {
  if (!editing()) return;
  if (!draftAt_) return c_.hint("ui.checkout.back_entry.need_time");
  if (reason_.empty()) return c_.hint("ui.checkout.back_entry.need_reason");
  if (!allowed(*draftAt_)) return;
  try {
    c_.backEntry = BackEntry{*draftAt_, reason_, backEntryReason(c_.k().catalog.text(reasonKey(reason_)))};
  } catch (const DomainError& e) {
    return c_.refuse(e.code());
  }
  closeEditor();
  c_.price();
}

// 取消补录: a sale made now again (from the editor or the banner).
void CheckoutBackEntry::on(const ui::CheckoutCancelBackEntry&) {
  if (!c_.at(ui::CheckoutStage::Cart)) return;
  const bool was = c_.backEntry.has_value();
  c_.backEntry.reset();
  draftAt_.reset();
  choice_ = -1;
  reason_.clear();
  closeEditor();
  c_.price();
  if (was) c_.hint("ui.checkout.back_entry.cancelled");
}

bool CheckoutBackEntry::stillAllowed() {
  if (!c_.backEntry || !c_.at(ui::CheckoutStage::Tender)) return true;
  return allowed(c_.backEntry->at);
}

}  // namespace salon::kiosk
