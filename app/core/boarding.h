#pragma once
// Pet shops: vaccination warnings when a pet is booked, and boarding stays (寄养):
// a kennel from a check-in day to a check-out day at a nightly rate, with feeding
// and care notes. A kennel and a pet are never booked twice for the same night.
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/customer_file.h"
#include "app/core/money.h"
#include "app/core/staff_auth.h"

namespace salon {

struct VaccinationWarning {
  std::string vaccine;
  CivilDate expiresOn;
  bool expired = false;  // false: expires within the warning window
};

// For each vaccine the newest record counts; a warning when it has expired by
// `on` or expires within `soonDays` after it.
std::vector<VaccinationWarning> vaccinationWarnings(const std::vector<Vaccination>& given, const CivilDate& on,
                                                    int soonDays = 30);

struct BoardingStay {
  std::string id;  // UUID made by the kiosk
  CustomerId customer = 0;
  std::int64_t pet = 0;
  std::string kennel;
  CivilDate checkInOn;
  CivilDate checkOutOn;  // the morning the pet goes home: nights = the days between
  Money nightlyRate;
  std::string feeding;
  std::string careNotes;
  std::string state = "booked";  // booked, in, out, cancelled
  std::string bookedBy;
  Instant bookedAt = 0;
  Instant checkedInAt = 0;
  Instant checkedOutAt = 0;
  int nights() const { return static_cast<int>(daysFromCivil(checkOutOn) - daysFromCivil(checkInOn)); }
  Money total() const { return nightlyRate * nights(); }
};

// Port: storage re-checks the kennel and the pet inside its transaction.
class BoardingStore {
 public:
  virtual ~BoardingStore() = default;
  virtual std::optional<BoardingStay> stay(const std::string& id) = 0;
  // Booked or current stays sharing the kennel or the pet with nights overlapping.
  virtual std::vector<BoardingStay> clashes(const BoardingStay& candidate) = 0;
  virtual std::vector<BoardingStay> onNight(const CivilDate& night) = 0;
  virtual void save(const BoardingStay& s, const AuditEntry& audit) = 0;
};

class Boarding {
 public:
  Boarding(BoardingStore& store, Guard& guard, const Clock& clock, StoreZone zone = {})
      : store_(store), guard_(guard), clock_(clock), zone_(zone) {}
  BoardingStay book(const Staff& by, BoardingStay s);
  BoardingStay checkIn(const Staff& by, const std::string& id);
  BoardingStay checkOut(const Staff& by, const std::string& id);
  BoardingStay cancel(const Staff& by, const std::string& id, const std::string& reason);

 private:
  BoardingStay load(const std::string& id);
  BoardingStore& store_;
  Guard& guard_;
  const Clock& clock_;
  StoreZone zone_;
};

bool nightsOverlap(const BoardingStay& a, const BoardingStay& b);

// The store's kennels (setting boarding.kennels, "K1,K2,…"; K1–K6 when unset)
// and its nightly rate (boarding.nightly_rate_fen; ¥120 when unset or unreadable).
std::vector<std::string> kennelsFrom(const std::optional<std::string>& setting);
Money nightlyRateFrom(const std::optional<std::string>& setting);
// The kennels with no booked or current stay on any of the `nights` nights from `in`.
std::vector<std::string> freeKennels(BoardingStore& store, const std::vector<std::string>& kennels, const CivilDate& in,
                                     int nights);

}  // namespace salon
