#pragma once
// Lookup across the chain (issue 18): when the counter's search finds nothing here
// and the store is enrolled, head office is asked for the file under a blind key (a
// keyed hash of the full phone, member number or file number that only the chain's
// stores can make), and the sealed file it answers is opened and brought into this
// store: one transaction with its audit entry, a view with its purpose and source hq.
// Head office records the view too (who, which store, why).
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/head_office.h"
#include "app/core/staff.h"
#include "app/core/sync_store.h"

namespace salon {

// Port: implemented by storage (storage/chain_files.h).
class ChainFileStore {
 public:
  virtual ~ChainFileStore() = default;
  virtual bool hasChainKey() = 0;
  // The blind key for what was typed or scanned: a full phone, a member number or a
  // file number; nullopt for anything else (a name, the last 4 digits) or when this
  // store holds no chain key.
  virtual std::optional<std::string> lookupKeyOf(const std::string& query) = 0;
  // Opens and keeps the files (a file already here is brought up to date), with
  // `audit` (its recordId filled with the file numbers), in one transaction; returns
  // the file numbers. DomainError chain_file_unreadable for a file sealed under another key.
  virtual std::vector<std::string> bringIn(const std::vector<SealedChainFile>& files, AuditEntry audit) = 0;
};

struct ChainLookupResult {
  std::vector<std::string> fileNos;  // brought in
  // "" when found; else why not: not_enrolled, no_chain_key, not_a_lookup_key (not a
  // whole phone, member or file number), hq_unreachable, hq_refused, hq_file_unknown
  std::string why;
};

class ChainLookup {
 public:
  ChainLookup(ChainFileStore& files, SyncStore& sync, HeadOfficeLines* lines, const Clock& clock)
      : files_(files), sync_(sync), lines_(lines), clock_(clock) {}
  // Asks head office; never throws for a line that fails (the answer says why).
  ChainLookupResult fallBack(const Staff& who, const std::string& query, const std::string& purpose);

 private:
  ChainFileStore& files_;
  SyncStore& sync_;
  HeadOfficeLines* lines_;
  const Clock& clock_;
};

}  // namespace salon
