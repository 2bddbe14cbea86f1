#pragma once
// The salon's two tickets, laid out from assets/layouts: the receipt and the
// member card. Labels come in the printer's language (zh-Hant on Big5 printers).
#include <string>

#include "app/core/member_card.h"
#include "app/core/receipt.h"
#include "devices/escpos/profile.h"

namespace salon::devices {

std::string encodeReceipt(const Receipt& receipt, const PrinterProfile& profile);
// Settings' test page: a sample receipt marked 测试 / TEST at the top and the
// bottom, so it is never taken for a real sale.
std::string encodeTestPage(const Receipt& sample, const PrinterProfile& profile);

struct CardTicket {
  CardHolder holder;
  std::string payload;              // the signed QR payload
  CardEvent event = CardEvent::Issue;
  bool maskName = false;            // 李美华 -> 李*华
  Instant printedAt = 0;
  StoreZone zone;
  std::string storeName;
};
std::string encodeMemberCard(const CardTicket& card, const PrinterProfile& profile);

// 李美华 -> 李*华, 王芳 -> 王*, Amy Chen -> A*******n
std::string maskName(const std::string& name);

}  // namespace salon::devices
