#include "app/core/tickets.h"

#include "app/core/checkout_store.h"
#include "app/core/error.h"

namespace salon {

PrintJob receiptJob(const Receipt& receipt, std::string bytes, const std::string& printer) {
  PrintJob job;
  job.kind = "receipt";
  job.ref = receipt.saleId;
  job.title = "小票 " + receipt.saleNo;
  job.printer = printer;
  job.bytes = std::move(bytes);
  return job;
}

PrintJob receiptJobFor(CheckoutStore& store, Tickets& tickets, const std::string& saleId, const std::string& printer,
                       int reprint) {
  auto sale = store.sale(saleId);
  if (!sale) throw DomainError("sale_not_found", saleId);
  Receipt r = store.receiptOf(*sale);
  r.reprintCount = reprint > 0 ? reprint : store.receiptPrints(saleId);
  return receiptJob(r, tickets.receiptBytes(r, printer), printer);
}

}  // namespace salon
