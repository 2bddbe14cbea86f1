#include "storage/boarding_store.h"

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

constexpr const char* kColumns =
    "SELECT id, customer_id, pet_id, kennel, check_in_on, check_out_on, nightly_rate, feeding, care_notes, state,"
    " booked_by, booked_at, checked_in_at, checked_out_at FROM boarding_stays ";
// Live stays sharing the kennel or the pet whose nights overlap (dates compare as text).
constexpr const char* kClashWhere =
    "WHERE state IN ('booked', 'in') AND check_in_on < ? AND check_out_on > ? AND id <> ?"
    " AND (kennel = ? OR pet_id = ?)";

CivilDate dateOf(const SQLite::Column& c) {
  CivilDate d;
  parseDate(c.getString(), d);
  return d;
}

BoardingStay readStay(SQLite::Statement& q) {
  BoardingStay s;
  s.id = q.getColumn(0).getString();
  s.customer = q.getColumn(1).getInt64();
  s.pet = q.getColumn(2).getInt64();
  s.kennel = q.getColumn(3).getString();
  s.checkInOn = dateOf(q.getColumn(4));
  s.checkOutOn = dateOf(q.getColumn(5));
  s.nightlyRate = sql::money(q.getColumn(6));
  s.feeding = q.getColumn(7).getString();
  s.careNotes = q.getColumn(8).getString();
  s.state = q.getColumn(9).getString();
  s.bookedBy = q.getColumn(10).getString();
  s.bookedAt = q.getColumn(11).getInt64();
  s.checkedInAt = q.getColumn(12).getInt64();
  s.checkedOutAt = q.getColumn(13).getInt64();
  return s;
}

void bindClash(SQLite::Statement& q, const BoardingStay& s) {
  SQLite::bind(q, formatDate(s.checkOutOn), formatDate(s.checkInOn), s.id, s.kennel, s.pet);
}

std::vector<BoardingStay> readAll(SQLite::Statement& q) {
  std::vector<BoardingStay> out;
  while (q.executeStep()) out.push_back(readStay(q));
  return out;
}

}  // namespace

std::optional<BoardingStay> SqliteBoardingStore::stay(const std::string& id) {
  return guarded([&]() -> std::optional<BoardingStay> {
    SQLite::Statement q(db_.sql(), std::string(kColumns) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return readStay(q);
  });
}

std::vector<BoardingStay> SqliteBoardingStore::clashes(const BoardingStay& c) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(), std::string(kColumns) + kClashWhere);
    bindClash(q, c);
    return readAll(q);
  });
}

std::vector<BoardingStay> SqliteBoardingStore::onNight(const CivilDate& night) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(), std::string(kColumns) +
                                       "WHERE state IN ('booked', 'in') AND check_in_on <= ? AND check_out_on > ?"
                                       " ORDER BY kennel");
    SQLite::bind(q, formatDate(night), formatDate(night));
    return readAll(q);
  });
}

void SqliteBoardingStore::save(const BoardingStay& s, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& db) {
    if (s.state == "booked" || s.state == "in") {
      SQLite::Statement clash(db, std::string("SELECT kennel FROM boarding_stays ") + kClashWhere);
      bindClash(clash, s);
      if (clash.executeStep()) throw DomainError("kennel_taken", clash.getColumn(0).getString());
    }
    SQLite::Statement owner(db, "SELECT 1 FROM pets WHERE id = ? AND customer_id = ?");
    SQLite::bind(owner, s.pet, s.customer);
    if (!owner.executeStep()) throw DomainError("pet_not_found", std::to_string(s.pet));
    SQLite::Statement up(db, "INSERT INTO boarding_stays VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                             " ON CONFLICT(id) DO UPDATE SET state = excluded.state,"
                             " checked_in_at = excluded.checked_in_at, checked_out_at = excluded.checked_out_at");
    SQLite::bind(up, s.id, s.customer, s.pet, s.kennel, formatDate(s.checkInOn), formatDate(s.checkOutOn),
                 s.nightlyRate.fen, s.feeding, s.careNotes, s.state, s.bookedBy, s.bookedAt, s.checkedInAt,
                 s.checkedOutAt);
    up.exec();
    appendAudit(db, audit);
    nlohmann::json payload{{"stay", s.id}, {"kennel", s.kennel}, {"state", s.state}, {"nights", s.nights()},
                           {"total_fen", s.total().fen}};
    appendOutbox(db, {audit.id, audit.action, payload.dump(), audit.at});
  });
}

std::vector<Vaccination> vaccinationsOf(SQLite::Database& db, std::int64_t petId) {
  return guarded([&] {
    SQLite::Statement q(db, "SELECT id, vaccine, given_on, expires_on FROM pet_vaccinations WHERE pet_id = ? ORDER BY id");
    q.bind(1, petId);
    std::vector<Vaccination> out;
    while (q.executeStep())
      out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), dateOf(q.getColumn(2)), dateOf(q.getColumn(3))});
    return out;
  });
}

}  // namespace salon::storage
