#include "storage/reconciliation_store.h"

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

using LL = std::int64_t;
using nlohmann::json;

json sourcesJson(const std::vector<StatementSource>& sources) {
  json out = json::array();
  for (const auto& s : sources) {
    json days = json::array();
    for (const auto& d : s.days)
      days.push_back({{"date", d.date}, {"rows", d.rows}, {"gross", d.gross.fen}, {"refunds", d.refunds.fen},
                      {"fees", d.fees.fen}, {"net", d.net.fen}});
    out.push_back({{"file", s.file}, {"tender", s.tender}, {"format", s.format}, {"rows", s.rows}, {"gross", s.gross.fen},
                   {"refunds", s.refunds.fen}, {"fees", s.fees.fen}, {"net", s.net.fen}, {"days", days}});
  }
  return out;
}

// Runs stored before the figures per day were kept have gross, fees and rows only.
StatementSource sourceFromJson(const json& s) {
  StatementSource out{s["file"].get<std::string>(), s["tender"].get<std::string>(), s["rows"].get<int>(),
                      Money(s["gross"].get<LL>()), Money(s["fees"].get<LL>()), Money(s.value("refunds", LL{0})),
                      Money(s.value("net", LL{0})), s.value("format", std::string()), {}};
  if (!s.contains("net")) out.net = out.gross - out.refunds - out.fees;
  for (const auto& d : s.value("days", json::array()))
    out.days.push_back({d["date"].get<std::string>(), d["rows"].get<int>(), Money(d["gross"].get<LL>()),
                        Money(d["refunds"].get<LL>()), Money(d["fees"].get<LL>()), Money(d["net"].get<LL>())});
  return out;
}

json totalsJson(const std::vector<TenderTotal>& totals) {
  json out = json::array();
  for (const auto& t : totals)
    out.push_back({{"tender", t.tender},
                   {"kiosk", t.kiosk.fen},
                   {"finance", t.finance ? json(t.finance->fen) : json()},
                   {"fees", t.fees.fen}});
  return out;
}

}  // namespace

std::vector<KioskTender> kioskTenders(Database& db, const std::string& month) {
  return guarded([&] {
    std::vector<KioskTender> out;
    SQLite::Statement q(db.sql(), "SELECT s.id, t.type, t.ref, t.amount, s.business_day FROM sale_tenders t"
                                  " JOIN sales s ON s.id = t.sale_id WHERE substr(s.business_day, 1, 7) = ?"
                                  " ORDER BY s.business_day, s.recorded_at, t.seq");
    q.bind(1, month);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     sql::money(q.getColumn(3)), q.getColumn(4).getString()});
    return out;
  });
}

std::vector<CashUp> cashUps(Database& db, const std::string& month) {
  return guarded([&] {
    std::vector<CashUp> out;
    SQLite::Statement q(db.sql(), "SELECT date, COALESCE(expected_cash, 0), COALESCE(counted_cash, 0), closed_at IS NOT NULL"
                                  " FROM business_days WHERE substr(date, 1, 7) = ? ORDER BY date");
    q.bind(1, month);
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), sql::money(q.getColumn(1)), sql::money(q.getColumn(2)),
                     q.getColumn(3).getInt() != 0});
    return out;
  });
}

void SqliteReconciliations::saveReconciliation(const Reconciliation& r, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "INSERT INTO reconciliations (id, month, run_at, run_by, sources, totals, matched)"
                           " VALUES (?,?,?,?,?,?,?)");
    SQLite::bind(q, r.id, r.month, r.runAt, r.runBy, sourcesJson(r.sources).dump(),
                 totalsJson(r.result.totals).dump(), r.result.matched);
    q.exec();
    SQLite::Statement i(s, "INSERT INTO reconciliation_items (recon_id, item_no, kind, tender, ref, sale_id, kiosk, statement)"
                           " VALUES (?,?,?,?,?,?,?,?)");
    for (const ReconciliationItem& d : r.result.differences) {
      i.reset();
      SQLite::bind(i, r.id, d.itemNo, d.kind, d.tender, d.ref, d.saleId, d.kiosk.fen, d.statement.fen);
      i.exec();
    }
    appendAudit(s, audit);
    appendOutbox(s, {r.id, "finance.reconciled", json{{"reconciliation", r.id}, {"month", r.month}}.dump(), r.runAt});
  });
}

