#include "app/kiosk/appointments_boarding.h"

#include "app/core/error.h"

namespace salon::kiosk {
namespace {
namespace ab = ui::ab;
}  // namespace

Boarding BoardingBoard::service() { return Boarding(b_.k.backroom.boarding(), b_.guard, b_.k.clock, b_.k.zone); }

ab::WorkRow BoardingBoard::row(const BoardingStay& s, const char* action) {
  CustomerContact owner = b_.days().contact(s.customer);
  std::string pet;
  for (const PetChoice& p : b_.days().pets(s.customer))
    if (p.id == s.pet) pet = p.name;
  ab::WorkRow r;
  r.key = s.id;
  r.title = s.kennel + "  " + (pet.empty() ? owner.name : pet + " · " + owner.name) + "  " + owner.phone;
  r.detail = formatDate(s.checkInOn).substr(5) + " → " + formatDate(s.checkOutOn).substr(5) + " · " +
             std::to_string(s.nights()) + b_.t("ui.boarding.nights") + " · " + formatYuan(s.total());
  std::string care = s.feeding + (s.feeding.empty() || s.careNotes.empty() ? "" : " · ") + s.careNotes;
  if (!care.empty()) r.detail += "\n" + care;
  r.status = s.state == "in" ? b_.t("ui.boarding.state.in") : "";
  r.action = action;
  r.actionLabel = b_.t(std::string("ui.boarding.") + action);
  r.open = s.id == open_;
  return r;
}

void BoardingBoard::load() {
  b_.guard.require(b_.me(), Action::BookAppointment, "boarding", "board");
  const CivilDate today = b_.today();
  BoardingStore& store = b_.k.backroom.boarding();
  ab::WorkSection arriving{b_.t("ui.boarding.arriving"), b_.t("ui.appointments.none"), {}};
  ab::WorkSection staying{b_.t("ui.boarding.staying"), b_.t("ui.appointments.none"), {}};
  ab::WorkSection leaving{b_.t("ui.boarding.leaving"), b_.t("ui.appointments.none"), {}};
  for (const BoardingStay& s : store.onNight(today)) {
    if (s.state == "booked") arriving.rows.push_back(row(s, "check_in"));
    else staying.rows.push_back(row(s, "check_out"));
  }
  // Tonight's list misses those whose last night was yesterday: today they go home.
  for (const BoardingStay& s : store.onNight(plusDays(today, -1)))
    if (s.state == "in" && s.checkOutOn == today) leaving.rows.push_back(row(s, "check_out"));
  b_.view().sections = {std::move(arriving), std::move(leaving), std::move(staying)};
}

void BoardingBoard::on(const ab::OpenWorkRow& i) { open_ = open_ == i.key ? "" : i.key; }

void BoardingBoard::on(const ab::RowAction& i) {
  if (i.key != open_) return b_.staleTap();  // a tap meant for a row no longer open
  auto stay = b_.k.backroom.boarding().stay(i.key);
  if (!stay) throw DomainError("not_found", i.key);
  Boarding boarding = service();
  BoardingStay done = stay->state == "booked" ? boarding.checkIn(b_.me(), i.key) : boarding.checkOut(b_.me(), i.key);
  open_.clear();
  std::string what = done.kennel + " " + b_.t(done.state == "in" ? "ui.boarding.checked_in" : "ui.boarding.checked_out");
  if (done.state == "out") what += " " + std::to_string(done.nights()) + b_.t("ui.boarding.nights") + " " + formatYuan(done.total());
  b_.view().message = what;
  b_.view().messageIsError = false;
}

}  // namespace salon::kiosk
