#include "app/ui/checkout/checkout_screen.h"

#include "app/ui/checkout/checkout_parts.h"
#include "app/ui/figures_line.h"
#include "app/ui/money_keypad.h"
#include "app/ui/palette.h"

#include <algorithm>
#include <sstream>

namespace salon::ui {
using namespace checkout_parts;

Intents CheckoutScreen::draw(UiContext& ui, const CheckoutView& v) {
  Intents out;
  const float width = ImGui::GetContentRegionAvail().x;
  if (v.stage == CheckoutStage::Settled) {
    settled(ui, v, out);
    return out;
  }
  if (!v.dayOpen && v.stage == CheckoutStage::Cart && v.entry != CheckoutEntry::OpeningFloat) {
    const float w = labelWidth(ui, ui.t("ui.checkout.open_day"), 160 * ui.metrics.scale);
    if (touchButton(ui, "checkout.open_day", ui.t("ui.checkout.open_day"), ImVec2(w, ui.metrics.touch), Tone::Primary))
      intent(out, CheckoutOpenDay{});
    ImGui::SameLine(0, ui.metrics.gap);
    alertText(ui, ui.t("ui.checkout.day_not_open"));
  }
  customerBar(ui, v, width, out);
  if (v.stage == CheckoutStage::Tender) {
    tender(ui, v, out);
  } else {
    // The cart runs the whole height (more lines in view); back and the
    // message sit under the catalog, the message wrapped to that column.
    const Metrics& m = ui.metrics;
    const float full = ImGui::GetContentRegionAvail().y;
    const float height = full - m.touch - m.gap * 2;
    const float left = width * 0.52f;
    const float x0 = ImGui::GetCursorPosX();
    ImGui::BeginGroup();
    if (v.entry == CheckoutEntry::None) catalog(ui, v, ImVec2(left, height), out);
    else if (v.entry == CheckoutEntry::BackEntry) backEntryEditor(ui, v, ImVec2(left, height), out);
    else entryPad(ui, v, ImVec2(left, height), out);
    if (touchButton(ui, "checkout.back", ui.t("ui.nav.back"), ImVec2(160 * m.scale, m.touch)))
      add(out, Navigate{Screen::Home});
    if (!v.lines.empty()) {
      ImGui::SameLine(0, m.gap);
      const float parkW = labelWidth(ui, ui.t("ui.checkout.park"), 120 * m.scale);
      if (touchButton(ui, "checkout.park", ui.t("ui.checkout.park"), ImVec2(parkW, m.touch))) intent(out, CheckoutPark{});
    }
    // 补录 is rare: a button down here; the cart keeps its height until a ticket is one.
    if (!v.backEntry.active && v.entry != CheckoutEntry::BackEntry) {
      ImGui::SameLine(0, m.gap);
      const float w = labelWidth(ui, ui.t("ui.checkout.back_entry.open"), 120 * m.scale) + m.textSize;
      if (touchButton(ui, "checkout.back_entry.open", ui.t("ui.checkout.back_entry.open"), ImVec2(w, m.touch),
                      Tone::Plain, Icon::Clock))
        intent(out, CheckoutOpenBackEntry{});
    }
    if (!v.message.empty() && v.entry != CheckoutEntry::BackEntry) {  // 补录 says it in its editor
      ImGui::SameLine(0, m.gap * 2);
      ImGui::PushTextWrapPos(x0 + left);
      v.messageIsError ? alertText(ui, v.message) : text(ui, v.message);
      ImGui::PopTextWrapPos();
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, m.gap);
    cart(ui, v, ImVec2(width - left - m.gap, full), out);
  }
  if (v.approval.open) wedge_.clear();  // a manager's PIN typed on a keyboard is theirs, not a scan
  else fromKeyboard(out);
  return out;
}

namespace {

// Without a member's figures: tier, points, stored value and arrears beside the
// name, the packages under it (a customer without a member number).
void accountRow(UiContext& ui, const CheckoutCustomerBar& b) {
  const Metrics& m = ui.metrics;
  std::ostringstream s;
  if (!b.tier.empty()) s << b.tier << "   ";
  s << ui.t("ui.checkout.points") << " " << b.points << "   " << ui.t("ui.checkout.stored_value") << " "
    << yuan(b.storedValue);
  text(ui, s.str());
  if (b.hasArrears || b.suspended) {
    ImGui::SameLine(0, m.gap * 2);
    alertText(ui, ui.t("ui.checkout.arrears") + " " + yuan(b.arrears) +
                      (b.suspended ? " · " + ui.t("ui.checkout.suspended") : ""));
  }
  if (!b.packages.empty()) {
    std::string p = ui.t("ui.checkout.packages");
    for (const std::string& s2 : b.packages) p += "  " + s2;
    mutedText(ui, p);
  }
  if (!b.alert.empty() && b.alertAcknowledged) {
    ImGui::SameLine(0, m.gap * 2);
    alertText(ui, "⚠ " + b.alert);
  }
}

// A member's figures under the name: stored value, points, packages, arrears
// (and a suspension), the acknowledged health alert.
std::vector<FiguresPiece> barPieces(UiContext& ui, const CheckoutCustomerBar& b) {
  std::vector<FiguresPiece> pieces = figuresPieces(ui, b.figures);
  if (b.suspended) pieces.push_back({ui.t("ui.checkout.suspended"), true});
  if (!b.overdraw.empty()) pieces.push_back({ui.t("ui.checkout.overdraw") + " " + yuan(b.overdraw), true});
  if (!b.alert.empty() && b.alertAcknowledged) pieces.push_back({"⚠ " + b.alert, true});
  return pieces;
}

// The tier beside the name and, at the row's right end, whose figures they are.
void figuresRow(UiContext& ui, const CheckoutCustomerBar& b, const std::vector<FiguresPiece>& pieces, float inner) {
  const Metrics& m = ui.metrics;
  if (!b.tier.empty()) {
    ImGui::SameLine(0, m.gap * 2);
    text(ui, b.tier);
  }
  ImGui::SameLine(0, m.gap * 2);
  const float chipW = sourceChipWidth(ui, b.figures);
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetStyle().WindowPadding.x + inner - chipW) +
                       m.gap * 0.6f);
  sourceChip(ui, b.figures);
  drawFigures(ui, pieces, inner);
}

}  // namespace