std::optional<Reconciliation> SqliteReconciliations::reconciliation(const std::string& id) {
  return guarded([&]() -> std::optional<Reconciliation> {
    SQLite::Statement q(db_.sql(), "SELECT id, month, run_at, run_by, sources, totals, matched, signed_by, signed_at,"
                                   " sign_note FROM reconciliations WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    Reconciliation r;
    r.id = q.getColumn(0).getString();
    r.month = q.getColumn(1).getString();
    r.runAt = q.getColumn(2).getInt64();
    r.runBy = q.getColumn(3).getString();
    for (const auto& s : json::parse(q.getColumn(4).getString())) r.sources.push_back(sourceFromJson(s));
    for (const auto& t : json::parse(q.getColumn(5).getString())) {
      TenderTotal tt{t["tender"].get<std::string>(), Money(t["kiosk"].get<LL>()), std::nullopt, Money(t["fees"].get<LL>())};
      if (!t["finance"].is_null()) tt.finance = Money(t["finance"].get<LL>());
      r.result.totals.push_back(tt);
    }
    r.result.matched = q.getColumn(6).getInt();
    r.signedBy = sql::text(q.getColumn(7));
    if (!q.getColumn(8).isNull()) r.signedAt = q.getColumn(8).getInt64();
    r.signNote = q.getColumn(9).getString();
    SQLite::Statement i(db_.sql(), "SELECT item_no, kind, tender, ref, sale_id, kiosk, statement, explanation,"
                                   " explained_by, explained_at FROM reconciliation_items WHERE recon_id = ? ORDER BY item_no");
    i.bind(1, id);
    while (i.executeStep()) {
      ReconciliationItem d;
      d.itemNo = i.getColumn(0).getInt();
      d.kind = i.getColumn(1).getString();
      d.tender = i.getColumn(2).getString();
      d.ref = i.getColumn(3).getString();
      d.saleId = i.getColumn(4).getString();
      d.kiosk = sql::money(i.getColumn(5));
      d.statement = sql::money(i.getColumn(6));
      d.explanation = i.getColumn(7).getString();
      d.explainedBy = sql::text(i.getColumn(8));
      if (!i.getColumn(9).isNull()) d.explainedAt = i.getColumn(9).getInt64();
      r.result.differences.push_back(std::move(d));
    }
    return r;
  });
}

void SqliteReconciliations::saveExplanation(const std::string& id, const ReconciliationItem& item, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "UPDATE reconciliation_items SET explanation = ?, explained_by = ?, explained_at = ?"
                           " WHERE recon_id = ? AND item_no = ?");
    SQLite::bind(q, item.explanation, item.explainedBy, *item.explainedAt, id, item.itemNo);
    if (q.exec() != 1) throw DomainError("not_found", "item " + std::to_string(item.itemNo));
    appendAudit(s, audit);
  });
}

void SqliteReconciliations::saveSignature(const Reconciliation& r, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "UPDATE reconciliations SET signed_by = ?, signed_at = ?, sign_note = ? WHERE id = ?"
                           " AND signed_at IS NULL AND NOT EXISTS (SELECT 1 FROM reconciliation_items"
                           " WHERE recon_id = ?4 AND explained_at IS NULL)");
    SQLite::bind(q, r.signedBy, *r.signedAt, r.signNote, r.id);
    if (q.exec() != 1) throw DomainError("stale_change", "reconciliation " + r.id);
    appendAudit(s, audit);
    appendOutbox(s, {audit.id, "finance.reconciliation_signed", json{{"reconciliation", r.id}}.dump(), *r.signedAt});
  });
}

}  // namespace salon::storage
