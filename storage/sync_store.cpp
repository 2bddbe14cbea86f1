#include "storage/sync_store.h"
#include "storage/chain_files.h"

#include "storage/customer_numbers.h"

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "storage/audit_head.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/member_openings.h"
#include "storage/sql.h"
#include "storage/sync_cards.h"
#include "storage/sync_member_phones.h"
#include "storage/sync_token.h"

namespace salon::storage {
namespace {

template <class... A>
void run(SQLite::Database& db, const char* statement, const A&... args) {
  SQLite::Statement q(db, statement);
  sql::bind(q, args...);
  q.exec();
}

std::int64_t number(SQLite::Database& db, const char* query) { return db.execAndGet(query).getInt64(); }

// The business day an event belongs to: the one a sale names, else its date in
// the store's zone.
std::string dayOf(const std::string& payload, Instant at, StoreZone zone) {
  auto json = nlohmann::json::parse(payload, nullptr, false);
  if (json.is_object()) {
    auto day = json.find("business_day");
    if (day != json.end() && day->is_string()) return day->get<std::string>();
  }
  return formatDate(localDate(at, zone));
}

}  // namespace

void refuseWhenHeadOfficeOwns(SQLite::Database& db, const std::string& itemCode) {
  SQLite::Statement q(db, "SELECT 1 FROM hq_owned WHERE kind IN ('catalog.item', 'price.override') AND key = ?"
                          " AND EXISTS (SELECT 1 FROM sync_state)");
  q.bind(1, itemCode);
  if (q.executeStep()) throw DomainError("managed_by_head_office", itemCode);
}

std::optional<SyncEnrolment> SqliteSyncStore::enrolment() {
  return guarded([&]() -> std::optional<SyncEnrolment> {
    SQLite::Statement q(db_.sql(), "SELECT hq_url, store_code, token_sealed, cert_fingerprint, enrolled_at, cursor,"
                                   " behind_through, resumed_after FROM sync_state WHERE one = 1");
    if (!q.executeStep()) return std::nullopt;
    SyncEnrolment e;
    e.address = {q.getColumn(0).getString(), q.getColumn(1).getString(),
                 unsealHeadOfficeToken(q.getColumn(2).getString()), q.getColumn(3).getString()};
    e.enrolledAt = q.getColumn(4).getInt64();
    e.cursor = q.getColumn(5).getString();
    e.behindThrough = q.getColumn(6).getInt64();
    e.resumedAfter = q.getColumn(7).getInt64();
    return e;
  });
}

void SqliteSyncStore::enrol(const HeadOfficeAddress& a, const AuditEntry& audit) {
  const std::string sealed = sealHeadOfficeToken(a.token);
  db_.write([&](SQLite::Database& s) {
    run(s, "INSERT INTO sync_state (one, hq_url, store_code, token_sealed, cert_fingerprint, enrolled_at, last_contact)"
           " VALUES (1,?,?,?,?,?,?) ON CONFLICT(one) DO UPDATE SET hq_url = excluded.hq_url,"
           " store_code = excluded.store_code, token_sealed = excluded.token_sealed,"
           " cert_fingerprint = excluded.cert_fingerprint, enrolled_at = excluded.enrolled_at,"
           " last_contact = excluded.last_contact, last_error = ''",
        a.url, a.store, sealed, a.fingerprint, audit.at, audit.at);
    appendAudit(s, audit);
  });
}

std::int64_t SqliteSyncStore::eventsWaiting() {
  return guarded([&] { return number(db_.sql(), "SELECT count(*) FROM outbox WHERE sent_at IS NULL"); });
}

std::vector<OutboxEvent> SqliteSyncStore::waitingEvents(int limit) {
  return guarded([&] {
    StoreZone zone = readZone(db_.sql());
    SQLite::Statement q(db_.sql(), "SELECT id, seq, type, at, payload FROM outbox WHERE sent_at IS NULL"
                                   " ORDER BY seq LIMIT ?");
    q.bind(1, limit);
    return sql::rows(q, [&](SQLite::Statement& r) {
      OutboxEvent e{r.getColumn(0).getString(), r.getColumn(1).getInt64(), r.getColumn(2).getString(),
                    r.getColumn(3).getInt64(), "", r.getColumn(4).getString()};
      e.day = dayOf(e.payload, e.at, zone);
      return e;
    });
  });
}

std::int64_t SqliteSyncStore::lastSeq() {
  return guarded([&] {
    return number(db_.sql(), "SELECT max(coalesce((SELECT max(seq) FROM outbox), 0),"
                             " coalesce((SELECT seq_floor FROM sync_state WHERE one = 1), 0))");
  });
}

std::optional<ChainHead> SqliteSyncStore::auditHead() {
  return guarded([&] { return readAuditHead(db_.sql()); });
}

std::optional<std::string> SqliteSyncStore::auditHashAt(std::int64_t seq) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(), "SELECT hash FROM audit_log WHERE seq = ?");
    q.bind(1, seq);
    return sql::firstRow(q, [](SQLite::Statement& r) { return r.getColumn(0).getString(); });
  });
}

void SqliteSyncStore::markSentThrough(std::int64_t storedThrough, Instant at) {
  db_.write([&](SQLite::Database& s) {
    run(s, "UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND seq <= ?", at, storedThrough);
    run(s, "UPDATE sync_state SET hq_stored_through = ?, last_contact = ?, last_error = '' WHERE one = 1",
        storedThrough, at);
  });
}

