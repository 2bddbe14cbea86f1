#include "app/ui/checkout/checkout_screen.h"

#include <algorithm>
#include <sstream>

namespace salon::ui {
namespace {

void intent(Intents& out, CheckoutIntent i) { out.push_back(std::move(i)); }

std::string yuan(const std::string& amount) { return "¥" + amount; }

// A label and a value on one row, the value right-aligned in `width`.
void row(UiContext& ui, const std::string& label, const std::string& value, float width, bool big = false) {
  float x = ImGui::GetCursorPosX();
  text(ui, label);
  ImGui::SameLine();
  if (big) ImGui::PushFont(ui.fonts.big());
  float w = ImGui::CalcTextSize(value.c_str()).x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), x + width - w));
  ImGui::TextUnformatted(value.c_str());
  ui.record.text(value);
  if (big) ImGui::PopFont();
}

// Buttons flowing left to right, wrapping at `width`.
class Flow {
 public:
  Flow(float width, float gap) : width_(width), gap_(gap) {}
  void next(float w) {
    if (used_ > 0 && used_ + gap_ + w <= width_) {
      ImGui::SameLine(0, gap_);
      used_ += gap_ + w;
    } else {
      used_ = w;
    }
  }

 private:
  float width_, gap_, used_ = 0;
};

float labelWidth(UiContext& ui, const std::string& s, float min) {
  return std::max(min, ImGui::CalcTextSize(s.c_str()).x + ui.metrics.gap * 3);
}

}  // namespace

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
    const Metrics& m = ui.metrics;
    const float height = ImGui::GetContentRegionAvail().y - m.touch - m.gap * 2;
    const float left = width * 0.52f;
    if (v.entry == CheckoutEntry::None) catalog(ui, v, ImVec2(left, height), out);
    else entryPad(ui, v, ImVec2(left, height), out);
    ImGui::SameLine(0, m.gap);
    cart(ui, v, ImVec2(width - left - m.gap, height), out);
    if (touchButton(ui, "checkout.back", ui.t("ui.nav.back"), ImVec2(160 * m.scale, m.touch)))
      add(out, Navigate{Screen::Home});
    if (!v.message.empty()) {
      ImGui::SameLine(0, m.gap * 2);
      v.messageIsError ? alertText(ui, v.message) : text(ui, v.message);
    }
  }
  fromKeyboard(out);
  return out;
}

