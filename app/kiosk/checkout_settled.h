#pragma once
// The checkout's last stage: the settled sale, its receipt's picture (core's
// Tickets port, drawn on the devices lane) and printing through the shared
// spool. The receipt is read once from the settled sale and encoded once: the
// first print sends the very bytes the picture was drawn from.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/core/print_job.h"
#include "app/core/receipt.h"
#include "app/core/sale.h"
#include "app/core/tickets.h"
#include "app/kiosk/checkout_counter.h"
#include "app/ui/checkout/checkout_view.h"

namespace salon::kiosk {

// Turns a picture into a texture the screen can draw (reusing `reuse` when not 0).
using PictureUpload = std::function<std::uintptr_t(const TicketPicture&, std::uintptr_t reuse)>;

class CheckoutSettled {
 public:
  explicit CheckoutSettled(CheckoutCounter& c) : c_(c) {}

  void setTickets(Tickets* tickets, PictureUpload upload);
  // A new sale: nothing settled.
  void reset();
  // The sale was settled (or found already stored): the screen shows it.
  void finish(const Sale& sale);
  void show();
  void on(const ui::CheckoutPrint&);
  // The spool finished a job (on the main thread); only this sale's job counts.
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason);

 private:
  void makePicture();
  void pictureMade(const Receipt& receipt, std::string bytes, const std::string& printer, const TicketPicture& picture);
  void jobMade(const std::optional<PrintJob>& job, const std::string& error);

  CheckoutCounter& c_;
  std::optional<Sale> settled_;
  std::string saleNo_;
  std::string receiptText_;
  // The receipt and the bytes its picture was drawn from (for `bytesPrinter_`).
  std::optional<Receipt> receipt_;
  std::string bytes_, bytesPrinter_;
  std::string printJob_;
  Tickets* tickets_ = nullptr;
  PictureUpload upload_;
  std::uintptr_t texture_ = 0;
};

}  // namespace salon::kiosk
