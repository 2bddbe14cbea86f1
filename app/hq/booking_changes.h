#pragma once
// The customer changes their own online bookings (issue 19): sees them, cancels one,
// or moves one. Both only until the store's cut-off, `online.change_cutoff_hours`
// (default 2) before the start. A move is a new hold (`replaces` = the old booking)
// that the store decides like any other: confirmed, the old booking is cancelled in
// the same transaction (migration 005's trigger) and its hold goes down cancelled;
// declined or overdue, the old booking simply stands. Never two live bookings for
// one slot: the new hold takes its slot under the store's row lock like a booking.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/core/clock.h"

namespace salon::hq {

class SmsProvider;
struct StoreSettings;

// The last instant the customer may cancel or move a booking starting at `start`.
Instant changeUntil(const StoreSettings& s, Instant start);

// Under the store's row lock: the booking `id` is this phone's, at this store,
// pending or confirmed, not itself a move waiting for the store, with no move
// waiting, and before the cut-off. Throws Refusal 404 not_found, 409 not_changeable,
// 409 too_late.
void checkMovable(pqxx::transaction_base& w, const std::string& id, const std::string& phone, const std::string& store,
                  const StoreSettings& s, Instant now);

// Cancels the phone's booking `id` (and any move of it waiting for the store) in w,
// under the store's row lock; returns the store. `via`: page or sms. Throws Refusal
// 404 not_found, 409 not_changeable, 409 too_late.
std::string cancelIn(pqxx::transaction_base& w, const std::string& id, const std::string& phone, const std::string& via,
                     Instant now);

// cancelIn in its own transaction, then texts the customer (an essential text).
void cancelBooking(pqxx::connection& db, SmsProvider& sms, const std::string& id, const std::string& phone,
                   const std::string& via, Instant now);

// Texts the customer that booking `id` is cancelled (errors go to stderr).
void tellCancelled(pqxx::connection& db, SmsProvider& sms, const std::string& id, const std::string& store, Instant now);

// The phone's next booking that can still be cancelled (moves waiting for the store
// left out: cancelling what they replace withdraws them too); nullopt when none.
std::optional<std::string> nextCancellable(pqxx::transaction_base& t, const std::string& phone, Instant now);

// {"bookings": [bookingFor(...), ...]}: the phone's bookings from 30 days ago on,
// by start.
nlohmann::json bookingsOf(pqxx::connection& db, const std::string& phone, Instant now);

}  // namespace salon::hq