// Name, tier, points, stored value, packages, arrears; the health alert to acknowledge.
void CheckoutScreen::customerBar(UiContext& ui, const CheckoutView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  const CheckoutCustomerBar& b = v.bar;
  bool alert = !b.alert.empty() && !b.alertAcknowledged;
  float h = m.touch + m.gap * 2 + (b.packages.empty() ? 0 : m.textSize + m.gap) + (alert ? m.touch + m.gap : 0);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
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
    bigText(ui, b.name);
    ImGui::SameLine(0, m.gap * 2);
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
  }
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  ImGui::BeginChild("checkout.tiles", ImVec2(size.x, 0), false, ImGuiWindowFlags_NoBackground);
  dragToScroll();
  if (v.category < static_cast<int>(v.categories.size())) {
    const auto& tiles = v.categories[static_cast<std::size_t>(v.category)].tiles;
    const float tileW = (size.x - m.gap * 2 - ImGui::GetStyle().ScrollbarSize) / 3;
    const float tileH = m.touch * 1.6f;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
      if (i % 3 != 0) ImGui::SameLine(0, m.gap);
      const CheckoutTile& t = tiles[i];
      ImVec2 at = ImGui::GetCursorScreenPos();
      if (touchButton(ui, "checkout.item." + t.code, "##" + t.code, ImVec2(tileW, tileH))) intent(out, CheckoutAddItem{t.code});
      // The name and the price drawn over the tile, each on its own line.
      ImDrawList* dl = ImGui::GetWindowDrawList();
      ImVec4 clip(at.x, at.y, at.x + tileW - m.gap * 0.5f, at.y + tileH);
      ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
      dl->AddText(nullptr, 0, ImVec2(at.x + m.gap * 0.6f, at.y + m.gap * 0.5f), ink, t.name.c_str(), nullptr, 0, &clip);
      std::string price = yuan(t.price);
      dl->AddText(nullptr, 0, ImVec2(at.x + m.gap * 0.6f, at.y + tileH - m.textSize - m.gap * 0.5f),
                  ImGui::GetColorU32(ImVec4(0.55f, 0.30f, 0.25f, 1)), price.c_str());
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
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
  ImGui::BeginChild("checkout.entry.digits", ImVec2(size.x, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  bigText(ui, v.entryText.empty() ? " " : (money ? yuan(v.entryText) : v.entryText));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  const float padW = std::min(size.x, 380 * m.scale);
  if (!v.found.empty()) {
    for (std::size_t i = 0; i < v.found.size(); ++i) {
      const CheckoutFoundCustomer& f = v.found[i];
      std::string label = f.name + "  " + f.maskedPhone;
      if (touchButton(ui, "checkout.found." + std::to_string(i + 1), label, ImVec2(size.x, m.touch), Tone::Primary))
        intent(out, CheckoutPickCustomer{f.id});
    }
  } else {
    std::string keys = keypad(ui, "checkout.entry.key", padW,
                              ui.t(opening ? "ui.checkout.open_day" : discount ? "ui.checkout.apply" : "ui.checkout.find"));
    if (!keys.empty()) intent(out, CheckoutEntryKeys{keys});
    if (money) {
      ImGui::SameLine(0, m.gap);
      if (touchButton(ui, "checkout.entry.dot", ".", ImVec2(m.keypadKey, m.keypadKey))) intent(out, CheckoutEntryKeys{"."});
    }
  }
  if (touchButton(ui, "checkout.entry.cancel", ui.t(money ? "ui.checkout.cancel" : "ui.checkout.stay_walk_in"),
                  ImVec2(padW, m.touch)))
    intent(out, CheckoutStayWalkIn{});
  ImGui::EndChild();
}

void CheckoutScreen::cart(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginChild("checkout.cart", size, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
  const float totalsH = m.textSize * 2 + m.bigSize + m.touch + m.gap * 5;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
  ImGui::BeginChild("checkout.lines", ImVec2(size.x, size.y - totalsH), true);
  dragToScroll();
  if (v.askingStaffFor) staffChooser(ui, v, size.x - m.gap * 2, out);
  if (v.lines.empty() && !v.askingStaffFor) mutedText(ui, ui.t("ui.checkout.cart_empty"));
  const float inner = ImGui::GetContentRegionAvail().x;
  const float removeW = m.touch;
  const float staffW = inner * 0.34f;
  for (std::size_t i = 0; i < v.lines.size(); ++i) {
    const CheckoutLine& l = v.lines[i];
    const std::string n = std::to_string(l.id);
    ImGui::PushID(l.id);
    ImGui::BeginGroup();
    std::string name = l.name + (l.qty > 1 ? " ×" + std::to_string(l.qty) : "");
    text(ui, name);
    ImGui::SameLine();
    float netW = ImGui::CalcTextSize(l.net.c_str()).x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), inner - removeW - m.gap - netW));
    text(ui, l.net);
    std::string staff = l.staffName.empty() ? ui.t("ui.checkout.choose_staff") : l.staffName;
    if (touchButton(ui, "checkout.line." + n + ".staff", staff, ImVec2(staffW, m.touch * 0.8f),
                    l.staffName.empty() ? Tone::Danger : Tone::Plain))
      intent(out, CheckoutAskStaff{l.id});
    if (!l.discount.empty()) {
      ImGui::SameLine(0, m.gap);
      mutedText(ui, (l.benefitKey.empty() ? "" : ui.t(l.benefitKey) + " ") + l.discount);
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::SetCursorPosX(inner - removeW + ImGui::GetStyle().WindowPadding.x);
    if (touchButton(ui, "checkout.line." + n + ".remove", "✕", ImVec2(removeW, m.touch * 0.8f + m.textSize)))
      intent(out, CheckoutRemoveLine{l.id});
    ImGui::PopID();
    ImGui::Separator();
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
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

// Totals, what was paid and how, the ways to pay; the amount keypad on the right.
void CheckoutScreen::tender(UiContext& ui, const CheckoutView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float width = ImGui::GetContentRegionAvail().x;
  const float padW = 330 * m.scale;
  const float left = width - padW - m.gap * 2;
  const float height = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("checkout.tender", ImVec2(left, height), false, ImGuiWindowFlags_NoBackground);
  const float half = (left - m.gap) / 2;
  ImGui::BeginGroup();
  row(ui, ui.t("ui.checkout.due"), yuan(v.total), half, true);
  row(ui, ui.t("ui.checkout.remaining"), yuan(v.remaining), half, true);
  ImGui::EndGroup();
  ImGui::SameLine(0, m.gap);
  ImGui::BeginGroup();
  row(ui, ui.t("ui.checkout.paid"), yuan(v.paid), half, true);
  if (!v.change.empty()) row(ui, ui.t("ui.checkout.change"), yuan(v.change), half, true);
  ImGui::EndGroup();
  // What was entered so far.
  for (std::size_t i = 0; i < v.tenders.size(); ++i) {
    const CheckoutTenderRow& t = v.tenders[i];
    std::string label = ui.t(t.typeKey) + "  " + yuan(t.amount) + (t.ref.empty() ? "" : "  " + t.ref);
    if (touchButton(ui, "checkout.tender.row." + std::to_string(i + 1), label + "   ✕", ImVec2(left, m.touch * 0.8f)))
      intent(out, CheckoutRemoveTender{static_cast<int>(i)});
  }
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  // Ways to pay: the amount typed, or what is left.
  const float payW = (left - m.gap * 3) / 4;
  for (std::size_t i = 0; i < v.tenderOptions.size(); ++i) {
    const CheckoutTenderOption& o = v.tenderOptions[i];
    if (i % 4 != 0) ImGui::SameLine(0, m.gap);
    std::string label = ui.t("ui.checkout.tender." + o.type);
    if (!o.note.empty()) label += "\n" + o.note;
    float h = o.note.empty() && v.tenderOptions.size() <= 4 ? m.touch : m.touch * 1.3f;
    if (touchButton(ui, "checkout.tender." + o.type, label, ImVec2(payW, h), Tone::Primary))
      intent(out, CheckoutAddTender{o.type});
  }
  for (std::size_t i = 0; i < v.packageOptions.size(); ++i) {
    const CheckoutPackageOption& p = v.packageOptions[i];
    if (touchButton(ui, "checkout.package." + std::to_string(i + 1), ui.t("ui.checkout.tender.package") + "  " + p.label,
                    ImVec2(left, m.touch)))
      intent(out, CheckoutUsePackage{p.id});
  }
  if (!v.quickCash.empty()) {
    text(ui, ui.t("ui.checkout.quick_cash"));
    for (std::size_t i = 0; i < v.quickCash.size(); ++i) {
      if (i > 0) ImGui::SameLine(0, m.gap);
      if (touchButton(ui, "checkout.cash." + std::to_string(i + 1), yuan(v.quickCash[i]),
                      ImVec2((left - m.gap * 3) / 4, m.touch)))
        intent(out, CheckoutQuickCash{v.quickCash[i]});
    }
  }
  mutedText(ui, ui.t("ui.checkout.scan_payment_hint"));
  if (!v.message.empty()) v.messageIsError ? alertText(ui, v.message) : text(ui, v.message);
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), height - m.touch * 1.3f));
  if (touchButton(ui, "checkout.tender.back", ui.t("ui.checkout.back_to_cart"), ImVec2(half, m.touch * 1.3f)))
    intent(out, CheckoutBackToCart{});
  ImGui::SameLine(0, m.gap);
  ImGui::PushFont(ui.fonts.big());
  if (touchButton(ui, "checkout.settle", ui.t("ui.checkout.settle"), ImVec2(half, m.touch * 1.3f), Tone::Primary))
    intent(out, CheckoutSettle{});
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::SameLine(0, m.gap * 2);
  // The amount keypad.
  ImGui::BeginGroup();
  text(ui, ui.t("ui.checkout.amount"));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
  ImGui::BeginChild("checkout.amount", ImVec2(padW, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  bigText(ui, v.amountEntry.empty() ? yuan(v.remaining) : yuan(v.amountEntry));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  static const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "0", "<"};
  const float keyW = (padW - m.gap * 2) / 3;
  std::string keys;
  ImGui::PushFont(ui.fonts.big());
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) ImGui::SameLine(0, m.gap);
    std::string k = kKeys[i];
    std::string id = "checkout.amount." + std::string(k == "." ? "dot" : k == "<" ? "back" : k);
    if (touchButton(ui, id, k == "<" ? "←" : k, ImVec2(keyW, m.keypadKey))) keys += k;
  }
  ImGui::PopFont();
  if (touchButton(ui, "checkout.amount.clear", ui.t("ui.checkout.clear"), ImVec2(padW, m.touch))) keys += 'C';
  ImGui::EndGroup();
  if (!keys.empty()) intent(out, CheckoutAmountKeys{keys});
}

