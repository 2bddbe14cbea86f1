#include "app/core/tender.h"

namespace salon {

namespace {
constexpr TenderType kAll[] = {TenderType::Cash,        TenderType::Card,    TenderType::Wechat,
                               TenderType::Alipay,      TenderType::StoredValue, TenderType::Package,
                               TenderType::Points,      TenderType::Arrears};
}

const char* tenderName(TenderType t) {
  switch (t) {
    case TenderType::Cash: return "cash";
    case TenderType::Card: return "card";
    case TenderType::Wechat: return "wechat";
    case TenderType::Alipay: return "alipay";
    case TenderType::StoredValue: return "stored_value";
    case TenderType::Package: return "package";
    case TenderType::Points: return "points";
    case TenderType::Arrears: return "arrears";
  }
  return "?";
}

bool looksLikePaymentCode(const std::string& t) {
  if (t.size() < 16 || t.size() > 24) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  int head = (t[0] - '0') * 10 + (t[1] - '0');
  bool wechat = t.size() == 18 && head >= 10 && head <= 15;
  bool alipay = head >= 25 && head <= 30;
  return wechat || alipay;
}

std::optional<TenderType> tenderFromName(const std::string& name) {
  for (TenderType t : kAll)
    if (name == tenderName(t)) return t;
  return std::nullopt;
}

}  // namespace salon