// Name and tier; the member's figures (or the account's balances); the health
// alert to acknowledge.
void CheckoutScreen::customerBar(UiContext& ui, const CheckoutView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  const CheckoutCustomerBar& b = v.bar;
  bool alert = !b.alert.empty() && !b.alertAcknowledged;
  const float inner = width - ImGui::GetStyle().WindowPadding.x * 2;
  const bool figures = !b.name.empty() && b.figures.shown;
  const std::vector<FiguresPiece> pieces = figures ? barPieces(ui, b) : std::vector<FiguresPiece>{};
  const int lines = figures ? figuresLines(pieces, inner) : (b.packages.empty() ? 0 : 1);
  float h = m.touch + m.gap * 2 + lines * (m.textSize + m.gap) + (alert ? m.touch + m.gap : 0);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("checkout.bar", ImVec2(width, h), true, ImGuiWindowFlags_NoScrollbar);
  if (b.name.empty()) {
    bigText(ui, ui.t("ui.checkout.walk_in"));
    if (v.stage == CheckoutStage::Cart) {
      ImGui::SameLine(0, m.gap * 2);
      if (touchButton(ui, "checkout.find", ui.t("ui.checkout.find_member"), ImVec2(220 * m.scale, m.touch)))
        intent(out, CheckoutFindMember{});
      ImGui::SameLine(0, m.gap);
      mutedText(ui, ui.t("ui.checkout.scan_card_hint"));
    }
  } else {
    avatar(ui, b.name, b.fileNo, m.touch);
    ImGui::SameLine(0, m.gap);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (m.touch - m.bigSize) / 2);
    bigText(ui, b.name);
    if (figures) {
      figuresRow(ui, b, pieces, inner);
    } else {
      ImGui::SameLine(0, m.gap * 2);
      accountRow(ui, b);
    }
  }
  if (alert) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.90f, 0.86f, 1));
    ImGui::BeginChild("checkout.alert", ImVec2(0, m.touch + m.gap * 0.5f), false, ImGuiWindowFlags_NoScrollbar);
    const float ack = labelWidth(ui, ui.t("ui.checkout.acknowledge"), 200 * m.scale);
    ImGui::BeginChild("checkout.alert.text", ImVec2(ImGui::GetContentRegionAvail().x - ack - m.gap, m.touch), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    alertText(ui, ui.t("ui.checkout.health_alert") + b.alert);
    ImGui::EndChild();
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "checkout.alert.ack", ui.t("ui.checkout.acknowledge"), ImVec2(ack, m.touch), Tone::Danger))
      intent(out, CheckoutAcknowledgeAlert{});
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void CheckoutScreen::catalog(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginChild("checkout.catalog", size, false, ImGuiWindowFlags_NoBackground);
  Flow tabs(size.x, m.gap * 0.5f);
  for (std::size_t i = 0; i < v.categories.size(); ++i) {
    const std::string& label = ui.t(v.categories[i].key);
    float w = labelWidth(ui, label, 96 * m.scale);
    tabs.next(w);
    Tone tone = static_cast<int>(i) == v.category ? Tone::Primary : Tone::Plain;
    if (touchButton(ui, "checkout.cat." + std::to_string(i + 1), label, ImVec2(w, m.touch), tone))
      intent(out, CheckoutPickCategory{static_cast<int>(i)});
    // The category's colour under its name, as on its tiles.
    const ImVec2 a = ImGui::GetItemRectMin(), z = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + m.gap, z.y - 5 * m.scale), ImVec2(z.x - m.gap, z.y - 2 * m.scale),
                                              categorySwatch(v.categories[i].key).strong, 2 * m.scale);
  }
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  ImGui::BeginChild("checkout.tiles", ImVec2(size.x, 0), false, ImGuiWindowFlags_NoBackground);
  dragToScroll();
  if (v.category < static_cast<int>(v.categories.size())) {
    const CheckoutCategory& shown = v.categories[static_cast<std::size_t>(v.category)];
    const auto& tiles = shown.tiles;
    const ImU32 strip = categorySwatch(shown.key).strong;
    const float stripW = 8 * m.scale;
    const std::string glyph = ui.fonts.hasIcons() ? iconText(categoryIcon(shown.key)) : std::string();
    const float tileW = (size.x - m.gap * 2 - ImGui::GetStyle().ScrollbarSize) / 3;
    const float tileH = m.touch * 1.6f;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
      if (i % 3 != 0) ImGui::SameLine(0, m.gap);
      const CheckoutTile& t = tiles[i];
      ImVec2 at = ImGui::GetCursorScreenPos();
      if (touchButton(ui, "checkout.item." + t.code, "##" + t.code, ImVec2(tileW, tileH))) intent(out, CheckoutAddItem{t.code});
      // The category's colour down the left edge; the name and the price drawn
      // over the tile, each on its own line.
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(at, ImVec2(at.x + stripW, at.y + tileH), strip, ImGui::GetStyle().FrameRounding,
                        ImDrawFlags_RoundCornersLeft);
      const float textX = at.x + stripW + m.gap * 0.6f;
      ImVec4 clip(at.x, at.y, at.x + tileW - m.gap * 0.5f, at.y + tileH);
      ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
      dl->AddText(nullptr, 0, ImVec2(textX, at.y + m.gap * 0.5f), ink, t.name.c_str(), nullptr, 0, &clip);
      std::string price = yuan(t.price);
      dl->AddText(nullptr, 0, ImVec2(textX, at.y + tileH - m.textSize - m.gap * 0.5f),
                  ImGui::GetColorU32(ui.c().accent), price.c_str());
      if (!glyph.empty()) {  // the category's icon in its colour, bottom right
        const float gw = ImGui::CalcTextSize(glyph.c_str()).x;
        dl->AddText(ImVec2(at.x + tileW - gw - m.gap * 0.6f, at.y + tileH - m.textSize - m.gap * 0.5f), strip, glyph.c_str());
      }
      ui.record.text(t.name);
      ui.record.text(price);
    }
  }
  ImGui::EndChild();
  ImGui::EndChild();
}

