#include "storage/salon_events.h"

#include <SQLiteCpp/VariadicBind.h>
#include <nlohmann/json.hpp>

#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/care_store.h"

namespace salon::storage {

bool attendEvent(Database& db, const SalonEvent& e, CustomerId customer, const std::string& by, Instant now,
                 StoreZone zone) {
  bool added = false;
  db.write([&](SQLite::Database& sql) {
    added = recordAttendance(sql, e, customer, by, now, zone);
    if (!added) return;
    SQLite::Statement q(sql, "SELECT file_no FROM customers WHERE id = ?");
    q.bind(1, customer);
    std::string fileNo = q.executeStep() ? q.getColumn(0).getString() : std::to_string(customer);
    appendAudit(sql, auditOf(now, by, "event.attended", "customer", fileNo, e.id, "events"));
    nlohmann::json payload{{"event", e.id}, {"customer", customer}};
    appendOutbox(sql, {newUuid(), "event.attended", payload.dump(), now});
  });
  return added;
}

std::vector<SalonEvent> SqliteSalonEvents::startingBetween(Instant from, Instant to) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(), "SELECT id, title, topic, starts_at, place FROM salon_events"
                                   " WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, id LIMIT 100");
    SQLite::bind(q, from, to);
    std::vector<SalonEvent> out;
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getInt64(), q.getColumn(4).getString()});
    return out;
  });
}

std::optional<SalonEvent> SqliteSalonEvents::event(const std::string& id) { return findEvent(db_.sql(), id); }

std::vector<CareCandidate> SqliteSalonEvents::toInvite(const SalonEvent& e, int limit) {
  return guarded([&] {
    auto already = contactedFor(db_.sql(), "event_invite", e.id);
    std::vector<CareCandidate> out;
    CarePage page;
    page.filter = CareFilter::OptedIn;
    forEachCarePage(db_.sql(), page, [&](const std::vector<CareCandidate>& some) {
      for (const CareCandidate& c : eventInvitees(some, e.topic, already)) {
        if (static_cast<int>(out.size()) >= limit) return false;
        out.push_back(c);
      }
      return true;
    });
    return out;
  });
}

std::vector<CustomerId> SqliteSalonEvents::invited(const std::string& eventId) {
  return guarded([&] { return contactedFor(db_.sql(), "event_invite", eventId); });
}

std::vector<CustomerId> SqliteSalonEvents::attendees(const std::string& eventId) {
  return attendeesOf(db_.sql(), eventId);
}

}  // namespace salon::storage
