#pragma once
// Online bookings (issue 19): a hold at HQ on a free slot until the store's kiosk
// confirms or declines it. Taking a slot locks the store's row (as a batch from
// that store does), re-reads the day and checks it by the counter's rules; an
// exclusion constraint on online_bookings backs it, so two customers taking the
// last slot at once get it once.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/core/clock.h"

namespace salon::hq {

struct BookingAsk {
  std::string store, service, date, start;  // start "HH:MM" in the store's zone
  std::string staff;                        // "" = anyone free
  std::string phone;                        // normalised
  std::string name;
  bool privacyConsent = false;  // the privacy notice accepted (required the first time)
  bool marketing = false;       // the separate marketing opt-in
  std::string lang = "zh-Hans"; // the page's language: every text about the booking is in it
  std::string replaces;         // a move: the booking this hold replaces once the store confirms it
};

struct Booked {
  std::string id, status, storeName, serviceName;
  Instant start = 0;
};

// The phone's first step online (a booking, an application) makes its file, pending
// review at the store: true when it did. Refusal 400 consent_required without the
// privacy notice accepted, 400 bad_request without a name.
bool enterCustomer(pqxx::transaction_base& w, const BookingAsk& ask, Instant now);

// Throws Refusal: 404 not_found (store or service not online), 400 bad_request,
// 409 slot_taken, 400 consent_required (a first-time phone without consent).
Booked holdSlot(pqxx::connection& db, const BookingAsk& ask, Instant now);

// The booking as its customer sees it (with "can_cancel", "can_change" (move),
// "change_until" and, for a
// move, "replaces"; for a booking with a move waiting, "moving_to"); nullopt when the id is unknown or another
// phone's (the caller answers both the same).
std::optional<nlohmann::json> bookingFor(pqxx::connection& db, const std::string& id, const std::string& phone, Instant now);

}  // namespace salon::hq
