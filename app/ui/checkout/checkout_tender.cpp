// The checkout's tender step (how the customer pays) and the settled sale.
#include <algorithm>
#include <sstream>

#include "app/core/checkout.h"
#include "app/ui/checkout/checkout_parts.h"
#include "app/ui/money_keypad.h"

namespace salon::ui {

using namespace checkout_parts;

namespace {

// A tender's reference as the cashier reads it: a static-QR payment's digits named so.
std::string refLabel(UiContext& ui, const std::string& ref) {
  const std::string prefix = kStaticQrPrefix;
  if (ref.compare(0, prefix.size(), prefix) != 0) return ref;
  return ui.t("ui.checkout.static_qr_short") + " " + ref.substr(prefix.size());
}

// An alert that wraps where the caller said (alertText wraps at the window's edge).
void wrappedAlert(UiContext& ui, const std::string& s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().alert);
  text(ui, s);
  ImGui::PopStyleColor();
}

// The payments entered (tap to remove), the ways to pay, packages, quick cash.
void tenderChoices(UiContext& ui, const CheckoutView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float inner = ImGui::GetContentRegionAvail().x;
  for (std::size_t i = 0; i < v.tenders.size(); ++i) {
    const CheckoutTenderRow& t = v.tenders[i];
    std::string label = ui.t(t.typeKey) + "  " + yuan(t.amount) + (t.ref.empty() ? "" : "  " + refLabel(ui, t.ref));
    if (touchButton(ui, "checkout.tender.row." + std::to_string(i + 1), label + "   ✕", ImVec2(inner, m.small),
                    Tone::Plain, tenderIcon(t.typeKey)))
      intent(out, CheckoutRemoveTender{static_cast<int>(i)});
  }
  const float payW = (inner - m.gap * 3) / 4;
  for (std::size_t i = 0; i < v.tenderOptions.size(); ++i) {
    const CheckoutTenderOption& o = v.tenderOptions[i];
    if (i % 4 != 0) ImGui::SameLine(0, m.gap);
    std::string label = ui.t("ui.checkout.tender." + o.type);
    if (!o.note.empty()) label += "\n" + o.note;
    if (touchButton(ui, "checkout.tender." + o.type, label, ImVec2(payW, m.touch), Tone::Primary, tenderIcon(o.type)))
      intent(out, CheckoutAddTender{o.type});
  }
  for (std::size_t i = 0; i < v.packageOptions.size(); ++i) {
    const CheckoutPackageOption& p = v.packageOptions[i];
    if (touchButton(ui, "checkout.package." + std::to_string(i + 1), ui.t("ui.checkout.tender.package") + "  " + p.label,
                    ImVec2(inner, m.touch), Tone::Primary, Icon::Redeem))
      intent(out, CheckoutUsePackage{p.id});
  }
  for (std::size_t i = 0; i < v.quickCash.size(); ++i) {
    if (i > 0) ImGui::SameLine(0, m.gap);
    std::string label = (i == 0 ? ui.t("ui.checkout.exact") + "\n" : ui.t("ui.checkout.tender.cash") + " ") + yuan(v.quickCash[i]);
    if (touchButton(ui, "checkout.cash." + std::to_string(i + 1), label, ImVec2(payW, m.touch)))
      intent(out, CheckoutQuickCash{v.quickCash[i]});
  }
  // Last (quick cash is used more): WeChat / Alipay paid to the store's own QR code: no payment code to scan.
  const char* qrKey = v.staticQr ? "ui.checkout.static_qr_cancel" : "ui.checkout.static_qr";
  if (touchButton(ui, "checkout.static_qr", ui.t(qrKey), ImVec2(inner, m.touch), v.staticQr ? Tone::Primary : Tone::Plain,
                  Icon::QrCode))
    intent(out, CheckoutStaticQr{});
}

// The amount keypad beside the tender list, with what has been typed.
void amountPad(UiContext& ui, const CheckoutView& v, float padW, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginGroup();
  text(ui, ui.t(v.staticQr ? "ui.checkout.static_qr_ref" : "ui.checkout.amount"));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("checkout.amount", ImVec2(padW, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  if (v.staticQr) bigText(ui, v.staticQrDigits.empty() ? "…" : v.staticQrDigits);
  else bigText(ui, v.amountEntry.empty() ? yuan(v.remaining) : yuan(v.amountEntry));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  const float padH = ImGui::GetContentRegionAvail().y - m.touch - m.gap * 2;
  std::string keys = moneyKeypad(ui, "checkout.amount", padW, padH);
  if (touchButton(ui, "checkout.amount.clear", ui.t("ui.checkout.clear"), ImVec2(padW, m.touch))) keys += 'C';
  ImGui::EndGroup();
  if (!keys.empty()) intent(out, CheckoutAmountKeys{keys});
}

// The PIN keys (as sign-in's keypad) low enough to leave the cancel button on a 768-high screen.
std::string pinKeypad(UiContext& ui, float width, float keyH) {
  static const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "="};
  const float gap = ui.metrics.gap, keyW = (width - 2 * gap) / 3;
  std::string pressed;
  ImGui::PushFont(ui.fonts.big());
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) ImGui::SameLine(0, gap);
    const std::string key = kKeys[i];
    const std::string id = "checkout.approval.pin" + (key == "<" ? ".back" : key == "=" ? ".ok" : "." + key);
    const std::string label = key == "<" ? "←" : key == "=" ? ui.t("ui.keypad.ok") : key;
    if (touchButton(ui, id, label, ImVec2(keyW, keyH), key == "=" ? Tone::Primary : Tone::Plain)) pressed += key;
  }
  ImGui::PopFont();
  return pressed;
}

