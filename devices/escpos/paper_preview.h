#pragma once
// core's TicketPreview: the receipt encoded for a profile, then drawn by the
// virtual printer, so the screen shows exactly what the paper will.
#include "app/core/ticket_preview.h"
#include "devices/escpos/profile.h"

namespace salon::devices {

class PaperPreview : public TicketPreview {
 public:
  explicit PaperPreview(PrinterProfile profile) : profile_(std::move(profile)) {}
  TicketPicture receipt(const Receipt& receipt) override;

 private:
  PrinterProfile profile_;
};

}  // namespace salon::devices
