#include "devices/escpos/paper_preview.h"

#include "devices/escpos/tickets.h"
#include "devices/escpos/virtual_printer.h"

namespace salon::devices {

TicketPicture PaperPreview::receipt(const Receipt& receipt) {
  PaperPicture pic = renderJob(encodeReceipt(receipt, profile_), profile_);
  TicketPicture out;
  out.width = pic.paper.width;
  out.height = pic.paper.height;
  out.gray.resize(pic.paper.dots.size());
  for (std::size_t i = 0; i < pic.paper.dots.size(); ++i) out.gray[i] = pic.paper.dots[i] ? 0 : 255;
  out.text = std::move(pic.text);
  return out;
}

}  // namespace salon::devices
