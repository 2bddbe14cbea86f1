#pragma once
// Port: the salon's tickets as the printer makes them, implemented by devices
// (ESC/POS and the virtual printer). The checkout screen shows the receipt's
// picture and prints the same bytes; the CLI's `print receipt` makes the same
// job through receiptJobFor.
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/print_job.h"
#include "app/core/receipt.h"

namespace salon {

class CheckoutStore;

struct TicketPicture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> gray;  // row-major, 255 = paper, 0 = ink
  std::string text;                // what is printed, line by line
};

class Tickets {
 public:
  virtual ~Tickets() = default;
  // The receipt in the bytes of the printer at `printer` (a URI; "" = the
  // preview's paper). DomainError printer_uri_invalid.
  virtual std::string receiptBytes(const Receipt& receipt, const std::string& printer) = 0;
  // Those bytes as they come out on that printer's paper.
  virtual TicketPicture picture(const std::string& bytes, const std::string& printer) = 0;
};

// A stored sale's receipt as a print job: kind "receipt", ref the sale's id
// (how its reprints are counted), titled with the sale number.
PrintJob receiptJob(const Receipt& receipt, std::string bytes, const std::string& printer);

// The job `print receipt` and the checkout screen make for a stored sale:
// every print after the first says 重印 with its count (`reprint` > 0 forces
// the count). DomainError sale_not_found, printer_uri_invalid.
PrintJob receiptJobFor(CheckoutStore& store, Tickets& tickets, const std::string& saleId, const std::string& printer,
                       int reprint = 0);

}  // namespace salon
