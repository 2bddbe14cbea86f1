#pragma once
// Core's DayBook port on one connection: the day book's reads, each a statement
// prepared once and kept (the book is redrawn on every tap), and recording a
// staff member's absence with its audit entry and outbox row.
#include "app/core/day_book.h"
#include "storage/database.h"
#include "storage/kept_statement.h"

namespace salon::storage {

class SqliteDayBook : public DayBook {
 public:
  explicit SqliteDayBook(Database& db);
  BookedDay day(Instant from, Instant to) override;
  BookSettings settings() override;
  std::vector<Staff> staffList() override;
  std::vector<CatalogItem> services() override;
  std::vector<std::string> absentOn(const CivilDate& day) override;
  CustomerContact contact(CustomerId customer) override;
  std::unordered_map<CustomerId, std::string> customerNames(const std::vector<CustomerId>& ids) override;
  CustomerSummary findCustomer(const std::string& ref) override;
  bool priorityBooking(CustomerId customer, const std::vector<std::string>& tiers) override;
  std::vector<PetChoice> pets(CustomerId customer) override;
  std::vector<Vaccination> vaccinations(std::int64_t pet) override;
  void recordAbsence(const std::string& staff, const CivilDate& day, const std::string& reason,
                     const AuditEntry& audit) override;

 private:
  Database& db_;
  KeptRawStatement day_;
  KeptStatement settings_, services_, absent_, contact_, pets_;
  std::size_t lastDaySize_ = 0;
};

}  // namespace salon::storage
