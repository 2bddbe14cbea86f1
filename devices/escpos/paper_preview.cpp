#include "devices/escpos/paper_preview.h"

#include "devices/escpos/tickets.h"
#include "devices/escpos/virtual_printer.h"
#include "devices/transports/transport.h"

namespace salon::devices {

PrinterProfile PaperPreview::profileFor(const std::string& printer) const {
  return printer.empty() ? profile_ : profileOf(parsePrinterUri(printer));
}

std::string PaperPreview::receiptBytes(const Receipt& receipt, const std::string& printer) {
  return encodeReceipt(receipt, profileFor(printer));
}

TicketPicture PaperPreview::picture(const std::string& bytes, const std::string& printer) {
  PaperPicture pic = renderJob(bytes, profileFor(printer));
  TicketPicture out;
  out.width = pic.paper.width;
  out.height = pic.paper.height;
  out.gray.resize(pic.paper.dots.size());
  for (std::size_t i = 0; i < pic.paper.dots.size(); ++i) out.gray[i] = pic.paper.dots[i] ? 0 : 255;
  out.text = std::move(pic.text);
  return out;
}

}  // namespace salon::devices
