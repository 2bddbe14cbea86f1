// 补录 on the checkout screen (issue 15): the editor in the catalog's place (when
// the service was finished, why it is entered late), the banner over the cart's
// totals, and the line the tender and settled stages show.
#include <algorithm>

#include "app/ui/checkout/checkout_parts.h"

namespace salon::ui {

using namespace checkout_parts;

std::string checkout_parts::backEntryLine(UiContext& ui, const CheckoutBackEntryView& b) {
  std::string s = ui.t("ui.checkout.back_entry.banner") + " " + b.at;
  if (!b.reasonKey.empty()) s += " · " + ui.t(b.reasonKey);
  if (b.late) s += " · " + ui.t("ui.checkout.back_entry.late");
  return s;
}

namespace {

// The time chips: so many minutes ago, or a time of today on the keypad. Their
// labels never change, so a tap never moves them.
void timeChips(UiContext& ui, const CheckoutBackEntryView& b, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  static const char* const kKeys[5] = {"ui.checkout.back_entry.ago_15", "ui.checkout.back_entry.ago_30",
                                       "ui.checkout.back_entry.ago_60", "ui.checkout.back_entry.ago_120",
                                       "ui.checkout.back_entry.earlier_today"};
  Flow flow(width, m.gap * 0.5f);
  for (int i = 0; i < 5; ++i) {
    const std::string label = ui.t(kKeys[i]);
    const float w = labelWidth(ui, label, 96 * m.scale);
    flow.next(w);
    if (touchButton(ui, "checkout.back_entry.time." + std::to_string(i + 1), label, ImVec2(w, m.touch),
                    b.choice == i ? Tone::Primary : Tone::Plain))
      intent(out, CheckoutBackEntryTime{i});
  }
}

void reasonChips(UiContext& ui, const CheckoutBackEntryView& b, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  mutedText(ui, ui.t("ui.checkout.back_entry.reason"));
  Flow flow(width, m.gap * 0.5f);
  for (const char* code : kBackEntryReasons) {
    const std::string label = ui.t(std::string("ui.checkout.back_entry.reason.") + code);
    const float w = labelWidth(ui, label, 96 * m.scale);
    flow.next(w);
    if (touchButton(ui, std::string("checkout.back_entry.reason.") + code, label, ImVec2(w, m.touch),
                    b.draftReason == code ? Tone::Primary : Tone::Plain))
      intent(out, CheckoutBackEntryReason{code});
  }
}

// The editor's message (a refusal, a hint) on one line inside it: a long one is
// cut at the editor's edge, it never pushes the cart aside.
void message(UiContext& ui, const CheckoutView& v) { v.messageIsError ? alertText(ui, v.message) : text(ui, v.message); }

// The time of today typed as HHMM on the checkout's digit keypad, what was typed
// beside the prompt or the refusal (one row: the keys keep 48 px at 800x600).
void timePad(UiContext& ui, const CheckoutView& v, float width, float bottom, Intents& out) {
  const Metrics& m = ui.metrics;
  const CheckoutBackEntryView& b = v.backEntry;
  bigText(ui, b.typed.empty() ? "--:--" : b.typed);
  ImGui::SameLine(0, m.gap * 2);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (m.bigSize - m.textSize) / 2);
  if (v.message.empty()) mutedText(ui, ui.t("ui.checkout.back_entry.type_time"));
  else message(ui, v);
  static const char* const kDigits[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "="};
  const float padH = bottom - ImGui::GetCursorPosY() - m.gap;
  std::string keys = pad(ui, "checkout.back_entry.key", kDigits, width, padH, ui.t("ui.checkout.back_entry.set_time"));
  if (!keys.empty()) intent(out, CheckoutBackEntryKeys{keys});
}

}  // namespace

// When and why, then 取消补录 / 确定 at the bottom (where they always are).
void CheckoutScreen::backEntryEditor(UiContext& ui, const CheckoutView& v, ImVec2 size, Intents& out) {
  const Metrics& m = ui.metrics;
  const CheckoutBackEntryView& b = v.backEntry;
  ImGui::BeginChild("checkout.back_entry", size, false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
  const float bottom = size.y - m.touch;
  if (b.typing) {
    timePad(ui, v, size.x, bottom, out);
  } else {
    text(ui, ui.t("ui.checkout.back_entry.title"));
    if (!b.earliest.empty()) {
      ImGui::SameLine(0, m.gap);
      mutedText(ui, ui.t("ui.checkout.back_entry.earliest") + " " + b.earliest);
    }
    timeChips(ui, b, size.x, out);
    reasonChips(ui, b, size.x, out);
    if (!v.message.empty()) {
      message(ui, v);
    } else if (!b.draftAt.empty()) {
      text(ui, ui.t("ui.checkout.back_entry.finished_at") + " " + b.draftAt);
      ImGui::SameLine(0, m.gap);
      b.draftLate ? alertText(ui, ui.t("ui.checkout.back_entry.late")) : mutedText(ui, ui.t("ui.checkout.back_entry.on_time"));
    }
  }
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), bottom));
  const float half = (size.x - m.gap) / 2;
  if (touchButton(ui, "checkout.back_entry.cancel", ui.t("ui.checkout.back_entry.cancel"), ImVec2(half, m.touch)))
    intent(out, CheckoutCancelBackEntry{});
  ImGui::SameLine(0, m.gap);
  if (b.typing) {
    if (touchButton(ui, "checkout.back_entry.chips", ui.t("ui.checkout.back_entry.chips"), ImVec2(half, m.touch),
                    Tone::Plain, Icon::Back))
      intent(out, CheckoutBackEntryTime{-1});
  } else if (touchButton(ui, "checkout.back_entry.ok", ui.t("ui.checkout.back_entry.apply"), ImVec2(half, m.touch),
                         Tone::Primary, Icon::Check)) {
    intent(out, CheckoutApplyBackEntry{});
  }
  ImGui::EndChild();
}

// Over the totals while the ticket is a back-entry: when and why (tap: change
// it) with ✕ to make it a sale of now again. (补录 itself is beside 挂单.)
void CheckoutScreen::backEntryBanner(UiContext& ui, const CheckoutView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  const CheckoutBackEntryView& b = v.backEntry;
  if (!b.active) return;
  const float clearW = m.touch;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float w = width - clearW - m.gap;
  if (touchButton(ui, "checkout.back_entry.open", "##back_entry", ImVec2(w, m.touch))) intent(out, CheckoutOpenBackEntry{});
  // Two lines over the button: when, then why (and that it will count late).
  const std::string first = ui.t("ui.checkout.back_entry.banner") + " " + b.at;
  std::string second = ui.t(b.reasonKey);
  if (b.late) second += " · " + ui.t("ui.checkout.back_entry.late");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec4 clip(at.x, at.y, at.x + w - m.gap * 0.5f, at.y + m.touch);
  const float lineH = ImGui::GetTextLineHeight();
  const float y0 = at.y + std::max(0.0f, (m.touch - 2 * lineH) / 2);
  dl->AddText(nullptr, 0, ImVec2(at.x + m.gap, y0), ImGui::GetColorU32(ui.c().alert), first.c_str(), nullptr, 0, &clip);
  dl->AddText(nullptr, 0, ImVec2(at.x + m.gap, y0 + lineH), ImGui::GetColorU32(b.late ? ui.c().alert : ui.c().muted),
              second.c_str(), nullptr, 0, &clip);
  ui.record.text(first);
  ui.record.text(second);
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "checkout.back_entry.clear", "✕", ImVec2(clearW, m.touch))) intent(out, CheckoutCancelBackEntry{});
}

}  // namespace salon::ui
