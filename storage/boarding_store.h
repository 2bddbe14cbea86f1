#pragma once
#include "app/core/boarding.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteBoardingStore : public BoardingStore {
 public:
  explicit SqliteBoardingStore(Database& db) : db_(db) {}
  std::optional<BoardingStay> stay(const std::string& id) override;
  std::vector<BoardingStay> clashes(const BoardingStay& candidate) override;
  std::vector<BoardingStay> onNight(const CivilDate& night) override;
  // Re-checks kennel and pet inside the transaction.
  void save(const BoardingStay& s, const AuditEntry& audit) override;

 private:
  Database& db_;
};

// A pet's vaccinations (for the warnings when it is booked).
std::vector<Vaccination> vaccinationsOf(SQLite::Database& db, std::int64_t petId);

}  // namespace salon::storage
