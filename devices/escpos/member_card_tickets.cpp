#include "devices/escpos/member_card_tickets.h"

#include "devices/escpos/tickets.h"
#include "devices/transports/transport.h"

namespace salon::devices {

std::string EscposMemberCardTickets::memberCard(const MemberCardPrint& card, const std::string& printerUri) {
  CardTicket t;
  t.holder = card.holder;
  t.payload = card.payload;
  t.event = card.event;
  t.printedAt = card.printedAt;
  t.zone = card.zone;
  t.storeName = card.storeName;
  return encodeMemberCard(t, profileOf(parsePrinterUri(printerUri)));
}

std::string EscposMemberCardTickets::testPage(const Receipt& sample, const std::string& printerUri) {
  return encodeTestPage(sample, profileOf(parsePrinterUri(printerUri)));
}

PrinterAddress EscposMemberCardTickets::printer(const std::string& printerUri) {
  PrinterUri u = parsePrinterUri(printerUri);
  return {u.scheme, u.target, u.port, u.profile};
}

void EscposMemberCardTickets::checkPrinter(const std::string& printerUri) { profileOf(parsePrinterUri(printerUri)); }

std::vector<std::string> EscposMemberCardTickets::paperProfiles() {
  std::vector<std::string> out;
  for (const PrinterProfile& p : allProfiles()) out.push_back(p.name);
  return out;
}

}  // namespace salon::devices
