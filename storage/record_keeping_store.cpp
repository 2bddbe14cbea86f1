#include "storage/record_keeping_store.h"

#include "storage/audit_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

std::optional<Instant> optAt(SQLite::Statement& q, const char* col) { return sql::optionalInt(q.getColumn(col)); }
std::string text(SQLite::Statement& q, const char* col) { return sql::text(q.getColumn(col)); }

ChangeRequest readChange(SQLite::Statement& q) {
  ChangeRequest r;
  r.id = text(q, "id");
  r.customer = q.getColumn("customer_id").getInt64();
  r.field = text(q, "field");
  r.oldValue = text(q, "old_value");
  r.newValue = text(q, "new_value");
  r.reason = text(q, "reason");
  r.requestedBy = text(q, "requested_by");
  r.byCustomer = q.getColumn("by_customer").getInt() != 0;
  r.requestedAt = q.getColumn("requested_at").getInt64();
  r.customerConfirmedAt = optAt(q, "customer_confirmed_at");
  r.state = requestStateFromName(text(q, "state")).value_or(RequestState::Pending);
  r.decidedBy = text(q, "decided_by");
  r.decidedAt = optAt(q, "decided_at");
  r.decisionNote = text(q, "decision_note");
  r.correctsType = text(q, "corrects_type");
  r.correctsId = text(q, "corrects_id");
  return r;
}

Dispute readDispute(SQLite::Statement& q) {
  Dispute d;
  d.id = text(q, "id");
  d.customer = q.getColumn("customer_id").getInt64();
  d.recordType = text(q, "record_type");
  d.recordId = text(q, "record_id");
  d.objection = text(q, "objection");
  d.openedBy = text(q, "opened_by");
  d.openedAt = q.getColumn("opened_at").getInt64();
  d.dueAt = q.getColumn("due_at").getInt64();
  d.state = text(q, "state");
  d.outcome = text(q, "outcome");
  d.correctionRef = text(q, "correction_ref");
  d.closedBy = text(q, "closed_by");
  d.closedAt = optAt(q, "closed_at");
  return d;
}

Complaint readComplaint(SQLite::Statement& q) {
  Complaint c;
  c.id = text(q, "id");
  c.customer = q.getColumn("customer_id").getInt64();
  c.channel = text(q, "channel");
  c.description = text(q, "description");
  c.openedBy = text(q, "opened_by");
  c.openedAt = q.getColumn("opened_at").getInt64();
  c.dueAt = q.getColumn("due_at").getInt64();
  c.assignedTo = text(q, "assigned_to");
  c.state = text(q, "state");
  c.resolution = text(q, "resolution");
  c.cause = text(q, "cause");
  c.resolvedAt = optAt(q, "resolved_at");
  c.feedbackAt = optAt(q, "feedback_at");
  c.feedbackHow = text(q, "feedback_how");
  c.satisfaction = q.getColumn("satisfaction").getInt();
  return c;
}

QueryRequest readQuery(SQLite::Statement& q) {
  QueryRequest r;
  r.id = text(q, "id");
  r.customer = q.getColumn("customer_id").getInt64();
  r.requestedBy = text(q, "requested_by");
  r.purpose = text(q, "purpose");
  r.detail = text(q, "detail");
  r.requestedAt = q.getColumn("requested_at").getInt64();
  r.state = text(q, "state");
  r.decidedBy = text(q, "decided_by");
  r.decidedAt = optAt(q, "decided_at");
  return r;
}

FileLoan readLoan(SQLite::Statement& q) {
  FileLoan l;
  l.id = text(q, "id");
  l.customer = q.getColumn("customer_id").getInt64();
  l.requestedBy = text(q, "requested_by");
  l.reason = text(q, "reason");
  parseDate(text(q, "due_date"), l.dueDate);
  l.requestedAt = q.getColumn("requested_at").getInt64();
  l.state = text(q, "state");
  l.approvedBy = text(q, "approved_by");
  l.approvedAt = optAt(q, "approved_at");
  l.lentBy = text(q, "lent_by");
  l.lentAt = optAt(q, "lent_at");
  l.returnedAt = optAt(q, "returned_at");
  l.checkedBy = text(q, "checked_by");
  l.complete = q.getColumn("complete").getInt() != 0;
  l.undamaged = q.getColumn("undamaged").getInt() != 0;
  l.problem = text(q, "problem");
  return l;
}

