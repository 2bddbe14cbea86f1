#pragma once
#include <unordered_map>

#include "app/core/appointment.h"
#include "storage/database.h"

namespace salon::storage {

// The day view's read: the appointments overlapping [from, to) with their services
// and their customers' names, in one statement (the book is drawn from it).
struct DayBookRead {
  std::vector<Appointment> appointments;  // by start
  std::unordered_map<CustomerId, std::string> names;
};
DayBookRead readDayBook(Database& db, Instant from, Instant to);

class SqliteAppointmentStore : public AppointmentStore {
 public:
  explicit SqliteAppointmentStore(Database& db) : db_(db) {}
  std::optional<Appointment> appointment(const std::string& id) override;
  std::vector<Appointment> clashes(const Appointment& candidate) override;
  std::vector<Appointment> between(Instant from, Instant to) override;
  // Re-checks clashes inside the transaction: two kiosks cannot take one slot.
  void save(const Appointment& a, const AuditEntry& audit) override;
  int noShows(CustomerId customer) override;

 private:
  std::vector<Appointment> query(const std::string& where, const std::function<void(SQLite::Statement&)>& bind);
  Database& db_;
};

}  // namespace salon::storage
