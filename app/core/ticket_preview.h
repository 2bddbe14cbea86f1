#pragma once
// Port: a picture of a ticket as it will come out of the printer, for the
// receipt preview on screen. Implemented by devices (the virtual printer).
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/receipt.h"

namespace salon {

struct TicketPicture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> gray;  // row-major, 255 = paper, 0 = ink
  std::string text;                // what is printed, line by line
};

class TicketPreview {
 public:
  virtual ~TicketPreview() = default;
  virtual TicketPicture receipt(const Receipt& receipt) = 0;
};

}  // namespace salon
