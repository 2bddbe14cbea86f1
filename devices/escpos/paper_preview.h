#pragma once
// core's Tickets: the receipt encoded for a printer's profile, and drawn by the
// virtual printer, so the screen shows exactly what the paper will.
#include "app/core/tickets.h"
#include "devices/escpos/profile.h"

namespace salon::devices {

class PaperPreview : public Tickets {
 public:
  // `profile`: the paper for a receipt with no printer given (the preview's).
  explicit PaperPreview(PrinterProfile profile) : profile_(std::move(profile)) {}
  std::string receiptBytes(const Receipt& receipt, const std::string& printer) override;
  TicketPicture picture(const std::string& bytes, const std::string& printer) override;
  // Both at once (tests, the golden tickets).
  TicketPicture receipt(const Receipt& receipt) { return picture(receiptBytes(receipt, ""), ""); }

 private:
  PrinterProfile profileFor(const std::string& printer) const;
  PrinterProfile profile_;
};

}  // namespace salon::devices
