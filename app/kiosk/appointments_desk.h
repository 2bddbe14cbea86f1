#pragma once
// The appointment book at the counter: the day book per staff member (drag to
// move, tap to check in or mark a no-show), a staff member's week, booking, and
// the lists staff work through: tomorrow's reminders, late arrivals, rebooking
// for an absent staff member, tomorrow's briefing and customer care. The desk
// routes the screen's intents to its tabs (one class each) and redraws.
#include <string>
#include <vector>

#include "app/kiosk/appointments_boarding.h"
#include "app/kiosk/appointments_book.h"
#include "app/kiosk/appointments_booking.h"
#include "app/kiosk/appointments_day_book.h"
#include "app/kiosk/appointments_lists.h"
#include "app/kiosk/appointments_week.h"
#include "app/kiosk/desk.h"
#include "app/kiosk/online_holds_shelf.h"
#include "app/ui/appointments/appointments_view.h"

namespace salon::kiosk {

class AppointmentsDesk : public Desk {
 public:
  explicit AppointmentsDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::AppointmentsIntent& intent);
  void languageChanged() override;
  // Moves the day book's "now" line as the minutes pass.
  bool tick() override;
  void locked() override;
  // Today's appointments whose customer has not arrived yet (the home badge).
  int waiting() override;
  // Today's appointments still to come or in the salon, earliest first, for the home screen.
  std::vector<ui::HomeAppointment> todayForHome(std::size_t limit);
  // Online bookings waiting for the store's answer, and the cashier's answer.
  std::vector<ui::HomeHold> holdsForHome() { return holds_.rows(); }
  void decideHold(const std::string& id, bool confirm) { holds_.decide(id, confirm); }
  bool offered() const override;

 private:
  // Each intent goes to its tab; the screen is redrawn after.
  template <class Intent>
  void on(const Intent& i);
  void on(const ui::AppointmentsRefresh&) {}
  void on(const ui::ab::ShowTab& i);
  void on(const ui::ab::ShiftDay& i);
  void on(const ui::ab::ConfirmBooking&);
  void bookStay();
  void on(const ui::ab::OpenWorkRow& i);
  void on(const ui::ab::RowAction& i);
  void show();  // rebuilds the view for the tab shown

  OpenBook book_{k_};
  DayBookTab day_{book_};
  WeekTab week_{book_};
  BookingTab booking_{book_};
  WorkLists lists_{book_};
  BoardingBoard boarding_{book_};
  OnlineHoldsShelf holds_{book_};
};

}  // namespace salon::kiosk
