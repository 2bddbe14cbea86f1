#include "storage/member_card_store.h"

#include <nlohmann/json.hpp>

#include "app/core/uuid.h"
#include "storage/audit_store.h"
#include "storage/card_key_file.h"
#include "storage/sync_cards.h"
#include "storage/verify.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

constexpr const char* kHolderSelect =
    "SELECT c.member_no, c.name, c.phone, c.file_no, COALESCE(m.version, 1), m.version IS NOT NULL FROM customers c"
    " LEFT JOIN member_cards m ON m.member_no = c.member_no WHERE ";

CardHolder rowToHolder(SQLite::Statement& q) {
  CardHolder h;
  h.memberNo = q.getColumn(0).getString();
  h.name = q.getColumn(1).getString();
  h.phone = q.getColumn(2).getString();
  h.fileNo = q.getColumn(3).getString();
  h.cardVersion = q.getColumn(4).getInt();
  h.cardIssued = q.getColumn(5).getInt() != 0;
  return h;
}

std::optional<CardHolder> findHolder(SQLite::Database& s, const std::string& where, const std::string& value) {
  SQLite::Statement q(s, std::string(kHolderSelect) + where + " ORDER BY c.id LIMIT 1");
  q.bind(1, value);
  if (!q.executeStep()) return std::nullopt;
  return rowToHolder(q);
}

// The version in force, the log line, the audit entry and the outbox row, inside
// the caller's transaction; a reissue bumps the version.
CardHolder writeCardEvent(SQLite::Database& s, CardHolder h, CardEvent event, const std::string& staffCode,
                          const std::string& reason, const AuditEntry& audit) {
  const std::string& memberNo = h.memberNo;
  if (event == CardEvent::Reissue && h.cardIssued) ++h.cardVersion;
  if (event == CardEvent::Reprint && !h.cardIssued) event = CardEvent::Issue;
  h.cardIssued = true;
  SQLite::Statement up(s, "INSERT INTO member_cards (member_no, version, updated_at) VALUES (?, ?, ?)"
                          " ON CONFLICT(member_no) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at");
  SQLite::bind(up, memberNo, h.cardVersion, audit.at);
  up.exec();
  SQLite::Statement log(s, "INSERT INTO member_card_log (member_no, event, version, staff, reason, at) VALUES (?,?,?,?,?,?)");
  SQLite::bind(log, memberNo, cardEventName(event), h.cardVersion, staffCode, reason, audit.at);
  log.exec();
  AuditEntry a = audit;
  a.sections = "card_version=" + std::to_string(h.cardVersion);
  appendAudit(s, a);
  nlohmann::json payload = {{"member_no", memberNo}, {"event", cardEventName(event)},
                            {"version", h.cardVersion}, {"staff", staffCode}, {"reason", reason}};
  const char* type = event == CardEvent::Issue     ? "member_card.issued"
                     : event == CardEvent::Reprint ? "member_card.reprinted"
                                                   : "member_card.reissued";
  appendOutbox(s, {newUuid(), type, payload.dump(), audit.at});
  return h;
}

}  // namespace

// From card.key beside the database, never from a copy of the database alone.
std::string SqliteMemberCardStore::signingSeed() { return currentCardSeed(db_); }

std::vector<std::string> SqliteMemberCardStore::chainPublicKeys() {
  return guarded([&] { return chainCardKeys(db_.sql()); });
}

std::vector<std::string> SqliteMemberCardStore::retiredPublicKeys() {
  return guarded([&] {
    std::vector<std::string> keys;
    SQLite::Statement q(db_.sql(), "SELECT public_key FROM member_card_key_generations WHERE retired_at IS NOT NULL"
                                   " ORDER BY generation DESC");
    while (q.executeStep()) keys.push_back(sql::bytes(q.getColumn(0)));
    return keys;
  });
}

std::optional<CardHolder> SqliteMemberCardStore::holder(const std::string& memberNo) {
  return guarded([&] { return findHolder(db_.sql(), "c.member_no = ?", memberNo); });
}

std::optional<CardHolder> SqliteMemberCardStore::holderByPhone(const std::string& phone) {
  return guarded([&] { return findHolder(db_.sql(), "c.member_no IS NOT NULL AND c.phone = ?", phone); });
}

CardHolder SqliteMemberCardStore::recordCardEvent(const std::string& memberNo, CardEvent event,
                                                  const std::string& staffCode, const std::string& reason,
                                                  const AuditEntry& audit) {
  CardHolder out;
  db_.write([&](SQLite::Database& s) {
    auto h = findHolder(s, "c.member_no = ?", memberNo);
    if (!h) throw DomainError("member_unknown", memberNo);
    out = writeCardEvent(s, *h, event, staffCode, reason, audit);
  });
  return out;
}

// The version is read again inside the write transaction: two counters scanning
// the same old card at once reissue it once; the second sees it revoked.
std::optional<CardHolder> SqliteMemberCardStore::reissueRetiredCard(const std::string& memberNo, int scannedVersion,
                                                                    const std::string& staffCode,
                                                                    const std::string& reason, const AuditEntry& audit) {
  std::optional<CardHolder> out;
  db_.write([&](SQLite::Database& s) {
    auto h = findHolder(s, "c.member_no = ?", memberNo);
    if (!h || !h->cardIssued || h->cardVersion != scannedVersion) return;
    out = writeCardEvent(s, *h, CardEvent::Reissue, staffCode, reason, audit);
  });
  return out;
}

LedgerCheck checkMemberCardVersions(SQLite::Database& db) {
  LedgerCheck c{"member card versions", true, ""};
  SQLite::Statement q(db,
                      "SELECT m.member_no, m.version, (SELECT l.version FROM member_card_log l WHERE l.member_no = m.member_no"
                      " ORDER BY l.seq DESC LIMIT 1) FROM member_cards m");
  while (q.executeStep()) {
    if (q.getColumn(2).isNull() || q.getColumn(1).getInt() != q.getColumn(2).getInt()) {
      c.ok = false;
      c.problem = q.getColumn(0).getString() + ": card version " + std::to_string(q.getColumn(1).getInt()) +
                  " does not match its log";
      return c;
    }
  }
  return c;
}

}  // namespace salon::storage