template <class T, class Read>
std::optional<T> one(Database& db, const char* select, const std::string& id, Read read) {
  return guarded([&] {
    SQLite::Statement q(db.sql(), select);
    q.bind(1, id);
    return sql::firstRow(q, read);
  });
}

template <class T, class Read>
std::vector<T> many(Database& db, const char* select, Read read) {
  return guarded([&] {
    SQLite::Statement q(db.sql(), select);
    return sql::rows(q, read);
  });
}

}  // namespace

std::optional<ChangeRequest> SqliteRecordKeeping::changeRequest(const std::string& id) {
  return one<ChangeRequest>(db_, "SELECT * FROM change_requests WHERE id = ?", id, readChange);
}

std::vector<ChangeRequest> SqliteRecordKeeping::pendingChangeRequests() {
  return many<ChangeRequest>(db_, "SELECT * FROM change_requests WHERE state = 'pending' ORDER BY requested_at",
                             readChange);
}

void SqliteRecordKeeping::saveChangeRequest(const ChangeRequest& r, const AuditEntry& audit, bool apply) {
  db_.write([&](SQLite::Database& s) { writeChangeRequest(s, r, audit, apply ? &writer_ : nullptr); });
}

void writeChangeRequest(SQLite::Database& s, const ChangeRequest& r, const AuditEntry& audit,
                        const CustomerFieldWriter* apply) {
  SQLite::Statement q(s,
                      "INSERT INTO change_requests (id, customer_id, field, old_value, new_value, reason, requested_by,"
                      " by_customer, requested_at, customer_confirmed_at, state, decided_by, decided_at, decision_note,"
                      " corrects_type, corrects_id)"
                      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                      " customer_confirmed_at = excluded.customer_confirmed_at, state = excluded.state,"
                      " decided_by = excluded.decided_by, decided_at = excluded.decided_at,"
                      " decision_note = excluded.decision_note");
  sql::bind(q, r.id, r.customer, r.field, r.oldValue, r.newValue, r.reason, r.requestedBy, r.byCustomer,
            r.requestedAt, r.customerConfirmedAt, requestStateName(r.state), sql::orNull(r.decidedBy),
            r.decidedAt, r.decisionNote, r.correctsType, r.correctsId);
  q.exec();
  if (apply) (*apply)(s, r);
  appendAudit(s, audit);
  appendOutbox(s, {audit.id, audit.action, "{\"change_request\":\"" + r.id + "\"}", audit.at});
}

std::optional<Dispute> SqliteRecordKeeping::dispute(const std::string& id) {
  return one<Dispute>(db_, "SELECT * FROM disputes WHERE id = ?", id, readDispute);
}

std::vector<Dispute> SqliteRecordKeeping::openDisputes() {
  return many<Dispute>(db_, "SELECT * FROM disputes WHERE state = 'open' ORDER BY due_at", readDispute);
}

void SqliteRecordKeeping::saveDispute(const Dispute& d, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s,
                        "INSERT INTO disputes (id, customer_id, record_type, record_id, objection, opened_by, opened_at,"
                        " due_at, state, outcome, correction_ref, closed_by, closed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                        " ON CONFLICT(id) DO UPDATE SET state = excluded.state, outcome = excluded.outcome,"
                        " correction_ref = excluded.correction_ref, closed_by = excluded.closed_by,"
                        " closed_at = excluded.closed_at");
    sql::bind(q, d.id, d.customer, d.recordType, d.recordId, d.objection, d.openedBy, d.openedAt, d.dueAt,
              d.state, d.outcome, d.correctionRef, sql::orNull(d.closedBy), d.closedAt);
    q.exec();
    appendAudit(s, audit);
    appendOutbox(s, {audit.id, audit.action, "{\"dispute\":\"" + d.id + "\"}", audit.at});
  });
}

