// 寄养 booked on the appointments screen's booking form: the customer found by
// phone as for a service, then the pet (a stay needs one), a kennel free on
// every night asked for, and the nights from the day shown; the store's nightly
// rate (boarding.nightly_rate_fen). Core's Boarding books it (audited; the
// form's id makes a double tap book once).
#include <algorithm>

#include "app/core/i18n.h"
#include "app/core/store_settings.h"
#include "app/kiosk/appointments_booking.h"

namespace salon::kiosk {
namespace {

namespace ab = ui::ab;
const int kNights[] = {1, 2, 3, 4, 5, 7, 10, 14};

}  // namespace

void BookingTab::loadStay(ab::BookingForm& f) {
  f.boarding = true;
  if (customer_ && f.pets.empty()) f.customerLine += " · " + b_.t("ui.boarding.no_pets");
  StoreSettings& settings = b_.k.backroom.settings();
  const std::vector<std::string> kennels = kennelsFrom(settings.setting("boarding.kennels"));
  const std::vector<std::string> free = freeKennels(b_.k.backroom.boarding(), kennels, b_.date, nights_);
  if (std::find(free.begin(), free.end(), kennel_) == free.end()) kennel_.clear();  // taken meanwhile, or nights changed
  for (const std::string& k : free) f.kennels.push_back({k, k, k == kennel_});
  for (int n : kNights)
    f.nights.push_back({std::to_string(n), replaced(b_.t("ui.boarding.night_chip"), "{n}", std::to_string(n)), n == nights_});
  const Money rate = nightlyRateFrom(settings.setting("boarding.nightly_rate_fen"));
  f.dayLabel = b_.view().day.dateLabel;
  f.summary = formatDate(b_.date).substr(5) + " → " + formatDate(plusDays(b_.date, nights_)).substr(5) + " · " +
              std::to_string(nights_) + b_.t("ui.boarding.nights") + " × " + formatYuan(rate) + " = " +
              formatYuan(rate * nights_);
  f.ready = customer_ && pet_ && !kennel_.empty();
}

std::optional<BoardingStay> BookingTab::confirmStay() {
  if (!boarding_ || !customer_ || !pet_ || kennel_.empty()) return std::nullopt;
  BoardingStay s;
  s.id = bookingId_;
  s.customer = customer_;
  s.pet = *pet_;
  s.kennel = kennel_;
  s.checkInOn = b_.date;
  s.checkOutOn = plusDays(b_.date, nights_);
  s.nightlyRate = nightlyRateFrom(b_.k.backroom.settings().setting("boarding.nightly_rate_fen"));
  BoardingStay booked = Boarding(b_.k.backroom.boarding(), b_.guard, b_.k.clock, b_.k.zone).book(b_.me(), s);
  reset();
  return booked;
}

}  // namespace salon::kiosk