// 经理授权 in the keypad's place: the managers' names (and what no PIN lifts), then
// the chosen one's PIN on the keypad, kept short enough for 1024x768.
void approvalPad(UiContext& ui, const CheckoutApprovalView& a, float padW, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + padW);
  if (a.managerCode.empty()) {
    text(ui, ui.t("ui.checkout.approval.title"));
    text(ui, ui.t("ui.checkout.approval.left") + " ¥" + a.left);
    mutedText(ui, ui.t(a.managers.empty() ? "ui.checkout.approval.no_managers" : "ui.checkout.approval.choose"));
    for (const CheckoutStaffChoice& s : a.managers)
      if (touchButton(ui, "checkout.approval.staff." + s.code, s.name, ImVec2(padW, m.touch)))
        intent(out, CheckoutChooseApprover{s.code});
    mutedText(ui, ui.t("ui.checkout.approval.caps_stay"));
  } else {
    bigText(ui, a.managerName);
    std::string dots;
    for (int i = 0; i < 8; ++i) dots += i < a.pinDigits ? "● " : (i < 4 ? "○ " : "");
    text(ui, ui.t("ui.checkout.approval.enter_pin") + "  " + dots);
    if (a.checking) mutedText(ui, ui.t("ui.checkout.approval.checking"));
    else if (!a.message.empty()) wrappedAlert(ui, a.message);
    else text(ui, " ");
    const float keysH = ImGui::GetContentRegionAvail().y - m.small - m.gap * 2;
    std::string keys = pinKeypad(ui, padW, std::min(m.keypadKey, (keysH - 3 * m.gap) / 4));
    Typed typed = typedThisFrame();
    for (char c : typed.chars)
      if (c >= '0' && c <= '9') keys += c;
    keys.append(typed.backspaces, '<');
    if (typed.enter) keys += '=';
    if (!keys.empty()) intent(out, CheckoutApprovalKeys{keys});
  }
  if (a.managerCode.empty() && !a.message.empty()) wrappedAlert(ui, a.message);
  ImGui::PopTextWrapPos();
  const char* back = a.managerCode.empty() ? "ui.checkout.approval.cancel" : "ui.checkout.approval.other";
  if (touchButton(ui, "checkout.approval.cancel", ui.t(back), ImVec2(padW, m.small), Tone::Plain, Icon::Back))
    intent(out, CheckoutCancelApproval{});
  ImGui::EndGroup();
}

}  // namespace

