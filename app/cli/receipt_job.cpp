#include "app/cli/receipt_job.h"

#include "app/core/error.h"
#include "devices/escpos/tickets.h"
#include "devices/transports/transport.h"
#include "storage/receipt_load.h"

namespace salon::cli {

PrintJob receiptJob(storage::Database& db, const std::string& saleId, const std::string& printer, int reprint) {
  auto uri = devices::parsePrinterUri(printer);
  auto stored = storage::loadReceipt(db.sql(), saleId);
  if (!stored) throw DomainError("sale_not_found", saleId);
  Receipt r = *stored;
  r.reprintCount = reprint > 0 ? reprint : storage::receiptPrints(db.sql(), r.saleNo);
  PrintJob job;
  job.kind = "receipt";
  job.title = "小票 " + r.saleNo;
  job.printer = printer;
  job.bytes = devices::encodeReceipt(r, devices::profileOf(uri));
  return job;
}

}  // namespace salon::cli
