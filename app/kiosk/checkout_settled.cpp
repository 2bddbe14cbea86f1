#include "app/kiosk/checkout_settled.h"

#include <memory>

#include "app/core/back_entry.h"
#include "app/core/error.h"
#include "app/core/sale_receipt.h"

namespace salon::kiosk {
namespace {

const char* const kPrinterSetting = "printer.receipt";  // the receipt printer's URI

}  // namespace

void CheckoutSettled::setTickets(Tickets* tickets, PictureUpload upload) {
  tickets_ = tickets;
  upload_ = std::move(upload);
}

void CheckoutSettled::reset() {
  settled_.reset();
  saleNo_.clear();
  receiptText_.clear();
  receipt_.reset();
  bytes_.clear();
  bytesPrinter_.clear();
  printJob_.clear();
}

void CheckoutSettled::show() {
  ui::CheckoutView& v = c_.view();
  v.saleNo = saleNo_;
  v.receiptText = receiptText_;
  v.receiptTexture = texture_ && settled_ && !receiptText_.empty() ? texture_ : 0;
  if (settled_) v.settledTotal = formatAmount(settled_->totals.total);
  // A back-entry says when the service was finished (its receipt prints that time).
  v.settledAt.clear();
  v.settledLate = false;
  if (settled_ && settled_->completedAt < settled_->recordedAt) {
    v.settledAt = clockTime(settled_->completedAt, c_.setup->zone);
    v.settledLate = recordedLate(settled_->completedAt, settled_->recordedAt);
  }
}

void CheckoutSettled::finish(const Sale& sale) {
  settled_ = sale;
  ui::CheckoutView& v = c_.view();
  v.stage = ui::CheckoutStage::Settled;
  v.change = sale.change.fen ? formatAmount(sale.change) : "";
  saleNo_ = saleNumber(c_.store().setting("store.code").value_or("S01"), sale.businessDay, sale.id);
  // The balances after the sale.
  if (c_.customer) c_.account = c_.store().account(c_.customer, c_.setup->policy, c_.k().clock.now());
  c_.hint("ui.checkout.settled");
  makePicture();
}

// The receipt as the printer will print it, from the sale already read: its
// names are read, its bytes encoded and drawn by the virtual printer on the
// devices lane; the picture becomes a texture back on the main thread.
void CheckoutSettled::makePicture() {
  const int attempt = ++c_.attempt;
  struct Result {
    std::optional<Receipt> receipt;
    std::string bytes, printer;
    TicketPicture picture;
  };
  auto result = std::make_shared<Result>();
  Tickets* tickets = tickets_;
  c_.k().tasks->run(
      Lane::Devices, "receipt picture",
      [result, sale = *settled_, tickets](Backroom& b) {
        try {
          result->receipt = b.checkout().receiptOf(sale);
          if (!tickets) return;
          result->printer = b.checkout().setting(kPrinterSetting).value_or("");
          try {
            result->bytes = tickets->receiptBytes(*result->receipt, result->printer);
          } catch (const DomainError&) {  // a printer URI it cannot use: the preview's paper
            result->printer.clear();
            result->bytes = tickets->receiptBytes(*result->receipt, "");
          }
          result->picture = tickets->picture(result->bytes, result->printer);
        } catch (const std::exception&) {
          result->receipt.reset();
        }
      },
      [this, result, attempt] {
        if (attempt != c_.attempt || !result->receipt) return;
        pictureMade(*result->receipt, std::move(result->bytes), result->printer, result->picture);
      });
}

void CheckoutSettled::pictureMade(const Receipt& receipt, std::string bytes, const std::string& printer,
                                  const TicketPicture& picture) {
  receipt_ = receipt;
  bytes_ = std::move(bytes);
  bytesPrinter_ = printer;
  saleNo_ = receipt.saleNo;
  receiptText_ = picture.text.empty() ? saleNo_ : picture.text;
  if (upload_ && picture.width > 0) {
    texture_ = upload_(picture, texture_);
    c_.view().receiptWidth = picture.width;
    c_.view().receiptHeight = picture.height;
  }
  show();
}

// The first print sends the bytes the picture was drawn from; a reprint
// (counted from the sale's receipt jobs) is encoded again with 重印 and its count.
void CheckoutSettled::on(const ui::CheckoutPrint&) {
  ui::CheckoutView& v = c_.view();
  if (!c_.at(ui::CheckoutStage::Settled) || !settled_ || v.printing) return;
  std::string printer = c_.store().setting(kPrinterSetting).value_or("");
  if (printer.empty() || !c_.k().spool || !tickets_) {
    c_.hint("ui.checkout.no_printer");
    v.messageIsError = true;
    return;
  }
  v.printing = true;
  const int attempt = c_.attempt;
  struct Result {
    std::optional<PrintJob> job;
    std::string error;
  };
  auto result = std::make_shared<Result>();
  std::string first = bytesPrinter_ == printer ? bytes_ : "";
  c_.k().tasks->run(
      Lane::Devices, "receipt print job",
      [result, id = settled_->id, receipt = receipt_, first, printer, tickets = tickets_](Backroom& b) {
        try {
          int prints = b.checkout().receiptPrints(id);
          if (!receipt) result->job = receiptJobFor(b.checkout(), *tickets, id, printer);
          else if (prints == 0 && !first.empty()) result->job = receiptJob(*receipt, first, printer);
          else {
            Receipt r = *receipt;
            r.reprintCount = prints;
            result->job = receiptJob(r, tickets->receiptBytes(r, printer), printer);
          }
        } catch (const DomainError& e) {
          result->error = e.code();
        } catch (const std::exception&) {
          result->error = "db_error";
        }
      },
      [this, result, attempt] {
        if (attempt == c_.attempt) jobMade(result->job, result->error);
      });
}

void CheckoutSettled::jobMade(const std::optional<PrintJob>& job, const std::string& error) {
  ui::CheckoutView& v = c_.view();
  if (!job) {
    v.printing = false;
    return c_.refuse(error);
  }
  printJob_ = c_.k().spool->submit(*job);
  ++v.prints;
  c_.hint(v.prints > 1 ? "ui.checkout.reprinting" : "ui.checkout.printing");
}

void CheckoutSettled::printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) {
  if (jobId.empty() || jobId != printJob_) return;
  c_.view().printing = false;
  if (state == PrintJobState::Printed) return c_.hint("ui.checkout.printed");
  c_.refuse(reason.substr(0, reason.find(':')));
}

}  // namespace salon::kiosk