// The keypad on the catalog's side: a member's phone, or the manager's discount.
void CheckoutScreen::entryPad(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginChild("checkout.entry", size, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
  const bool discount = v.entry == CheckoutEntry::Discount, opening = v.entry == CheckoutEntry::OpeningFloat;
  const bool money = discount || opening;
  text(ui, ui.t(opening ? "ui.checkout.float_prompt" : discount ? "ui.checkout.discount_prompt" : "ui.checkout.find_prompt"));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("checkout.entry.digits", ImVec2(size.x, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  bigText(ui, v.entryText.empty() ? " " : (money ? yuan(v.entryText) : v.entryText));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  const float padW = size.x;
  if (!v.found.empty()) {
    for (std::size_t i = 0; i < v.found.size(); ++i) {
      const CheckoutFoundCustomer& f = v.found[i];
      std::string label = f.name + "  " + f.maskedPhone;
      if (touchButton(ui, "checkout.found." + std::to_string(i + 1), label, ImVec2(size.x, m.touch), Tone::Primary))
        intent(out, CheckoutPickCustomer{f.id});
    }
  } else {
    static const char* const kDigits[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "="};
    const float padH = ImGui::GetContentRegionAvail().y - m.touch - m.gap * 2;
    std::string okLabel = ui.t(opening ? "ui.checkout.open_day" : discount ? "ui.checkout.apply" : "ui.checkout.find");
    std::string keys = money ? moneyKeypad(ui, "checkout.entry.key", padW, padH)
                             : pad(ui, "checkout.entry.key", kDigits, padW, padH, okLabel);
    const float half = (padW - m.gap) / 2;
    if (touchButton(ui, "checkout.entry.cancel", ui.t(money ? "ui.checkout.cancel" : "ui.checkout.stay_walk_in"),
                    ImVec2(money ? half : padW, m.touch)))
      intent(out, CheckoutStayWalkIn{});
    if (money) {
      ImGui::SameLine(0, m.gap);
      if (touchButton(ui, "checkout.entry.key.ok", okLabel, ImVec2(half, m.touch), Tone::Primary)) keys += '=';
    }
    if (!keys.empty()) intent(out, CheckoutEntryKeys{keys});
    ImGui::EndChild();
    return;
  }
  if (touchButton(ui, "checkout.entry.cancel", ui.t("ui.checkout.stay_walk_in"), ImVec2(padW, m.touch)))
    intent(out, CheckoutStayWalkIn{});
  ImGui::EndChild();
}

namespace {

// 服务完成 beside who served a service line, for those who may tap it; once
// tapped, the time it was done (shown to everyone).
void serviceDone(UiContext& ui, const CheckoutLine& l, const std::string& n, bool mayFinish, Intents& out) {
  const Metrics& m = ui.metrics;
  if (!l.service || l.staffName.empty() || (!mayFinish && l.finishedAt.empty())) return;
  ImGui::SameLine(0, m.gap);
  if (!l.finishedAt.empty()) return mutedText(ui, ui.t("ui.checkout.finished_at") + " " + l.finishedAt);
  const std::string done = ui.t("ui.checkout.finish_service");
  const float w = std::max(96 * m.scale, ImGui::CalcTextSize(done.c_str()).x + 2 * m.gap);
  if (touchButton(ui, "checkout.line." + n + ".finish", done, ImVec2(w, m.small)))
    intent(out, CheckoutFinishService{l.id});
}

// One line of the cart: name, its discount and amount; who serves it and
// 服务完成; remove.
void cartLine(UiContext& ui, const CheckoutLine& l, float inner, bool mayFinish, Intents& out) {
  const Metrics& m = ui.metrics;
  const float removeW = m.touch;
  const float staffW = inner * 0.34f;
  const std::string n = std::to_string(l.id);
  ImGui::PushID(l.id);
  ImGui::BeginGroup();
  std::string name = l.name + (l.qty > 1 ? " ×" + std::to_string(l.qty) : "");
  text(ui, name);
  if (!l.discount.empty()) {
    ImGui::SameLine(0, m.gap);
    mutedText(ui, (l.benefitKey.empty() ? "" : ui.t(l.benefitKey) + " ") + l.discount);
  }
  ImGui::SameLine();
  float netW = ImGui::CalcTextSize(l.net.c_str()).x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), inner - removeW - m.gap - netW));
  text(ui, l.net);
  std::string staff = l.staffName.empty() ? ui.t("ui.checkout.choose_staff") : l.staffName;
  if (touchButton(ui, "checkout.line." + n + ".staff", staff, ImVec2(staffW, m.small),
                  l.staffName.empty() ? Tone::Danger : Tone::Plain))
    intent(out, CheckoutAskStaff{l.id});
  serviceDone(ui, l, n, mayFinish, out);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::SetCursorPosX(inner - removeW + ImGui::GetStyle().WindowPadding.x);
  if (touchButton(ui, "checkout.line." + n + ".remove", "✕", ImVec2(removeW, m.small + m.textSize)))
    intent(out, CheckoutRemoveLine{l.id});
  ImGui::PopID();
}

}  // namespace

