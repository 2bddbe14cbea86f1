#pragma once
// Icons from Debian's Material Icons font (fonts-material-design-icons-iconfont),
// merged into the text font's atlas: only the few drawn here are rasterised, so
// the atlas grows by a few kilobytes. Without the font the words stand alone.
#include <imgui.h>

#include <string>

namespace salon::ui {

// The value is the icon's code point in the font's private use area.
enum class Icon : ImWchar {
  None = 0,
  Cut = 0xE14E,          // content_cut: hair
  Face = 0xE87C,         // face: face and skin care
  Spa = 0xEB4C,          // spa: body care
  Brush = 0xE3AE,        // brush: nails
  Basket = 0xE8CB,       // shopping_basket: products
  Redeem = 0xE8B1,       // redeem: packages
  Wallet = 0xE850,       // account_balance_wallet: stored value
  Cash = 0xEAF9,         // currency_yuan
  Card = 0xE870,         // credit_card
  QrCode = 0xEF6B,       // qr_code: WeChat Pay, Alipay
  Star = 0xE838,         // star: points
  Arrears = 0xE85D,      // assignment: on account (挂账)
  Lock = 0xE897,
  Back = 0xE5C4,
  Home = 0xE88A,
  Print = 0xE8AD,
  Check = 0xE86C,        // check_circle: paid, done
  Clock = 0xE8B5,        // schedule: waiting
  Warning = 0xE002,      // overdue
  Person = 0xE7FD,
  Search = 0xE8B6,
  Pets = 0xE91D,
  Event = 0xE878,        // appointments
  Chart = 0xE24B,        // reports
  Settings = 0xE8B8,
  Members = 0xE8F7,      // card_membership
  Inbox = 0xE14F,        // content_paste: approvals
  Cart = 0xE8CC,         // shopping_cart: checkout
  CheckIn = 0xE174,      // how_to_reg
  Cancelled = 0xE14C,    // clear
};

// The icon as UTF-8 ("" for None).
std::string iconText(Icon icon);
// The code points of every icon above, as ImGui glyph ranges (0-terminated).
const ImWchar* iconRanges();

// The icon for a service category ("hair", "ui.checkout.cat.hair") or a tender
// type ("cash", "stored_value"); None when there is no fitting one.
Icon categoryIcon(const std::string& category);
Icon tenderIcon(const std::string& type);

}  // namespace salon::ui
