#include "app/core/scan.h"

namespace salon {
namespace {

bool allDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string trim(const std::string& s) {
  auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  auto b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

// A card number as other salon systems print them: VIP0042, A-77, 00123 (letters,
// digits, '-' or '_', at least one digit, 3 to 32 characters).
bool oldCardNumber(const std::string& s) {
  if (s.size() < 3 || s.size() > 32) return false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_')) return false;
  }
  return digit;
}

}  // namespace

std::string paymentWallet(const std::string& d) {
  if (!allDigits(d) || d.size() < 16) return "";
  int head = (d[0] - '0') * 10 + (d[1] - '0');
  if (d.size() == 18 && head >= 10 && head <= 15) return "wechat";
  if (d.size() >= 16 && d.size() <= 24 && head >= 25 && head <= 30) return "alipay";
  if (d.size() == 19 && head == 62) return "unionpay";
  return "";
}

ScanClass classifyScan(const std::string& payload) {
  ScanClass c;
  c.value = trim(payload);
  const std::string& v = c.value;
  if (v.rfind("SK1.", 0) == 0) {
    c.kind = ScanKind::MemberCard;
  } else if (!(c.wallet = paymentWallet(v)).empty()) {
    c.kind = ScanKind::PaymentCode;
  } else if (v.size() == 11 && v[0] == '1' && allDigits(v)) {
    c.kind = ScanKind::Phone;
  } else if (v.size() >= 2 && v[0] == 'M' && allDigits(v.substr(1))) {
    c.kind = ScanKind::CardNumber;
  } else if (allDigits(v) && v.size() >= 6 && v.size() <= 19) {
    c.kind = ScanKind::CardNumber;  // a magnetic or printed card number
  } else if (oldCardNumber(v)) {
    c.kind = ScanKind::CardNumber;  // a card brought across from the old system
  }
  return c;
}

const char* scanKindName(ScanKind k) {
  switch (k) {
    case ScanKind::MemberCard: return "member_card";
    case ScanKind::CardNumber: return "card_number";
    case ScanKind::Phone: return "phone";
    case ScanKind::PaymentCode: return "payment_code";
    case ScanKind::Unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace salon