void CheckoutScreen::cart(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginChild("checkout.cart", size, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
  // The totals and 结账, and a ticket's 补录 row over them.
  const float totalsH = m.textSize * 2 + m.bigSize + m.touch + m.gap * 5 + (v.backEntry.active ? m.touch + m.gap : 0);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("checkout.lines", ImVec2(size.x, size.y - totalsH), true);
  dragToScroll();
  parkedChips(ui, v, size.x - m.gap * 2, out);
  if (v.askingStaffFor) staffChooser(ui, v, size.x - m.gap * 2, out);
  if (v.lines.empty() && !v.askingStaffFor) mutedText(ui, ui.t("ui.checkout.cart_empty"));
  const float inner = ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < v.lines.size(); ++i) {
    cartLine(ui, v.lines[i], inner, v.mayFinishServices, out);
    ImGui::Separator();
  }
  // A line just added is scrolled into view (once its staff member is chosen:
  // the chooser sits at the top of the list until then).
  const int newest = v.lines.empty() ? 0 : v.lines.back().id;
  if (newest != newestShown_ && !v.askingStaffFor) {
    if (newest > newestShown_) ImGui::SetScrollHereY(1.0f);
    newestShown_ = newest;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  backEntryBanner(ui, v, size.x, out);
  // Totals and what to do next.
  row(ui, ui.t("ui.checkout.gross"), yuan(v.gross), size.x);
  std::string off = "-" + yuan(v.benefits) + (v.orderDiscount.empty() ? "" : "  " + ui.t("ui.checkout.order_discount") + " " + v.orderDiscount);
  row(ui, ui.t("ui.checkout.benefits"), off, size.x);
  row(ui, ui.t("ui.checkout.total") + (v.hasRounding ? " (" + ui.t("ui.checkout.rounding") + " -" + v.rounding + ")" : ""),
      yuan(v.total), size.x, true);
  float third = (size.x - m.gap * 2) / 3;
  if (!v.undoName.empty()) {
    if (touchButton(ui, "checkout.undo", ui.t("ui.checkout.undo"), ImVec2(third, m.touch))) intent(out, CheckoutUndoRemove{});
  } else if (v.mayDiscount) {
    if (touchButton(ui, "checkout.discount", ui.t("ui.checkout.discount"), ImVec2(third, m.touch)))
      intent(out, CheckoutOpenDiscount{});
  } else {
    ImGui::Dummy(ImVec2(third, m.touch));
  }
  ImGui::SameLine(0, m.gap);
  ImGui::PushFont(ui.fonts.big());
  if (touchButton(ui, "checkout.pay", ui.t("ui.checkout.pay"), ImVec2(size.x - third - m.gap, m.touch), Tone::Primary))
    intent(out, CheckoutOpenTender{});
  ImGui::PopFont();
  ImGui::EndChild();
}

// Tickets put aside, each a chip that takes it back (the ticket on the counter is
// put aside in its place).
void CheckoutScreen::parkedChips(UiContext& ui, const CheckoutView& v, float width, Intents& out) {
  if (v.parked.empty()) return;
  const Metrics& m = ui.metrics;
  mutedText(ui, ui.t("ui.checkout.parked"));
  Flow flow(width, m.gap * 0.5f);
  for (std::size_t i = 0; i < v.parked.size(); ++i) {
    const CheckoutParkedRow& p = v.parked[i];
    const std::string label = (p.name.empty() ? ui.t("ui.checkout.walk_in") : p.name) + "  ¥" + p.total;
    const float w = labelWidth(ui, label, 140 * m.scale);
    flow.next(w);
    if (touchButton(ui, "checkout.parked." + std::to_string(i + 1), label, ImVec2(w, m.touch)))
      intent(out, CheckoutResume{static_cast<int>(i)});
  }
  ImGui::Separator();
}

void CheckoutScreen::staffChooser(UiContext& ui, const CheckoutView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  std::string name;
  for (const CheckoutLine& l : v.lines)
    if (l.id == v.askingStaffFor) name = l.name;
  text(ui, ui.t("ui.checkout.who_serves") + name);
  Flow flow(width, m.gap * 0.5f);
  for (const CheckoutStaffChoice& s : v.staffChoices) {
    float w = labelWidth(ui, s.name, 120 * m.scale);
    flow.next(w);
    if (touchButton(ui, "checkout.staff." + s.code, s.name, ImVec2(w, m.touch), Tone::Primary))
      intent(out, CheckoutChooseStaff{v.askingStaffFor, s.code});
  }
  ImGui::Separator();
}

void CheckoutScreen::fromKeyboard(Intents& out) {
  Typed typed = typedThisFrame();
  wedge_ += typed.chars;
  if (wedge_.size() > 64) wedge_.erase(0, wedge_.size() - 64);
  if (!typed.enter) return;
  std::string payload;
  payload.swap(wedge_);
  if (!payload.empty()) intent(out, CheckoutScanned{payload});
}

void addTexts(const CheckoutView& v, std::vector<std::string>& out) {
  const CheckoutCustomerBar& b = v.bar;
  for (const std::string* s : {&v.message, &b.name, &b.tier, &b.alert, &v.saleNo, &v.receiptText, &v.entryText})
    out.push_back(*s);
  for (const std::string& p : b.packages) out.push_back(p);
  for (const std::string& p : b.figures.packages) out.push_back(p);
  for (const CheckoutFoundCustomer& f : v.found) out.push_back(f.name + f.maskedPhone);
  for (const CheckoutCategory& c : v.categories)
    for (const CheckoutTile& t : c.tiles) out.push_back(t.name);
  for (const CheckoutLine& l : v.lines) out.push_back(l.name + l.staffName);
  for (const CheckoutStaffChoice& s : v.staffChoices) out.push_back(s.name);
  for (const CheckoutParkedRow& p : v.parked) out.push_back(p.name);
  for (const CheckoutTenderRow& t : v.tenders) out.push_back(t.ref);
  for (const CheckoutPackageOption& p : v.packageOptions) out.push_back(p.label);
  for (const CheckoutStaffChoice& s : v.approval.managers) out.push_back(s.name);
  out.push_back(v.backEntry.at + v.backEntry.draftAt + v.backEntry.typed + v.backEntry.earliest + v.settledAt);
  out.push_back(v.approval.message + v.approval.managerName);
}

}  // namespace salon::ui
