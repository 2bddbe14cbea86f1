#include "app/hq/store_backlog.h"

#include <algorithm>
#include <cctype>

#include <pqxx/pqxx>

namespace salon::hq {
namespace {

// The backlog stops being "since" when it reaches 0 or falls; it starts when it rises from
// 0 (or from unknown) or rises after a fall, and keeps its start while it rises or stays.
constexpr const char* kUpdate =
    "UPDATE stores SET events_waiting = $2::bigint, events_waiting_at = now(),"
    " events_waiting_since = CASE WHEN $2::bigint = 0 OR $2::bigint < events_waiting THEN NULL"
    "   WHEN events_waiting IS NULL OR $2::bigint > events_waiting THEN COALESCE(events_waiting_since, now())"
    "   ELSE events_waiting_since END"
    " WHERE code = $1";

}  // namespace

void noteEventsWaiting(pqxx::dbtransaction& w, const std::string& store, std::int64_t waiting) {
  w.exec_params(kUpdate, store, waiting);
}

void notePolledEventsWaiting(pqxx::connection& db, const std::string& store, std::int64_t waiting) {
  pqxx::work w(db);
  w.exec_params(std::string(kUpdate) +
                    " AND (events_waiting IS DISTINCT FROM $2::bigint OR events_waiting_at < now() - interval '1 minute')",
                store, waiting);
  w.commit();
}

bool parseEventsWaiting(const std::string& text, std::int64_t& out) {
  if (text.empty() || text.size() > 15 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
    return false;
  out = std::stoll(text);
  return true;
}

}  // namespace salon::hq
