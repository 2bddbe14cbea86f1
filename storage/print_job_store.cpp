#include "storage/print_job_store.h"

#include "storage/sql.h"

namespace salon::storage {
namespace {

PrintJob rowToJob(SQLite::Statement& q, bool withBytes) {
  PrintJob j;
  j.id = q.getColumn(0).getString();
  j.kind = q.getColumn(1).getString();
  j.title = q.getColumn(2).getString();
  j.printer = q.getColumn(3).getString();
  if (withBytes) j.bytes = sql::bytes(q.getColumn(4));
  j.state = printJobStateFromName(q.getColumn(5).getString()).value_or(PrintJobState::Failed);
  j.reason = q.getColumn(6).getString();
  j.attempts = q.getColumn(7).getInt();
  j.reprintOf = sql::text(q.getColumn(8));
  j.createdAt = q.getColumn(9).getInt64();
  j.updatedAt = q.getColumn(10).getInt64();
  j.ref = q.getColumn(11).getString();
  return j;
}

constexpr const char* kColumns =
    "id, kind, title, printer, bytes, state, reason, attempts, reprint_of, created_at, updated_at, ref";

}  // namespace

void SqlitePrintJobStore::saveJob(const PrintJob& j) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, std::string("INSERT INTO print_jobs (") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    sql::bind(q, j.id, j.kind, j.title, j.printer, sql::blob(j.bytes), printJobStateName(j.state), j.reason,
              j.attempts, sql::orNull(j.reprintOf), j.createdAt, j.updatedAt, j.ref);
    q.exec();
  });
}

void SqlitePrintJobStore::updateJob(const std::string& id, PrintJobState state, const std::string& reason,
                                    int attempts, Instant at) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "UPDATE print_jobs SET state = ?, reason = ?, attempts = ?, updated_at = ? WHERE id = ?");
    SQLite::bind(q, printJobStateName(state), reason, attempts, at, id);
    q.exec();
  });
}

std::optional<PrintJob> SqlitePrintJobStore::findJob(const std::string& id) {
  return guarded([&]() -> std::optional<PrintJob> {
    SQLite::Statement q(db_.sql(), std::string("SELECT ") + kColumns + " FROM print_jobs WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return rowToJob(q, true);
  });
}

std::vector<PrintJob> SqlitePrintJobStore::recentJobs(int limit) {
  return guarded([&] {
    std::vector<PrintJob> out;
    SQLite::Statement q(db_.sql(), std::string("SELECT ") + kColumns +
                                       " FROM print_jobs ORDER BY created_at DESC, rowid DESC LIMIT ?");
    q.bind(1, limit);
    while (q.executeStep()) out.push_back(rowToJob(q, false));
    return out;
  });
}

}  // namespace salon::storage