void SqliteSyncStore::resendAfter(std::int64_t storedThrough, Instant at) {
  db_.write([&](SQLite::Database& s) {
    run(s, "UPDATE outbox SET sent_at = NULL WHERE sent_at IS NOT NULL AND seq > ?", storedThrough);
    run(s, "UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND seq <= ?", at, storedThrough);
    run(s, "UPDATE sync_state SET hq_stored_through = ?, last_contact = ?, last_error = '' WHERE one = 1",
        storedThrough, at);
  });
}

void SqliteSyncStore::noteContact(Instant at, std::int64_t hqStoredThrough) {
  db_.write([&](SQLite::Database& s) {
    run(s, "UPDATE sync_state SET hq_stored_through = ?, last_contact = ?, last_error = '' WHERE one = 1",
        hqStoredThrough, at);
  });
}

void SqliteSyncStore::keepNumberBlock(int block) {
  db_.write([&](SQLite::Database& s) { storage::keepNumberBlock(s, block); });
}

void SqliteSyncStore::beforeUpload(Instant now) {
  db_.write([&](SQLite::Database& s) {
    queueMemberOpenings(s, now);  // once per old membership without a number, before its phone (issue 19)
    reportMemberPhones(s, now);
    reportCardKeys(s, now);  // so other stores accept this store's cards (issue 18)
    reportChainFiles(s, now);  // sealed, so another store can find the customer (issue 18)
  });
}

void SqliteSyncStore::noteFailure(const std::string& code) {
  db_.write([&](SQLite::Database& s) { run(s, "UPDATE sync_state SET last_error = ? WHERE one = 1", code); });
}

void SqliteSyncStore::fallBehind(std::int64_t hqStoredThrough, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    run(s, "UPDATE sync_state SET behind_through = ?1, seq_floor = max(seq_floor, ?1), hq_stored_through = ?1,"
           " last_error = 'behind_head_office' WHERE one = 1",
        hqStoredThrough);
    appendAudit(s, audit);
  });
}

void SqliteSyncStore::acknowledgeBehind(const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    const std::int64_t floor = number(s, "SELECT seq_floor FROM sync_state WHERE one = 1");
    // The events made since the restore (from its data.restored row on) take the
    // numbers after HQ's, in their order. Those that came back with the backup
    // keep theirs: HQ has them under those numbers already (from the kiosk that
    // was lost) and ignores them by id. Restored by hand (no data.restored row):
    // every event not yet sent moves. By way of negative numbers, so the unique
    // index never sees two rows on one seq.
    const std::int64_t restored = number(s, "SELECT coalesce(max(seq), 0) FROM outbox"
                                            " WHERE type = 'data.restored' AND sent_at IS NULL");
    run(s, "UPDATE outbox SET seq = -seq WHERE sent_at IS NULL AND seq >= ?", restored);
    run(s, "UPDATE outbox SET seq = ? + numbered.n FROM (SELECT rowid AS rid, row_number() OVER (ORDER BY seq DESC)"
           " AS n FROM outbox WHERE seq < 0) AS numbered WHERE outbox.rowid = numbered.rid",
        floor);
    run(s, "UPDATE sync_state SET behind_through = 0, resumed_after = seq_floor, last_error = '' WHERE one = 1");
    appendAudit(s, audit);
  });
}

void SqliteSyncStore::applyChanges(const ChangesPage& page, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    std::string store = s.execAndGet("SELECT ifnull((SELECT store_code FROM sync_state WHERE one = 1), '')").getString();
    AuditEntry entry = audit;
    for (const RefusedChange& r : applyHeadOfficeChanges(s, page.changes, store, audit.at))
      entry.reason += (entry.reason.empty() ? "" : "; ") + ("skipped " + r.kind + " " + r.key + ": " + r.why);
    run(s, "UPDATE sync_state SET cursor = ?, received = received + ?, last_contact = ?, last_error = '' WHERE one = 1",
        page.cursor, static_cast<std::int64_t>(page.changes.size()), audit.at);
    if (!page.changes.empty()) appendAudit(s, entry);
  });
}

bool SqliteSyncStore::customerAnswerWaiting() {
  return guarded([&] {
    return number(db_.sql(), "SELECT EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL AND type IN ('booking.decided',"
                             " 'customer.self_view_answer', 'customer.correction_answered', 'member.application_answered',"
                             " 'member.approved', 'member.rejected', 'customer.change_approved', 'customer.change_rejected'))") != 0;
  });
}

SyncStatus SqliteSyncStore::status() {
  return guarded([&] {
    SyncStatus st;
    SQLite::Database& s = db_.sql();
    st.sent = number(s, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL");
    st.waiting = number(s, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
    st.lastSeq = lastSeq();
    st.overdraws = number(s, "SELECT count(*) FROM chain_overdraws");
    SQLite::Statement q(s, "SELECT store_code, received, last_contact, last_error, hq_stored_through, behind_through"
                           " FROM sync_state WHERE one = 1");
    if (q.executeStep()) {
      st.enrolled = true;
      st.store = q.getColumn(0).getString();
      st.received = q.getColumn(1).getInt64();
      st.lastContact = sql::optionalInt(q.getColumn(2));
      st.lastError = q.getColumn(3).getString();
      st.hqStoredThrough = q.getColumn(4).getInt64();
      st.behindThrough = q.getColumn(5).getInt64();
    }
    return st;
  });
}

}  // namespace salon::storage
