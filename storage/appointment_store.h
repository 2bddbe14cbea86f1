#pragma once
#include <functional>

#include "app/core/appointment.h"
#include "storage/database.h"

namespace salon::storage {

// The day book's read (appointments with their names) is SqliteDayBook::day
// (storage/day_book_store.h).

// One appointment with its audit entry and outbox row, inside the caller's
// transaction; clashes re-checked (DomainError slot_taken).
void writeAppointment(SQLite::Database& s, const Appointment& a, const AuditEntry& audit);

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
