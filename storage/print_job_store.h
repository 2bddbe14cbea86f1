#pragma once
// The print queue's jobs in SQLite (core's PrintJobStore port).
#include "app/core/print_job.h"
#include "storage/database.h"

namespace salon::storage {

class SqlitePrintJobStore : public PrintJobStore {
 public:
  explicit SqlitePrintJobStore(Database& db) : db_(db) {}
  void saveJob(const PrintJob& job) override;
  void updateJob(const std::string& id, PrintJobState state, const std::string& reason, int attempts,
                 Instant at) override;
  std::optional<PrintJob> findJob(const std::string& id) override;
  std::vector<PrintJob> recentJobs(int limit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
