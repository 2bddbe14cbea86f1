#include "app/ui/screens.h"

#include <algorithm>

#include "app/ui/figures_line.h"

namespace salon::ui {
namespace {

// A framed box with a small label over a big figure (points, balance).
void figureBox(UiContext& ui, const std::string& id, const std::string& label, const std::string& figure, float width) {
  const Metrics& m = ui.metrics;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild(id.c_str(), ImVec2(width, m.textSize + m.bigSize + m.gap * 3), true, ImGuiWindowFlags_NoScrollbar);
  mutedText(ui, label);
  bigText(ui, figure);
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// The balances: points and stored value in boxes; with the member's figures
// (issue 18) the bonus, package sessions and arrears under them.
void balances(UiContext& ui, const CheckInCard& c, float width) {
  const Metrics& m = ui.metrics;
  const MemberFiguresView& f = c.figures;
  const float boxW = (width - m.gap) / 2;
  figureBox(ui, "checkin.points", ui.t("ui.checkin.points"), f.shown ? f.points : c.points, boxW);
  ImGui::SameLine(0, m.gap);
  figureBox(ui, "checkin.balance", ui.t("ui.checkin.balance"), f.shown ? "¥" + f.principal : c.balance, boxW);
  if (!f.shown) return;
  MemberFiguresView named = f;  // the column is narrow: the first package named, the others counted
  if (named.packages.size() > 1) {
    named.morePackages += static_cast<int>(named.packages.size()) - 1;
    named.packages.resize(1);
  }
  std::vector<FiguresPiece> pieces{{ui.t("ui.checkout.figures.bonus_left") + " ¥" + f.bonus}};
  for (FiguresPiece& p : figuresPieces(ui, named, false, false)) pieces.push_back(std::move(p));
  drawFigures(ui, pieces, width);
}

// By card or QR: who was recognised (and whose figures are shown), today's
// appointments and the balances, and one big button to join the queue.
void memberCard(UiContext& ui, const CheckInCard& c, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  // With the member's figures (a line or two more) the spacers go, so the
  // buttons stay inside the column at 800×600.
  const auto space = [&] {
    if (!c.figures.shown) ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  };
  bigText(ui, ui.t("ui.checkin.welcome") + c.name);
  if (!c.tier.empty()) mutedText(ui, c.tier);
  if (c.figures.shown) {
    if (!c.tier.empty()) ImGui::SameLine(0, m.gap * 2);
    sourceChip(ui, c.figures);
  }
  space();
  text(ui, ui.t("ui.checkin.today"));
  if (c.today.empty()) mutedText(ui, ui.t("ui.checkin.no_appointment"));
  for (const std::string& line : c.today) text(ui, line);
  space();
  balances(ui, c, width);
  space();
  ImGui::PushFont(ui.fonts.big());
  bool confirm = touchButton(ui, "checkin.confirm", ui.t("ui.checkin.confirm"), ImVec2(width * 0.62f, m.touch * 1.3f),
                             Tone::Primary);
  ImGui::PopFont();
  ImGui::SameLine(0, m.gap);
  bool notMe = touchButton(ui, "checkin.not_me", ui.t("ui.checkin.not_me_card"),
                           ImVec2(width * 0.38f - m.gap, m.touch * 1.3f));
  if (confirm) add(out, ConfirmCheckIn{c.id});
  if (notMe) add(out, RejectMatches{});
  space();
  if (touchButton(ui, "checkin.own_file", ui.t("ui.own.open"), ImVec2(width, m.touch)))
    add(out, Intent(OwnFileIntent(OwnFileOpen{})));
}

void phoneEntry(UiContext& ui, const CheckInView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  text(ui, ui.t("ui.checkin.enter_phone"));
  mutedText(ui, ui.t("ui.checkin.or_scan"));
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("checkin.digits", ImVec2(width, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  bigText(ui, v.digits.empty() ? " " : v.digits);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (!v.message.empty()) alertText(ui, v.message);
  if (v.matches.empty()) return;
  ImGui::Dummy(ImVec2(0, m.gap));
  text(ui, ui.t("ui.checkin.is_this_you"));
  for (std::size_t i = 0; i < v.matches.size(); ++i) {
    const CheckInMatch& c = v.matches[i];
    ImGui::PushFont(ui.fonts.big());
    bool tapped = touchButton(ui, "checkin.match." + std::to_string(i + 1), c.maskedName,
                              ImVec2(width * 0.48f, m.touch * 1.3f), Tone::Primary);
    ImGui::PopFont();
    if (tapped) add(out, ConfirmCheckIn{c.id});
    if (i % 2 == 0 && i + 1 < v.matches.size()) ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "checkin.not_me", ui.t("ui.checkin.not_me"), ImVec2(width * 0.48f, m.touch)))
    add(out, RejectMatches{});
}

}  // namespace

// Digits typed on a keyboard join the phone number as they come. A reader's
// scan arrives decoded by the window (ScanPayload); anything else ending in
// Enter here is a reader the platform could not tell from a keyboard.
Intent CheckInScreen::fromKeyboard() {
  Typed typed = typedThisFrame();
  std::string keys;
  for (char c : typed.chars) {
    wedge_ += c;
    if (c >= '0' && c <= '9') keys += c;
  }
  bool scan = std::any_of(wedge_.begin(), wedge_.end(), [](char c) { return c < '0' || c > '9'; });
  if (typed.enter) {
    std::string payload = wedge_;
    wedge_.clear();
    if (scan) return ScanPayload{payload};
    keys += '=';
  }
  if (scan) return {};
  keys.append(typed.backspaces, '<');
  if (!keys.empty()) return PhoneKeys{keys};
  return {};
}

// The staff member's PIN to leave customer mode: dots for the digits typed.
void CheckInScreen::leavePrompt(UiContext& ui, const CheckInView& v, float width) {
  const Metrics& m = ui.metrics;
  ImGui::Dummy(ImVec2(0, m.gap * 2));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  text(ui, ui.t(v.leaveChecking ? "ui.checkin.leave_checking" : "ui.checkin.leave_prompt"));
  ImGui::PopTextWrapPos();
  std::string dots;
  for (int i = 0; i < v.leavePinDigits; ++i) dots += "● ";
  bigText(ui, dots.empty() ? " " : dots);
  if (!v.leaveMessage.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    alertText(ui, v.leaveMessage);
    ImGui::PopTextWrapPos();
  }
}

// Customer mode: 返回 asks for the staff PIN (the keypad types it), 取消 stays;
// beside it, the first visit's way in while nothing else is shown.
void CheckInScreen::bottomButtons(UiContext& ui, const CheckInView& v, float leftW, Intents& out) {
  const Metrics& m = ui.metrics;
  if (v.leaving) {
    if (touchButton(ui, "checkin.leave.cancel", ui.t("ui.checkin.leave_cancel"), ImVec2(160 * m.scale, m.touch)))
      add(out, LeaveCheckIn{true});
    return;
  }
  if (touchButton(ui, "checkin.back", ui.t("ui.checkin.back"), ImVec2(160 * m.scale, m.touch))) add(out, LeaveCheckIn{});
  if (v.card.id == 0 && v.welcomedName.empty() && v.ownFile.step == OwnFileStep::None) {
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "checkin.first_visit", ui.t("ui.checkin.first_visit"),
                    ImVec2(leftW - 160 * m.scale - m.gap, m.touch), Tone::Primary))
      add(out, Navigate{Screen::Registration});
  }
}

Intents CheckInScreen::draw(UiContext& ui, const CheckInView& v) {
  Intents out;
  const Metrics& m = ui.metrics;
  const OwnFileStep own = v.ownFile.step;
  if (own != OwnFileStep::None && own != OwnFileStep::Last4) {
    ownFile_.draw(ui, v.ownFile, out);
    return out;
  }
  const float padW = 420 * m.scale;
  const float leftW = ImGui::GetContentRegionAvail().x - padW - m.gap * 2;
  const float bottom = ImGui::GetContentRegionAvail().y;
  ImGui::BeginGroup();
  ImGui::BeginChild("checkin.left", ImVec2(leftW, bottom - m.touch - m.gap * 3), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  if (v.card.id == 0) bigText(ui, ui.t("ui.checkin.title"));  // the greeting by name is the title then
  if (v.leaving) {
    leavePrompt(ui, v, leftW - m.gap);
  } else if (!v.welcomedName.empty()) {
    ImGui::Dummy(ImVec2(0, m.gap * 2));
    bigText(ui, v.welcomedName);
    ImGui::PushTextWrapPos(0);
    text(ui, ui.t("ui.checkin.done"));
    ImGui::PopTextWrapPos();
  } else if (own == OwnFileStep::Last4) {
    ownFile_.drawLast4(ui, v.ownFile, leftW - m.gap, out);
  } else if (v.card.id != 0) {
    memberCard(ui, v.card, leftW - m.gap, out);
  } else {
    phoneEntry(ui, v, leftW, out);
  }
  ImGui::EndChild();
  bottomButtons(ui, v, leftW, out);
  ImGui::EndGroup();
  ImGui::SameLine(0, m.gap * 2);
  ImGui::BeginGroup();
  std::string keys = keypad(ui, "checkin.key", padW, ui.t(v.leaving ? "ui.keypad.ok" : "ui.checkin.find"));
  ImGui::EndGroup();
  Intent typed = fromKeyboard();
  if (v.leaving) {
    if (!keys.empty()) add(out, LeavePinKeys{keys});
    return out;  // a card or a typed phone does nothing while a PIN is asked
  }
  if (own == OwnFileStep::Last4) {
    // The keypad types the last 4 digits of the phone then, never a phone search.
    if (auto* p = std::get_if<PhoneKeys>(&typed)) keys += p->keys, typed = {};
    if (!keys.empty()) add(out, Intent(OwnFileIntent(OwnFileKeys{keys})));
  } else if (!keys.empty()) {
    add(out, PhoneKeys{keys});
  }
  add(out, typed);
  return out;
}

}  // namespace salon::ui
