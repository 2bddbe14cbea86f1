#pragma once
// Online bookings from head office (booking.hold, app/hq/PROTOCOL.md "Online
// bookings"), applied inside the page's transaction: a pending hold is kept in
// online_holds and, when the setting online.auto_confirm is on, booked at once as a
// `web` appointment under the hold's id if the slot is free (else declined with
// the reason); without auto-confirm it waits for a cashier (decideOnlineHold). A
// hold head office declined cancels what this store booked for it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include <string>

#include "app/core/clock.h"
#include "app/core/customer.h"
#include "app/core/online_holds.h"
#include "app/core/sync_store.h"
#include "storage/database.h"

namespace salon::storage {

// Who books auto-confirmed holds: an inactive staff row made on first use (no PIN,
// cannot sign in), so appointments and files keep a real booked_by/created_by.
constexpr const char* kOnlineBookingStaff = "head-office";

void applyOnlineHold(SQLite::Database& db, const HeadOfficeChange& change, Instant now);

// Also used for online membership applications (storage/sync_applications.cpp):
// the kOnlineBookingStaff row, made on first use; the customer with the change's
// {"phone","name","privacy_consent_at","marketing"}, by phone, or a new file pending
// review with the consent given online.
void ensureOnlineStaff(SQLite::Database& db, Instant now);
CustomerId customerFor(SQLite::Database& db, const nlohmann::json& customer, const std::string& by, Instant now);

// A cashier's answer (or auto-confirm's, as kOnlineBookingStaff): confirmed books the
// appointment (a first-time phone gets a file pending review), both send
// booking.decided up. Returns the decision taken: "confirmed" or "declined" (a
// confirm finds the slot taken: declined, reason slot_taken). DomainError
// not_found / already_decided.
std::string decideOnlineHold(SQLite::Database& db, const std::string& appointmentId, bool confirm,
                             const std::string& reason, const std::string& by, Instant now);

// Core's OnlineHolds on one connection: the Today screen's list and the cashier's answer.
class SqliteOnlineHolds : public OnlineHolds {
 public:
  explicit SqliteOnlineHolds(Database& db) : db_(db) {}
  std::vector<OnlineHold> pending() override;
  std::string decide(const std::string& appointmentId, bool confirm, const std::string& reason,
                     const AuditEntry& audit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
