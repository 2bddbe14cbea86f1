#pragma once
// Moving in from another system, for the screen (Settings → 数据导入): the CSV
// files a manager may choose, the preview of importing one (control totals,
// members per tier, bad rows, unknown tiers and items) and the import itself —
// the same checks, limits and single transaction as the CLI's commands. Slow on
// large files: the kiosk runs these on a background lane and shows `progress`.
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/customer_import.h"
#include "app/core/staff.h"

namespace salon {

enum class ImportKind { Members, Packages, Appointments };

struct ImportPreview {
  ImportKind kind = ImportKind::Members;
  std::string file;
  std::size_t rows = 0, good = 0, badRows = 0;
  std::vector<ImportProblem> bad;  // the first kMaxReportedProblems
  ImportTotals totals;             // members (and tiers), stored value, points, packages, arrears
  std::size_t appointments = 0;
  std::vector<std::string> unknownTiers, unknownItems;  // refused until created or mapped
  std::string earlierImport;  // not empty: this file was imported already (import_duplicate)
  // Nothing stops the import but bad rows (skipped only when asked).
  bool importable() const { return earlierImport.empty() && unknownTiers.empty() && unknownItems.empty() && good > 0; }
};

struct ImportOutcome {
  std::string importId;
  std::size_t imported = 0;
};

class MovingIn {
 public:
  virtual ~MovingIn() = default;
  // The *.csv files directly in these folders (missing folders are skipped), by path.
  virtual std::vector<std::string> importableFiles(const std::vector<std::string>& folders) = 0;
  // Reads and checks the whole file; writes nothing. DomainError as the CLI's
  // (permission_denied, import_too_large, encoding_unknown, import_column_missing...).
  virtual ImportPreview preview(const Staff& who, const Clock& clock, ImportKind kind, const std::string& path,
                                const ImportProgress& progress) = 0;
  // The import: all good rows or nothing, audited; `skipBad` imports despite bad
  // rows. New tiers are created (no discount, to set in Settings) when `createTiers`.
  virtual ImportOutcome run(const Staff& who, const Clock& clock, ImportKind kind, const std::string& path,
                            bool skipBad, bool createTiers, const ImportProgress& progress) = 0;
};

}  // namespace salon
