#pragma once
// How a sale is paid: any split of cash, card, WeChat Pay, Alipay, stored value,
// treatment-package sessions, points and arrears (on account).
#include <optional>
#include <string>

#include "app/core/money.h"

namespace salon {

enum class TenderType { Cash, Card, Wechat, Alipay, StoredValue, Package, Points, Arrears };

const char* tenderName(TenderType t);
std::optional<TenderType> tenderFromName(const std::string& name);
// Money actually taken (cash, card, WeChat, Alipay): what earns points and 业绩.
inline bool isMoney(TenderType t) {
  return t == TenderType::Cash || t == TenderType::Card || t == TenderType::Wechat || t == TenderType::Alipay;
}
// Whether a sale holding a stored-value top-up may take this tender: a top-up is
// bought with money, never with stored value, points or arrears (topup_needs_money).
inline bool paysTopUp(TenderType t) {
  return t != TenderType::StoredValue && t != TenderType::Points && t != TenderType::Arrears;
}

// A WeChat Pay (18 digits, 10–15…) or Alipay (16–24 digits, 25–30…) payment
// code: scanned at the tender screen it pays; it is never a member lookup.
bool looksLikePaymentCode(const std::string& text);

// What the cashier entered.
struct TenderRequest {
  TenderType type = TenderType::Cash;
  Money amount;                  // for package: optional (the covered line's value)
  std::optional<Money> handed;   // cash: what the customer handed over
  std::string ref;               // card slip / WeChat / Alipay reference; package id
};

// What was stored for it.
struct SaleTender {
  TenderType type = TenderType::Cash;
  Money amount;        // applied to the sale (negative in a reversal)
  Money handed;        // cash handed over (0 otherwise)
  std::string ref;
  Money principal;     // stored value: the principal part of amount
  Money bonus;         // stored value: the bonus part
  std::int64_t points = 0;  // points tender: points redeemed (negative: restored)
  std::string packageId;    // package tender
  int sessions = 0;         // package tender: sessions used (negative: restored)
  int lineNo = 0;           // package tender: the line it covers
  int reversesTender = 0;   // in a reversal: the original's tender (1-based)
};

}  // namespace salon
