#include "app/hq/online_applications.h"

#include <pqxx/pqxx>

#include "app/core/uuid.h"
#include "app/hq/booking_slots.h"

namespace salon::hq {

nlohmann::json applyOnline(pqxx::connection& db, const BookingAsk& ask, Instant now) {
  pqxx::work w(db);
  onlineStore(w, ask.store, storeSettings(w, ask.store));
  enterCustomer(w, ask, now);
  // The name the store sees is the one the phone gave first (its file's).
  // The page's language is the language of the text that tells the store's decision.
  w.exec_params("INSERT INTO online_applications (id, store, phone, name, created_at, lang)"
                " SELECT $1, $2, $3, name, $4, $5 FROM online_customers WHERE phone = $3"
                " ON CONFLICT (store, phone) DO NOTHING",
                newUuid(), ask.store, ask.phone, now, ask.lang);
  w.commit();
  return {{"status", "pending"}};
}

}  // namespace salon::hq
