#include "app/ui/icons.h"

#include <utility>

namespace salon::ui {
namespace {

constexpr Icon kAll[] = {Icon::Cut,    Icon::Face,  Icon::Spa,    Icon::Brush,    Icon::Basket,  Icon::Redeem, Icon::Wallet,
                         Icon::Cash,   Icon::Card,  Icon::QrCode, Icon::Star,     Icon::Arrears, Icon::Lock,   Icon::Back,
                         Icon::Home,   Icon::Print, Icon::Check,  Icon::Clock,    Icon::Warning, Icon::Person, Icon::Search,
                         Icon::Pets,   Icon::Event, Icon::Chart,  Icon::Settings, Icon::Members, Icon::Inbox,
                         Icon::Cart,   Icon::CheckIn, Icon::Cancelled};

// "ui.checkout.cat.hair" and "hair" name the same category.
std::string lastPart(const std::string& key) {
  auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

Icon lookup(const std::pair<const char*, Icon>* table, std::size_t n, const std::string& key) {
  const std::string k = lastPart(key);
  for (std::size_t i = 0; i < n; ++i)
    if (k == table[i].first) return table[i].second;
  return Icon::None;
}

}  // namespace

std::string iconText(Icon icon) {
  const auto c = static_cast<unsigned>(icon);
  if (c == 0) return {};
  // Every icon is in the Basic Multilingual Plane's private use area: three bytes.
  std::string s;
  s += static_cast<char>(0xE0 | (c >> 12));
  s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  s += static_cast<char>(0x80 | (c & 0x3F));
  return s;
}

const ImWchar* iconRanges() {
  static const auto ranges = [] {
    ImVector<ImWchar> r;
    for (Icon i : kAll) {
      r.push_back(static_cast<ImWchar>(i));
      r.push_back(static_cast<ImWchar>(i));
    }
    r.push_back(0);
    return r;
  }();
  return ranges.Data;
}

Icon categoryIcon(const std::string& category) {
  static constexpr std::pair<const char*, Icon> kTable[] = {
      {"hair", Icon::Cut},       {"face", Icon::Face},     {"body", Icon::Spa},
      {"nail", Icon::Brush},     {"product", Icon::Basket}, {"package", Icon::Redeem},
      {"stored_value", Icon::Wallet}, {"pet", Icon::Pets},  {"grooming", Icon::Pets}};
  return lookup(kTable, std::size(kTable), category);
}

Icon tenderIcon(const std::string& type) {
  static constexpr std::pair<const char*, Icon> kTable[] = {
      {"cash", Icon::Cash},     {"card", Icon::Card},   {"wechat", Icon::QrCode},  {"alipay", Icon::QrCode},
      {"points", Icon::Star},   {"stored_value", Icon::Wallet}, {"arrears", Icon::Arrears}, {"package", Icon::Redeem}};
  return lookup(kTable, std::size(kTable), type);
}

}  // namespace salon::ui