// The stored sale: the receipt as it will print, print / reprint, next customer.
void CheckoutScreen::settled(UiContext& ui, const CheckoutView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::GetContentRegionAvail().y;
  const float paperW = std::min(width * 0.5f, 420 * m.scale);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.85f, 0.83f, 0.80f, 1));
  ImGui::BeginChild("checkout.receipt", ImVec2(paperW, height), true);
  dragToScroll();
  if (v.receiptTexture && v.receiptWidth > 0) {
    float w = ImGui::GetContentRegionAvail().x;
    float h = w * static_cast<float>(v.receiptHeight) / static_cast<float>(v.receiptWidth);
    ImGui::Image(reinterpret_cast<ImTextureID>(v.receiptTexture), ImVec2(w, h));
    ui.record.text("[receipt picture]");
  } else if (!v.receiptText.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.1f, 0.1f, 0.1f, 1));
    std::istringstream lines(v.receiptText);
    for (std::string line; std::getline(lines, line);) text(ui, line.empty() ? " " : line);
    ImGui::PopStyleColor();
  } else {
    mutedText(ui, ui.t("ui.checkout.preparing_receipt"));
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::SameLine(0, m.gap * 2);
  const float right = width - paperW - m.gap * 2;
  ImGui::BeginGroup();
  bigText(ui, ui.t("ui.checkout.settled_title"));
  text(ui, v.saleNo);
  if (!v.bar.name.empty()) text(ui, v.bar.name);
  ImGui::Dummy(ImVec2(0, m.gap));
  row(ui, ui.t("ui.checkout.total"), yuan(v.settledTotal), right, true);
  for (const CheckoutTenderRow& t : v.tenders) row(ui, ui.t(t.typeKey), yuan(t.amount), right);
  if (!v.change.empty()) row(ui, ui.t("ui.checkout.change"), yuan(v.change), right, true);
  if (!v.bar.name.empty()) {
    row(ui, ui.t("ui.checkout.stored_value"), yuan(v.bar.storedValue), right);
    row(ui, ui.t("ui.checkout.points"), v.bar.points, right);
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  std::string printLabel = ui.t(v.prints > 0 ? "ui.checkout.reprint" : "ui.checkout.print");
  if (touchButton(ui, "checkout.print", v.printing ? ui.t("ui.checkout.printing") : printLabel, ImVec2(right, m.touch * 1.2f)))
    intent(out, CheckoutPrint{});
  if (!v.message.empty()) v.messageIsError ? alertText(ui, v.message) : text(ui, v.message);
  ImGui::Dummy(ImVec2(0, m.gap));
  ImGui::PushFont(ui.fonts.big());
  if (touchButton(ui, "checkout.next", ui.t("ui.checkout.next_sale"), ImVec2(right, m.touch * 1.3f), Tone::Primary))
    intent(out, CheckoutNewSale{});
  ImGui::PopFont();
  if (touchButton(ui, "checkout.home", ui.t("ui.checkout.home"), ImVec2(right, m.touch))) add(out, Navigate{Screen::Home});
  ImGui::EndGroup();
}

// A wedge reader types fast and ends with Enter: a member card on the cart side,
// a WeChat / Alipay payment code on the tender side.
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
  for (const CheckoutFoundCustomer& f : v.found) out.push_back(f.name + f.maskedPhone);
  for (const CheckoutCategory& c : v.categories)
    for (const CheckoutTile& t : c.tiles) out.push_back(t.name);
  for (const CheckoutLine& l : v.lines) out.push_back(l.name + l.staffName);
  for (const CheckoutStaffChoice& s : v.staffChoices) out.push_back(s.name);
  for (const CheckoutTenderRow& t : v.tenders) out.push_back(t.ref);
  for (const CheckoutPackageOption& p : v.packageOptions) out.push_back(p.label);
}

}  // namespace salon::ui
