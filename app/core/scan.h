#pragma once
// What a scanned or swiped code is: a member card QR, a card number, a phone
// number, or a customer's payment code (WeChat / Alipay / UnionPay 付款码),
// which belongs to the tender screen and is never used to look up a member.
#include <string>

namespace salon {

enum class ScanKind { MemberCard, CardNumber, Phone, PaymentCode, Unknown };

struct ScanClass {
  ScanKind kind = ScanKind::Unknown;
  std::string value;   // the payload, trimmed
  std::string wallet;  // "wechat", "alipay", "unionpay" for a payment code
};

// WeChat: 18 digits starting 10..15. Alipay: 16..24 digits starting 25..30.
// UnionPay: 19 digits starting 62. (The wallets' published rules.)
std::string paymentWallet(const std::string& digits);
ScanClass classifyScan(const std::string& payload);
const char* scanKindName(ScanKind k);

}  // namespace salon
