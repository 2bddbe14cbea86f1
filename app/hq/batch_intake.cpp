#include "app/hq/batch_intake.h"

#include <pqxx/pqxx>
#include <set>

#include "app/hq/booking_projection.h"
#include "app/hq/chain_files.h"
#include "app/hq/member_projection.h"
#include "app/hq/member_cards.h"
#include "app/hq/member_debits.h"
#include "app/hq/member_overdraws.h"
#include "app/hq/online_self.h"
#include "app/hq/refusal.h"
#include "app/hq/sale_projection.h"
#include "app/hq/store_backlog.h"

namespace salon::hq {
namespace {

using nlohmann::json;

struct Tally {
  std::int64_t storedThrough = 0;
  int fresh = 0, duplicates = 0;
  std::vector<QuarantinedEvent> quarantined;
};

// Locks the store's row for the rest of the transaction: batches of one store
// are written one at a time, whichever process took them.
std::int64_t lockStore(pqxx::work& w, const std::string& store, const std::string& batchId) {
  auto r = w.exec_params("SELECT stored_through, revoked_at IS NOT NULL FROM stores WHERE code = $1 FOR UPDATE", store);
  if (r.empty()) throw Refusal(401, "unknown_token", "no such store");
  if (r[0][1].as<bool>()) throw Refusal(401, "revoked", "store " + store + " is revoked");
  std::int64_t storedThrough = r[0][0].as<std::int64_t>();
  if (!w.exec_params("SELECT 1 FROM batches WHERE id = $1", batchId).empty())
    throw Refusal(409, "replayed", "batch " + batchId + " was already committed", {{"stored_through", storedThrough}});
  return storedThrough;
}

std::string uuidArray(const std::vector<const OutboxEvent*>& events) {
  std::string out = "{";
  for (const auto* e : events) out += (out.size() > 1 ? "," : "") + e->id;
  return out + "}";
}

// Events at or below stored_through: the same id is a duplicate (a retry); another
// id under a stored seq cannot be stored (the seq is taken) and is quarantined.
void tallyOld(pqxx::work& w, const std::string& store, const std::vector<const OutboxEvent*>& old, Tally& t) {
  if (old.empty()) return;
  auto r = w.exec_params("SELECT id::text FROM events WHERE store = $1 AND id = ANY($2::uuid[])", store, uuidArray(old));
  std::set<std::string> stored;
  for (const auto& row : r) stored.insert(row[0].as<std::string>());
  for (const auto* e : old) {
    if (stored.count(e->id)) ++t.duplicates;
    else t.quarantined.push_back({e, "seq " + std::to_string(e->seq) + " already stored under another event id"});
  }
}

// Inserts the new events straight from the uploaded body (PostgreSQL parses it
// once; no second serialization here); returns those actually inserted (an id
// stored before under another seq or store is not, and is quarantined).
std::vector<const OutboxEvent*> insertFresh(pqxx::work& w, const std::string& store, const UploadBatch& b,
                                             const std::string& body, const std::vector<const OutboxEvent*>& fresh,
                                             std::int64_t storedThrough, Tally& t) {
  if (fresh.empty()) return {};
  auto r = w.exec_params(
      "INSERT INTO events (id, store, seq, type, at, day, payload, batch)"
      " SELECT e.id, $2, e.seq, e.type, e.at, e.day, COALESCE(e.payload, '{}'::jsonb), $3"
      " FROM jsonb_to_recordset($1::jsonb -> 'events') AS e(id uuid, seq bigint, type text, at bigint, day date, payload jsonb)"
      " WHERE e.seq > $4 ON CONFLICT DO NOTHING RETURNING id::text",
      body, store, b.id, storedThrough);
  std::set<std::string> inserted;
  for (const auto& row : r) inserted.insert(row[0].as<std::string>());
  std::vector<const OutboxEvent*> stored;
  for (const auto* e : fresh) {
    if (inserted.count(e->id)) stored.push_back(e);
    else t.quarantined.push_back({e, "event id already stored under another seq or store"});
  }
  t.fresh = static_cast<int>(stored.size());
  return stored;
}

void keepQuarantine(pqxx::work& w, const std::string& store, const std::string& batchId, const Tally& t) {
  if (t.quarantined.empty()) return;
  json rows = json::array();
  for (const auto& q : t.quarantined)
    rows.push_back({{"event_id", q.event->id}, {"seq", q.event->seq}, {"type", q.event->type},
                    {"reason", q.reason}, {"payload", q.event->payload}});
  w.exec_params(
      "INSERT INTO quarantine (store, event_id, seq, type, reason, payload, batch)"
      " SELECT $2, q.event_id, q.seq, q.type, q.reason, q.payload, $3 FROM jsonb_to_recordset($1::jsonb)"
      " AS q(event_id uuid, seq bigint, type text, reason text, payload jsonb)",
      rows.dump(), store, batchId);
}

void recordBatch(pqxx::work& w, const std::string& store, const UploadBatch& b, const Tally& t, std::int64_t skewMs) {
  bool skewed = skewMs > kSkewThresholdMs || skewMs < -kSkewThresholdMs;
  w.exec_params(
      "UPDATE stores SET stored_through = $2, last_contact = now(), clock_skew_ms = $3,"
      " skew_seen_at = CASE WHEN $4 THEN now() ELSE skew_seen_at END WHERE code = $1",
      store, t.storedThrough, skewed ? skewMs : 0, skewed);
  if (b.eventsWaiting) noteEventsWaiting(w, store, *b.eventsWaiting);
  std::int64_t first = b.events.empty() ? 0 : b.events.front().seq, last = b.events.empty() ? 0 : b.events.back().seq;
  w.exec_params(
      "INSERT INTO batches (id, store, sent_at, outcome, first_seq, last_seq, new_events, duplicates, quarantined)"
      " VALUES ($1, $2, $3, $4, NULLIF($5, 0), NULLIF($6, 0), $7, $8, $9)",
      b.id, store, b.sentAt, t.fresh > 0 ? "stored" : "duplicate", first, last, t.fresh, t.duplicates,
      static_cast<int>(t.quarantined.size()));
  if (b.auditHead)
    w.exec_params("INSERT INTO chain_heads (store, seq, hash, batch) VALUES ($1, $2, $3, $4)"
                  " ON CONFLICT (store, seq, hash) DO NOTHING",
                  store, b.auditHead->seq, b.auditHead->hash, b.id);
}

}  // namespace

json takeBatch(pqxx::connection& db, const std::string& store, const UploadBatch& b, const std::string& body,
               std::int64_t hqNowMs) {
  pqxx::work w(db);
  Tally t;
  t.storedThrough = lockStore(w, store, b.id);
  std::vector<const OutboxEvent*> old, fresh;
  for (const auto& e : b.events) (e.seq <= t.storedThrough ? old : fresh).push_back(&e);
  if (!fresh.empty() && fresh.front()->seq != t.storedThrough + 1)
    throw Refusal(409, "sequence_gap",
                  "expected seq " + std::to_string(t.storedThrough + 1) + ", got " + std::to_string(fresh.front()->seq),
                  {{"stored_through", t.storedThrough}});
  tallyOld(w, store, old, t);
  auto stored = insertFresh(w, store, b, body, fresh, t.storedThrough, t);
  for (auto& q : projectEvents(w, store, stored)) t.quarantined.push_back(std::move(q));
  for (auto& q : projectBookingEvents(w, store, stored)) t.quarantined.push_back(std::move(q));
  for (auto& q : projectMemberEvents(w, store, stored, t.quarantined)) t.quarantined.push_back(std::move(q));
  endPostedDebits(w, stored, t.quarantined);
  postOverdraws(w, store, stored);
  for (auto& q : projectCardEvents(w, store, stored)) t.quarantined.push_back(std::move(q));
  for (auto& q : projectSelfEvents(w, store, stored)) t.quarantined.push_back(std::move(q));  // the phone page's
  for (auto& q : projectChainFileEvents(w, store, stored)) t.quarantined.push_back(std::move(q));  // sealed files
  if (!fresh.empty()) t.storedThrough = fresh.back()->seq;
  keepQuarantine(w, store, b.id, t);
  recordBatch(w, store, b, t, b.sentAt - hqNowMs);
  w.commit();
  return {{"stored_through", t.storedThrough}, {"new", t.fresh}, {"duplicates", t.duplicates},
          {"quarantined", static_cast<int>(t.quarantined.size())}};
}

}  // namespace salon::hq
