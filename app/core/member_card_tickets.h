#pragma once
// Port: the bytes the members and settings screens print, made for the paper
// of the printer a URI names (ESC/POS): a member card, and the settings screen's
// test page (a sample receipt). Also what a printer URI says, so the settings
// screen can check one before it is saved. Implemented by devices
// (devices/escpos/member_card_tickets.h); the composition root wires it.
#include <string>
#include <vector>

#include "app/core/member_card.h"
#include "app/core/receipt.h"

namespace salon {

struct MemberCardPrint {
  CardHolder holder;
  std::string payload;  // the signed QR payload
  CardEvent event = CardEvent::Issue;
  Instant printedAt = 0;
  StoreZone zone;
  std::string storeName;
};

// A printer as its URI names it: tcp://host:port?profile=58mm, file:/path, ...
struct PrinterAddress {
  std::string scheme;   // file, tcp, serial, cups
  std::string target;   // path, host, device or queue
  int port = 9100;
  std::string profile;  // "" = the default paper
};

class MemberCardTickets {
 public:
  virtual ~MemberCardTickets() = default;
  // DomainError printer_uri_invalid, printer_profile_unknown.
  virtual std::string memberCard(const MemberCardPrint& card, const std::string& printerUri) = 0;
  virtual std::string testPage(const Receipt& sample, const std::string& printerUri) = 0;
  // What a printer URI says. DomainError printer_uri_invalid.
  virtual PrinterAddress printer(const std::string& printerUri) = 0;
  // Refuses what could not be printed to (printer_uri_invalid, printer_profile_unknown).
  virtual void checkPrinter(const std::string& printerUri) = 0;
  // The paper profiles a printer may have, by name ("58mm", "80mm", ...).
  virtual std::vector<std::string> paperProfiles() = 0;
};

}  // namespace salon