// Totals, what was paid and how, the ways to pay; the amount keypad on the right.
void CheckoutScreen::tender(UiContext& ui, const CheckoutView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float width = ImGui::GetContentRegionAvail().x;
  const float padW = 330 * m.scale;
  const float left = width - padW - m.gap * 2;
  const float height = ImGui::GetContentRegionAvail().y;
  const float bottomH = m.touch * 1.3f;
  const float top = ImGui::GetCursorPosY();
  ImGui::BeginGroup();
  // Big totals: due, paid, and what is left (or the change).
  const float col = (left - m.gap * 2) / 3;
  const float x0 = ImGui::GetCursorPosX(), y0 = ImGui::GetCursorPosY();
  const std::string* totals[3][2] = {{&ui.t("ui.checkout.due"), &v.total},
                                     {&ui.t("ui.checkout.paid"), &v.paid},
                                     {&ui.t(v.change.empty() ? "ui.checkout.remaining" : "ui.checkout.change"),
                                      v.change.empty() ? &v.remaining : &v.change}};
  for (int k = 0; k < 3; ++k) {
    ImGui::SetCursorPos(ImVec2(x0 + k * (col + m.gap), y0));
    ImGui::BeginGroup();
    mutedText(ui, *totals[k][0]);
    bigText(ui, yuan(*totals[k][1]));
    ImGui::EndGroup();
  }
  // A back-entry says so under the totals, with its time (changed in the cart only).
  if (v.backEntry.active) {
    ImGui::PushTextWrapPos(x0 + left);
    wrappedAlert(ui, backEntryLine(ui, v.backEntry));
    ImGui::PopTextWrapPos();
  }
  // Payments entered, the ways to pay, quick cash: scrolls when there are many.
  // Room for the message (and 经理授权 under it when offered).
  const bool offerApproval = v.approval.offered && !v.approval.open;
  const float messageH = offerApproval ? m.textSize * 3 + m.small + m.gap : m.textSize * 2;
  const float listH = top + height - ImGui::GetCursorPosY() - bottomH - m.gap * 2 - messageH;
  ImGui::BeginChild("checkout.tender", ImVec2(left, listH), false, ImGuiWindowFlags_NoBackground);
  dragToScroll();
  tenderChoices(ui, v, out);
  ImGui::EndChild();
  // A long message wraps inside the left column: it never pushes the keypad off the screen.
  ImGui::PushTextWrapPos(x0 + left);
  if (!v.message.empty()) v.messageIsError ? wrappedAlert(ui, v.message) : text(ui, v.message);
  else mutedText(ui, ui.t(v.staticQr ? "ui.checkout.static_qr_line" : "ui.checkout.scan_payment_hint"));
  ImGui::PopTextWrapPos();
  if (offerApproval &&
      touchButton(ui, "checkout.approval", ui.t("ui.checkout.approval.offer"), ImVec2(left, m.small), Tone::Primary,
                  Icon::Check))
    intent(out, CheckoutAskApproval{});
  ImGui::SetCursorPos(ImVec2(x0, top + height - bottomH));
  const float half = (left - m.gap) / 2;
  if (touchButton(ui, "checkout.tender.back", ui.t("ui.checkout.back_to_cart"), ImVec2(half, bottomH), Tone::Plain, Icon::Back))
    intent(out, CheckoutBackToCart{});
  ImGui::SameLine(0, m.gap);
  ImGui::PushFont(ui.fonts.big());
  if (touchButton(ui, "checkout.settle", ui.t("ui.checkout.settle"), ImVec2(half, bottomH), Tone::Primary, Icon::Check))
    intent(out, CheckoutSettle{});
  ImGui::PopFont();
  ImGui::EndGroup();
  ImGui::SameLine(0, m.gap * 2);
  if (v.approval.open) approvalPad(ui, v.approval, padW, out);
  else amountPad(ui, v, padW, out);
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
  const float top = ImGui::GetCursorPosY(), x0 = ImGui::GetCursorPosX();
  ImGui::BeginGroup();
  bigText(ui, ui.t("ui.checkout.settled_title"));
  text(ui, v.saleNo);
  if (!v.settledAt.empty())
    alertText(ui, ui.t("ui.checkout.back_entry.banner") + " " + v.settledAt +
                      (v.settledLate ? " · " + ui.t("ui.checkout.back_entry.settled_late") : ""));
  if (!v.bar.name.empty()) text(ui, v.bar.name);
  row(ui, ui.t("ui.checkout.total"), yuan(v.settledTotal), right, true);
  for (const CheckoutTenderRow& t : v.tenders) row(ui, ui.t(t.typeKey), yuan(t.amount), right);
  if (!v.change.empty()) row(ui, ui.t("ui.checkout.change"), yuan(v.change), right, true);
  if (!v.bar.name.empty()) {
    row(ui, ui.t("ui.checkout.stored_value"), yuan(v.bar.storedValue), right);
    row(ui, ui.t("ui.checkout.points"), v.bar.points, right);
  }
  if (!v.message.empty()) v.messageIsError ? alertText(ui, v.message) : text(ui, v.message);
  // At the bottom: print (or reprint) and home side by side, the next customer below.
  const float bigH = m.touch * 1.3f;
  ImGui::SetCursorPos(ImVec2(x0, std::max(ImGui::GetCursorPosY(), top + height - bigH - m.touch - m.gap)));
  const float half = (right - m.gap) / 2;
  std::string printLabel = ui.t(v.printing ? "ui.checkout.printing" : v.prints > 0 ? "ui.checkout.reprint" : "ui.checkout.print");
  if (touchButton(ui, "checkout.print", printLabel, ImVec2(half, m.touch), Tone::Plain, Icon::Print)) intent(out, CheckoutPrint{});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "checkout.home", ui.t("ui.checkout.home"), ImVec2(half, m.touch), Tone::Plain, Icon::Home)) add(out, Navigate{Screen::Home});
  ImGui::PushFont(ui.fonts.big());
  if (touchButton(ui, "checkout.next", ui.t("ui.checkout.next_sale"), ImVec2(right, bigH), Tone::Primary))
    intent(out, CheckoutNewSale{});
  ImGui::PopFont();
  ImGui::EndGroup();
}

// A wedge reader types fast and ends with Enter: a member card on the cart side,
// a WeChat / Alipay payment code on the tender side.
}  // namespace salon::ui
