#pragma once
// Customer files across the chain (issue 18, app/hq/PROTOCOL.md "Customer files across
// the chain"). Up: before each upload the sync round appends `customer.file` {"file_no",
// "keys", "sealed"} for every file changed since it last went up (chain_file_dirty,
// kept by triggers; chain_file_reports holds the digest sent), sealed under the chain's
// data key with blind keys of its phone, member number and file number
// (storage/chain_file_key.h). In: a file found through head office is kept here as it
// came (SqliteChainFileStore::bringIn); down: `customer.file` for a file this store
// holds updates it (applyChainFileChange). Either way its digest is noted, so a file
// that came from head office is not sent back.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "app/core/chain_lookup.h"
#include "app/core/clock.h"
#include "storage/database.h"

namespace salon::storage {

// The file's contents as they travel (JSON text, keys sorted): number, member number,
// name, phone, sharing, status, consent and every field given or declined.
std::string chainFileContent(SQLite::Database& db, std::int64_t customerId);

// Appends the files due (at most `limit` a call, the rest next round); returns how many
// went up. Without a chain key: nothing (the files wait for one).
int reportChainFiles(SQLite::Database& db, Instant now, int limit = 500);

// A `customer.file` from head office: updates the file of that number when this store
// holds it (DomainError chain_file_unreadable / bad_input for a body it cannot read).
void applyChainFileChange(SQLite::Database& db, const HeadOfficeChange& change, Instant now);

class SqliteChainFileStore : public ChainFileStore {
 public:
  explicit SqliteChainFileStore(Database& db) : db_(db) {}
  bool hasChainKey() override;
  std::optional<std::string> lookupKeyOf(const std::string& query) override;
  std::vector<std::string> bringIn(const std::vector<SealedChainFile>& files, AuditEntry audit) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
