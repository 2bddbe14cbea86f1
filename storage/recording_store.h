#pragma once
// The recording clocks on the stored records: consumption records (settlement
// vs real completion), service details (taps, settled service lines, details
// recorded), disputes and complaints, gathered for the compliance report.
#include "app/core/compliance.h"
#include "app/core/service_record.h"
#include "storage/database.h"

namespace salon::storage {

class SqliteServiceRecords : public ServiceRecordStore {
 public:
  explicit SqliteServiceRecords(Database& db) : db_(db) {}
  void saveEnding(const ServiceEnding& e, const AuditEntry& audit) override;
  std::vector<ServiceEnding> endings(Instant from, Instant to) override;
  std::vector<SettledService> settledServices(Instant from, Instant to) override;
  std::map<std::string, Instant> detailsRecorded(Instant from, Instant to) override;
  std::map<std::string, std::string> departments() override;
  // The details and, for a known customer, a visit record in their file.
  void saveDetails(const ServiceDetails& d, const AuditEntry& audit) override;

 private:
  Database& db_;
};

// Every record with a recording clock whose clock started in [from - 1 day, to)
// or was done in [from, to): consumption records of sales (back-entries are late
// after 10 minutes), service details, disputes and complaints. A record is
// corrected when an upheld dispute or an approved change request names it
// (charged to whoever recorded it).
std::vector<RecordedItem> recordedItems(Database& db, Instant from, Instant to, const RecordingRules& rules);
// The same, service details' clock only (the staff report's on-time rate).
std::vector<RecordedItem> serviceDetailItems(Database& db, Instant from, Instant to, const RecordingRules& rules);
// recordedItems of the disputes' and complaints' clocks only, not yet marked
// corrected (the reports count consumption and services their own way:
// storage/report_book_duties.h).
std::vector<RecordedItem> caseItems(Database& db, Instant from, Instant to, const RecordingRules& rules);
// The records later corrected (markCorrected's list).
std::vector<Correction> recordCorrections(Database& db);

}  // namespace salon::storage