std::optional<Complaint> SqliteRecordKeeping::complaint(const std::string& id) {
  return one<Complaint>(db_, "SELECT * FROM complaints WHERE id = ?", id, readComplaint);
}

std::vector<Complaint> SqliteRecordKeeping::openComplaints() {
  return many<Complaint>(db_, "SELECT * FROM complaints WHERE state = 'open' ORDER BY due_at", readComplaint);
}

std::vector<Complaint> SqliteRecordKeeping::complaintsToFollowUp() {
  return many<Complaint>(db_,
                         "SELECT * FROM complaints WHERE state = 'resolved' AND (feedback_at IS NULL OR satisfaction = 0)"
                         " ORDER BY resolved_at",
                         readComplaint);
}

void SqliteRecordKeeping::saveComplaint(const Complaint& c, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s,
                        "INSERT INTO complaints (id, customer_id, channel, description, opened_by, opened_at, due_at,"
                        " assigned_to, state, resolution, cause, resolved_at, feedback_at, feedback_how, satisfaction)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                        " assigned_to = excluded.assigned_to, state = excluded.state, resolution = excluded.resolution,"
                        " cause = excluded.cause, resolved_at = excluded.resolved_at, feedback_at = excluded.feedback_at,"
                        " feedback_how = excluded.feedback_how, satisfaction = excluded.satisfaction");
    sql::bind(q, c.id, c.customer, c.channel, c.description, c.openedBy, c.openedAt, c.dueAt, c.assignedTo,
              c.state, c.resolution, c.cause, c.resolvedAt, c.feedbackAt, c.feedbackHow, c.satisfaction);
    q.exec();
    appendAudit(s, audit);
    appendOutbox(s, {audit.id, audit.action, "{\"complaint\":\"" + c.id + "\"}", audit.at});
  });
}

std::optional<QueryRequest> SqliteRecordKeeping::queryRequest(const std::string& id) {
  return one<QueryRequest>(db_, "SELECT * FROM query_requests WHERE id = ?", id, readQuery);
}

void SqliteRecordKeeping::saveQueryRequest(const QueryRequest& r, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s,
                        "INSERT INTO query_requests (id, customer_id, requested_by, purpose, detail, requested_at, state,"
                        " decided_by, decided_at) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                        " state = excluded.state, decided_by = excluded.decided_by, decided_at = excluded.decided_at");
    sql::bind(q, r.id, r.customer, r.requestedBy, r.purpose, r.detail, r.requestedAt, r.state,
              sql::orNull(r.decidedBy), r.decidedAt);
    q.exec();
    appendAudit(s, audit);
  });
}

std::optional<FileLoan> SqliteRecordKeeping::fileLoan(const std::string& id) {
  return one<FileLoan>(db_, "SELECT * FROM file_loans WHERE id = ?", id, readLoan);
}

std::vector<FileLoan> SqliteRecordKeeping::loansOut() {
  return many<FileLoan>(db_, "SELECT * FROM file_loans WHERE state = 'lent' ORDER BY due_date", readLoan);
}

void SqliteRecordKeeping::saveFileLoan(const FileLoan& l, const AuditEntry& audit) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s,
                        "INSERT INTO file_loans (id, customer_id, requested_by, reason, due_date, requested_at, state,"
                        " approved_by, approved_at, lent_by, lent_at, returned_at, checked_by, complete, undamaged,"
                        " problem) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                        " state = excluded.state, approved_by = excluded.approved_by, approved_at = excluded.approved_at,"
                        " lent_by = excluded.lent_by, lent_at = excluded.lent_at, returned_at = excluded.returned_at,"
                        " checked_by = excluded.checked_by, complete = excluded.complete,"
                        " undamaged = excluded.undamaged, problem = excluded.problem");
    sql::bind(q, l.id, l.customer, l.requestedBy, l.reason, formatDate(l.dueDate), l.requestedAt, l.state,
              sql::orNull(l.approvedBy), l.approvedAt, sql::orNull(l.lentBy), l.lentAt, l.returnedAt,
              sql::orNull(l.checkedBy), l.complete, l.undamaged, l.problem);
    q.exec();
    appendAudit(s, audit);
  });
}

}  // namespace salon::storage
