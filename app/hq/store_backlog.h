#pragma once
// Events waiting in a store's outbox, as its kiosk reports them (PROTOCOL.md: a batch's
// "events_waiting", a poll's ?events_waiting=N). Kept on the store's row with when it was
// reported (migration 013); a kiosk that never reports it leaves it NULL ("unknown").
#include <cstdint>
#include <string>

#include <pqxx/connection>
#include <pqxx/transaction_base>

namespace salon::hq {

// A batch's report, in the batch's transaction (the store's row is locked already).
void noteEventsWaiting(pqxx::dbtransaction& w, const std::string& store, std::int64_t waiting);

// A poll's report, at most one write a minute while the figure stays the same (a kiosk
// polls every second): a changed figure is written at once.
void notePolledEventsWaiting(pqxx::connection& db, const std::string& store, std::int64_t waiting);

// "N" → N; false for anything but a non-negative integer below 10^15.
bool parseEventsWaiting(const std::string& text, std::int64_t& out);

}  // namespace salon::hq
