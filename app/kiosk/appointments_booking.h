#pragma once
// The appointments screen's booking form: the customer by phone (keypad), a pet,
// services, a staff member or "any qualified", the channel and a time; or a
// 寄养 stay: the pet, a free kennel and the nights.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/boarding.h"
#include "app/kiosk/appointments_book.h"
#include "app/kiosk/text_entry.h"

namespace salon::kiosk {

class BookingTab {
 public:
  explicit BookingTab(OpenBook& b) : b_(b) {}
  void load();
  // A new form (a new booking id: a double tap on "book" books once), for `customer`.
  void reset(CustomerId customer = 0);
  bool started() const { return !bookingId_.empty(); }
  void clearTime() { minute_ = -1; }

  void on(const ui::ab::BookingKeys& i);
  void on(const ui::ab::BookingPick& i);
  // Books what the form holds; "" when it is not complete. Returns what the
  // message adds after the time (the vaccination warnings), and the booking.
  std::optional<Appointment> confirm(std::string& warning);
  // 寄养 from the same form (appointments_stay_booking.cpp): the stay booked
  // from the day shown, nullopt when the form is not complete.
  bool boarding() const { return boarding_; }
  std::optional<BoardingStay> confirmStay();

 private:
  void loadCustomer(ui::ab::BookingForm& f);
  void loadStay(ui::ab::BookingForm& f);
  void findByPhone();
  OpenBook& b_;
  std::string bookingId_;
  KeyEntry phone_{KeyEntry::Kind::Digits, 15};
  CustomerId customer_ = 0;
  std::optional<std::int64_t> pet_;
  std::vector<std::string> services_;
  std::string staff_;
  std::string channel_ = "counter";
  int minute_ = -1;
  bool boarding_ = false;
  std::string kennel_;
  int nights_ = 1;
};

}  // namespace salon::kiosk
