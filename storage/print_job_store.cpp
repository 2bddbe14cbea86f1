#include "storage/print_job_store.h"

namespace salon::storage {
namespace {

PrintJob rowToJob(SQLite::Statement& q, bool withBytes) {
  PrintJob j;
  j.id = q.getColumn(0).getString();
  j.kind = q.getColumn(1).getString();
  j.title = q.getColumn(2).getString();
  j.printer = q.getColumn(3).getString();
  if (withBytes) {
    const auto& col = q.getColumn(4);
    j.bytes.assign(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes()));
  }
  j.state = printJobStateFromName(q.getColumn(5).getString()).value_or(PrintJobState::Failed);
  j.reason = q.getColumn(6).getString();
  j.attempts = q.getColumn(7).getInt();
  j.reprintOf = q.getColumn(8).isNull() ? "" : q.getColumn(8).getString();
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
    q.bind(1, j.id);
    q.bind(2, j.kind);
    q.bind(3, j.title);
    q.bind(4, j.printer);
    q.bind(5, j.bytes.data(), static_cast<int>(j.bytes.size()));
    q.bind(6, printJobStateName(j.state));
    q.bind(7, j.reason);
    q.bind(8, j.attempts);
    if (j.reprintOf.empty())
      q.bind(9);
    else
      q.bind(9, j.reprintOf);
    q.bind(10, static_cast<int64_t>(j.createdAt));
    q.bind(11, static_cast<int64_t>(j.updatedAt));
    q.bind(12, j.ref);
    q.exec();
  });
}

void SqlitePrintJobStore::updateJob(const std::string& id, PrintJobState state, const std::string& reason,
                                    int attempts, Instant at) {
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "UPDATE print_jobs SET state = ?, reason = ?, attempts = ?, updated_at = ? WHERE id = ?");
    q.bind(1, printJobStateName(state));
    q.bind(2, reason);
    q.bind(3, attempts);
    q.bind(4, static_cast<int64_t>(at));
    q.bind(5, id);
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
