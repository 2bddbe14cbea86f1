#pragma once
// Core's MemberCardTickets in ESC/POS: member cards and the test page laid out
// by devices/escpos/tickets.h for the paper the printer URI names.
#include "app/core/member_card_tickets.h"

namespace salon::devices {

class EscposMemberCardTickets : public MemberCardTickets {
 public:
  std::string memberCard(const MemberCardPrint& card, const std::string& printerUri) override;
  std::string testPage(const Receipt& sample, const std::string& printerUri) override;
  PrinterAddress printer(const std::string& printerUri) override;
  void checkPrinter(const std::string& printerUri) override;
  std::vector<std::string> paperProfiles() override;
};

}  // namespace salon::devices
