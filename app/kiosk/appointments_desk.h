#pragma once
// The appointment book at the counter: the day book per staff member (drag to
// move, tap to check in or mark a no-show), a staff member's week, booking, and
// the lists staff work through: tomorrow's reminders, late arrivals, rebooking
// for an absent staff member, tomorrow's briefing and customer care.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/core/appointment.h"
#include "app/core/day_view.h"
#include "app/core/staff_auth.h"
#include "app/kiosk/desk.h"
#include "app/ui/appointments/appointments_view.h"
#include "storage/appointment_store.h"

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
  bool offered() const override;

  // Who a contact on a list row is logged for.
  struct RowTarget {
    CustomerId customer = 0;
    std::string kind;  // a care contact kind
    std::string ref;
    bool marketing = false;  // opted in to marketing
  };

 private:
  void on(const ui::AppointmentsRefresh&);
  void on(const ui::ab::ShowTab& i);
  void on(const ui::ab::ShiftDay& i);
  void on(const ui::ab::ChooseBlock& i);
  void on(const ui::ab::MoveBlock& i);
  void on(const ui::ab::CheckInBlock& i);
  void on(const ui::ab::NoShowBlock& i);
  void on(const ui::ab::ChooseColumn& i);
  void on(const ui::ab::ShowWeek& i);
  void on(const ui::ab::MarkAbsent& i);
  void on(const ui::ab::BookingKeys& i);
  void on(const ui::ab::BookingPick& i);
  void on(const ui::ab::ConfirmBooking&);
  void on(const ui::ab::OpenWorkRow& i);
  void on(const ui::ab::PickNote& i);
  void on(const ui::ab::PickScore& i);
  void on(const ui::ab::RecordContact& i);
  void on(const ui::ab::ChooseCareList& i);
  void on(const ui::ab::MoreRows&);

  void show();  // rebuilds the view for the tab shown
  void loadDay();
  void loadChosen();
  void loadWeek();
  void loadBooking();
  void loadCalls();
  void loadBriefing();
  void loadCare();
  void fail(const std::string& code);
  void say(const std::string& key);
  Appointments book();
  std::vector<RosterEntry> roster(const CivilDate& day);
  bool priority(CustomerId customer);
  CivilDate today() const;
  std::string t(const std::string& key) const;
  void resetBooking();
  ui::ab::WorkRow row(const std::string& key, RowTarget target);

  storage::SqliteAppointmentStore store_{k_.db};
  Guard guard_{k_.audit, k_.clock};
  CivilDate date_{};
  bool dateSet_ = false;
  ui::ab::AppointmentsTab tab_ = ui::ab::AppointmentsTab::Day;
  std::string chosen_, chosenStaff_, weekStaff_;
  bool confirmNoShow_ = false, confirmAbsent_ = false;
  // Booking in progress.
  std::string bookingId_;  // made when the form starts: a double tap books once
  std::string phone_;
  CustomerId bookCustomer_ = 0;
  std::optional<std::int64_t> pet_;
  std::vector<std::string> services_;
  std::string bookStaff_;
  std::string channel_ = "counter";
  int minute_ = -1;
  // Lists.
  std::string careList_ = "birthdays";
  int careLimit_ = 50;
  std::string openRow_, note_;
  int score_ = 0;
  std::map<std::string, RowTarget> rows_;
  std::set<std::string> seenDays_;  // day books already audited as viewed this session
};

}  // namespace salon::kiosk
