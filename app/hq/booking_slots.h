#pragma once
// A store's day as online booking sees it, read from what HQ projected (the
// store's appointments, absences and settings), what it owns (catalog, staff) and
// the online holds; the free starts come from core's openSlots, the counter's rules.
#include <map>
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/core/open_slots.h"

namespace salon::hq {

// The store's settings: chain_settings overridden by store_settings.
struct StoreSettings {
  std::map<std::string, std::string> values;
  std::string text(const std::string& key, const std::string& fallback = "") const;
  long long number(const std::string& key, long long fallback) const;
  bool flag(const std::string& key, bool fallback) const;
};

StoreSettings storeSettings(pqxx::transaction_base& t, const std::string& store);

// The store's name when it takes bookings online (not revoked, online.enabled);
// Refusal 404 not_found otherwise.
std::string onlineStore(pqxx::transaction_base& t, const std::string& store, const StoreSettings& s);

// A service this store offers online (catalog `online`, a duration, and listed in
// the store's online.services when that is set); Refusal 404 not_found otherwise.
AppointmentService onlineService(pqxx::transaction_base& t, const std::string& code, const StoreSettings& s);

// The services offered online here: [{"code","name","minutes","price_fen"}].
nlohmann::json onlineServices(pqxx::transaction_base& t, const std::string& store, const StoreSettings& s);

// "YYYY-MM-DD" strictly; Refusal 400 bad_request otherwise.
CivilDate dayParam(const std::string& text);

// The day with its roster, absences, live appointments and live holds (a pending
// hold past the confirm window no longer counts, whether or not it was declined yet).
OpenDay loadOpenDay(pqxx::transaction_base& t, const std::string& store, const CivilDate& date, const StoreSettings& s,
                    Instant now);

// The instant before which a pending hold is overdue.
Instant overdueBefore(const StoreSettings& s, Instant now);

// Pending holds older than the store's confirm window are declined (store_offline).
// Every writer of a store's online_bookings holds the store's row lock first (this,
// a booking, a batch's decisions), so they never wait on each other in a circle.
void declineOverdue(pqxx::transaction_base& t, const std::string& store, const StoreSettings& s, Instant now);

}  // namespace salon::hq
