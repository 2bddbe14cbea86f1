#include "app/kiosk/online_holds_shelf.h"

#include <algorithm>
#include <unordered_map>

#include "app/core/error.h"
#include "app/core/online_holds.h"
#include "app/core/phone.h"

namespace salon::kiosk {

std::vector<ui::HomeHold> OnlineHoldsShelf::rows() {
  std::vector<ui::HomeHold> out;
  readAt_ = b_.k.clock.now();
  if (!b_.k.staff || !b_.guard.allows(b_.me(), Action::BookAppointment)) return out;
  try {
    std::unordered_map<std::string, std::string> staffNames;
    for (const Staff& s : b_.days().staffList()) staffNames[s.code] = s.name;
    const Instant now = b_.k.clock.now();
    for (const OnlineHold& h : b_.k.backroom.onlineHolds().pending()) {
      ui::HomeHold r;
      r.id = h.appointmentId;
      const std::string day = formatLocalDateTime(h.start, b_.k.zone);
      r.time = day.substr(5, 11);  // "12-06 14:00"
      r.name = h.customerName + "  " + maskPhone(h.phone) + (h.newCustomer ? "  " + b_.t("ui.home.hold_new") : "");
      const std::string staff = h.staff.empty() ? b_.t("ui.home.hold_any_staff") : staffNames[h.staff];
      r.detail = h.serviceName + " · " + staff;
      const Instant left = std::max<Instant>(0, h.deadline - now);
      r.left = std::to_string((left + kMinute - 1) / kMinute) + b_.t("ui.home.hold_minutes_left");
      r.urgent = left < 5 * kMinute;
      out.push_back(std::move(r));
    }
  } catch (const DomainError&) {
    out.clear();  // Today shows no holds rather than failing
  }
  return out;
}

bool OnlineHoldsShelf::tick() {
  if (!b_.k.staff || b_.k.view.screen != ui::Screen::Home) return false;
  if (b_.k.clock.now() - readAt_ < kRefreshEvery) return false;
  std::vector<ui::HomeHold> fresh = rows();
  std::vector<ui::HomeHold>& shown = b_.k.view.home.holds;
  const bool same = fresh.size() == shown.size() &&
                    std::equal(fresh.begin(), fresh.end(), shown.begin(), [](const ui::HomeHold& a, const ui::HomeHold& b) {
                      return a.id == b.id && a.left == b.left && a.name == b.name;
                    });
  if (same) return false;
  shown = std::move(fresh);
  return true;
}

// A confirm books the appointment by the counter's rules; one whose slot was
// taken meanwhile is declined (slot_taken) and the cashier is told so.
void OnlineHoldsShelf::decide(const std::string& appointmentId, bool confirm) {
  ui::HomeView& home = b_.k.view.home;
  if (!b_.k.staff) return;
  try {
    b_.guard.require(b_.me(), Action::BookAppointment, "online_hold", appointmentId);
    const std::string taken = b_.k.backroom.onlineHolds().decide(
        appointmentId, confirm, confirm ? "" : "store_declined",
        auditOf(b_.k.clock.now(), b_.me().code, confirm ? "booking.confirm" : "booking.decline", "appointment",
                appointmentId, confirm ? "online booking confirmed at the counter" : "online booking declined"));
    home.holdMessage = b_.t(taken == "confirmed" ? "ui.home.hold_confirmed"
                            : confirm            ? "ui.home.hold_slot_taken"
                                                 : "ui.home.hold_declined");
    home.holdMessageIsError = confirm && taken != "confirmed";
  } catch (const DomainError& e) {
    home.holdMessage = b_.t("error." + e.code());
    home.holdMessageIsError = true;
  }
  home.holds = rows();
}

}  // namespace salon::kiosk
