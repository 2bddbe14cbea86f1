#include "storage/customer_export.h"

#include "storage/customer_store.h"

namespace salon::storage {

std::int64_t forEachFile(Database& db, const std::function<void(const ExportedFile&)>& each) {
  return guarded([&] {
    SQLite::Database& s = db.sql();
    SQLite::Statement files(s, std::string("SELECT ") + kSummaryColumns +
                                   ", created_at, created_by, consent_status, consent_notice, consent_at, consent_staff,"
                                   " marketing_opt_in, phone_shared FROM customers ORDER BY id");
    // Fields come in primary-key order (customer_id, field): merged with the files.
    SQLite::Statement fields(s, "SELECT customer_id, field, state, value FROM customer_fields ORDER BY customer_id, field");
    bool moreFields = fields.executeStep();
    std::int64_t n = 0;
    while (files.executeStep()) {
      ExportedFile f;
      f.summary = readSummary(files);
      f.createdAt = files.getColumn(7).getInt64();
      f.createdBy = files.getColumn(8).getString();
      f.consent = {files.getColumn(9).getString(), files.getColumn(10).getString(), files.getColumn(11).getInt64(),
                   files.getColumn(12).getString(), files.getColumn(13).getInt() != 0};
      f.sharedPhone = files.getColumn(14).getInt() != 0;
      while (moreFields && fields.getColumn(0).getInt64() < f.summary.id) moreFields = fields.executeStep();
      while (moreFields && fields.getColumn(0).getInt64() == f.summary.id) {
        f.fields[fields.getColumn(1).getString()] = {fieldStateFromName(fields.getColumn(2).getString()),
                                                     fields.getColumn(3).getString()};
        moreFields = fields.executeStep();
      }
      each(f);
      ++n;
    }
    return n;
  });
}

}  // namespace salon::storage
