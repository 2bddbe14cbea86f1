#pragma once
// Customer care in SQLite: the contact log (care_contacts, append-only), the
// lists' candidates read from the customer files, care-plan intervals, member
// events and who came, staff absences, and finding a customer by phone, file
// number or member number.
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/core/care.h"
#include "app/core/care_contact.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteCareContactStore : public CareContactStore {
 public:
  explicit SqliteCareContactStore(Database& db) : db_(db) {}
  std::optional<CareContact> contact(const std::string& id) override;
  std::optional<bool> marketingOptIn(CustomerId customer) override;
  std::optional<std::string> visitStaff(CustomerId customer, std::int64_t visitId) override;
  void append(const CareContact& c, const AuditEntry& audit) override;

 private:
  Database& db_;
};

// A phone number (whole), a file number (S01-2026-000123) or a member number
// (M00000001). DomainError customer_not_found, customer_ambiguous (a shared phone).
CustomerSummary findCustomer(SQLite::Database& db, const std::string& ref);
std::unordered_map<CustomerId, std::string> customerNames(SQLite::Database& db, const std::vector<CustomerId>& ids);
// Whether the customer holds a member number, and (when `tiers` is not empty)
// a membership in one of those tiers: the members priority booking is for.
bool hasPriorityBooking(SQLite::Database& db, CustomerId id, const std::vector<std::string>& tiers);

// One page of the customers a care list looks at, in id order after `after`
// (keyset paging: a million files are read a page at a time, never all at once).
enum class CareFilter {
  All,        // every customer in force or pending (the lapsed list)
  Birthdays,  // birthdays on one of `monthDays` ("MM-DD"), through an index
  CarePlan,   // customers with a care-plan interval (care reminders)
  OptedIn,    // opted in to marketing (event invitations)
};
struct CarePage {
  CareFilter filter = CareFilter::All;
  std::vector<std::string> monthDays;  // Birthdays: "MM-DD"
  CustomerId after = 0;
  int limit = 500;
};
// Each with birthday, last visit (visit record or check-in), care interval,
// opt-in, event interests and care products.
std::vector<CareCandidate> careCandidates(SQLite::Database& db, const CarePage& page);
// Calls `each` with every page in turn until it returns false or the pages end.
void forEachCarePage(SQLite::Database& db, CarePage page,
                     const std::function<bool(const std::vector<CareCandidate>&)>& each);
// Whether a task for this occasion was already done or skipped (it leaves the list).
bool careHandled(SQLite::Database& db, CustomerId customer, const std::string& kind, const std::string& ref);
std::vector<VisitToFollow> visitsBetween(SQLite::Database& db, Instant from, Instant to);
std::vector<CareContact> contactsOf(SQLite::Database& db, CustomerId customer, int limit);
std::vector<CareContact> followUpsBetween(SQLite::Database& db, Instant from, Instant to);
std::vector<CustomerId> contactedFor(SQLite::Database& db, const std::string& kind, const std::string& ref);
int noShowsOf(SQLite::Database& db, CustomerId customer);

// In the caller's transaction (the caller audits).
void setCareInterval(SQLite::Database& db, CustomerId id, int days, const std::string& staff, Instant now);
void recordAbsence(SQLite::Database& db, const std::string& staff, const CivilDate& day, const std::string& reason,
                   const std::string& by, Instant now);
std::vector<std::string> absentOn(SQLite::Database& db, const CivilDate& day);

void insertEvent(SQLite::Database& db, const SalonEvent& e, const std::string& by, Instant now);
std::optional<SalonEvent> findEvent(SQLite::Database& db, const std::string& id);
// Records who came (once) and mirrors it into the file's events_attended field
// (顾客参与活动记录), so the file shows it. False when already recorded.
bool recordAttendance(SQLite::Database& db, const SalonEvent& e, CustomerId customer, const std::string& by,
                      Instant now, StoreZone zone);
struct AttendedEvent {
  SalonEvent event;
  Instant at = 0;
};
std::vector<AttendedEvent> eventsAttended(SQLite::Database& db, CustomerId customer);
std::vector<CustomerId> attendeesOf(SQLite::Database& db, const std::string& eventId);

}  // namespace salon::storage
