#include "app/ui/widgets.h"

#include <algorithm>
#include <functional>

#include "app/ui/glyph_set.h"

namespace salon::ui {
namespace {

// Within a list that scrolls, what lies past its edge cannot be touched (only
// its text is recorded) and a row cut by the edge is touched where it shows.
// A pixel or two of a widget under the window's padding is not a cut.
void record(UiContext& ui, const std::string& id, const std::string& label) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 ca = dl->GetClipRectMin(), cb = dl->GetClipRectMax();
  Tappable t{id, label, std::max(a.x, ca.x), std::max(a.y, ca.y), std::min(b.x, cb.x), std::min(b.y, cb.y), false};
  if (t.x1 <= t.x0 || t.y1 <= t.y0) return ui.record.text(label);
  const float lost = (t.x0 - a.x) + (t.y0 - a.y) + (b.x - t.x1) + (b.y - t.y1);
  if (lost <= 4.0f) t = {id, label, a.x, a.y, b.x, b.y, false};
  else t.cut = true;
  ui.record.tappable(t);
}

}  // namespace

std::string withIcon(const UiContext& ui, Icon icon, const std::string& label, const char* gap) {
  return icon != Icon::None && ui.fonts.hasIcons() ? iconText(icon) + gap + label : label;
}

bool touchButton(UiContext& ui, const std::string& id, const std::string& label, ImVec2 size, Tone tone, Icon icon) {
  int colours = 0;
  const Colours& c = ui.c();
  if (tone == Tone::Primary) {
    ImGui::PushStyleColor(ImGuiCol_Button, c.primary);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.primary);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.primaryActive);
    ImGui::PushStyleColor(ImGuiCol_Text, c.onPrimary);
    colours = 4;
  } else if (tone == Tone::Danger) {
    ImGui::PushStyleColor(ImGuiCol_Button, c.danger);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.danger);
    ImGui::PushStyleColor(ImGuiCol_Text, c.onDanger);
    colours = 3;
  }
  if (size.y <= 0) size.y = ui.metrics.touch;
  const std::string shown = withIcon(ui, icon, label);
  bool pressed = ImGui::Button((shown + "##" + id).c_str(), size);
  ImGui::PopStyleColor(colours);
  record(ui, id, label);
  return pressed;
}

void statusChip(UiContext& ui, Icon icon, const std::string& label, ImU32 fill) {
  const Metrics& m = ui.metrics;
  const std::string shown = withIcon(ui, icon, label, " ");
  const ImVec2 at = ImGui::GetCursorScreenPos(), size = ImGui::CalcTextSize(shown.c_str());
  const float padX = m.gap * 0.6f, padY = m.gap * 0.25f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - padX, at.y - padY),
                                            ImVec2(at.x + size.x + padX, at.y + size.y + padY), fill, size.y * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopStyleColor();
  ui.record.text(label);
}

ListColumns listColumns(const Metrics& m, float width) {
  const float natural = 1000 * m.scale;  // the list's width on a 1024×768 screen, scaled
  const float spread = std::max(1.0f, width / natural);
  return {{m.gap, m.gap + 230 * m.scale * spread, m.gap + 420 * m.scale * spread, m.gap + 620 * m.scale * spread}};
}

bool touchRow(UiContext& ui, const std::string& id, const std::string& label, ImVec2 size) {
  ImVec2 start = ImGui::GetCursorPos();
  bool released = ImGui::InvisibleButton(id.c_str(), size);
  bool dragged = ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > ui.metrics.gap * ui.metrics.gap;
  if (ImGui::IsItemActive()) {  // not on hover: a finger leaves the pointer where it lifted
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_HeaderHovered));
  }
  record(ui, id, label);
  ImGui::SetCursorPos(start);
  return released && !dragged;
}

void text(UiContext& ui, const std::string& s) {
  ImGui::TextUnformatted(s.c_str());
  ui.record.text(s);
}

void bigText(UiContext& ui, const std::string& s) {
  ImGui::PushFont(ui.fonts.big());
  ImGui::TextUnformatted(s.c_str());
  ImGui::PopFont();
  ui.record.text(s);
}

void mutedText(UiContext& ui, const std::string& s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().muted);
  text(ui, s);
  ImGui::PopStyleColor();
}

namespace {

void wrappedText(UiContext& ui, const std::string& s, ImVec4 colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushTextWrapPos(0);
  text(ui, s);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

}  // namespace

void alertText(UiContext& ui, const std::string& s) { wrappedText(ui, s, ui.c().alert); }

void messageText(UiContext& ui, const std::string& s, bool isError) {
  if (s.empty()) return;
  if (isError) return alertText(ui, s);
  wrappedText(ui, s, ui.c().ok);
}

void messageLine(UiContext& ui, const std::string& id, const std::string& s, bool isError) {
  const float lineH = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild(id.c_str(), ImVec2(0, lineH), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
  if (!s.empty()) {
    // A long message is drawn smaller rather than on a second line; past 60 %
    // it is cut at the edge (the whole text is still in the frame record).
    const float w = ImGui::CalcTextSize(s.c_str()).x, room = ImGui::GetContentRegionAvail().x;
    if (w > room) ImGui::SetWindowFontScale(std::max(0.6f, room / w));
    ImGui::PushStyleColor(ImGuiCol_Text, isError ? ui.c().alert : ui.c().ok);
    text(ui, s);
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

void centredBigText(UiContext& ui, const std::string& s, float width) {
  ImGui::PushFont(ui.fonts.big());
  float w = ImGui::CalcTextSize(s.c_str()).x;
  if (w < width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) / 2);
  ImGui::TextUnformatted(s.c_str());
  ImGui::PopFont();
  ui.record.text(s);
}

std::string keypad(UiContext& ui, const std::string& idPrefix, float width, const std::string& okLabel) {
  static const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "="};
  const float gap = ui.metrics.gap;
  const float keyW = (width - 2 * gap) / 3;
  const float keyH = ui.metrics.keypadKey;
  std::string pressed;
  ImGui::PushFont(ui.fonts.big());
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) ImGui::SameLine(0, gap);
    std::string key = kKeys[i];
    std::string id = idPrefix + (key == "<" ? ".back" : key == "=" ? ".ok" : "." + key);
    std::string label = key == "<" ? "←" : key == "=" ? okLabel : key;
    Tone tone = key == "=" ? Tone::Primary : Tone::Plain;
    if (touchButton(ui, id, label, ImVec2(keyW, keyH), tone)) pressed += key;
  }
  ImGui::PopFont();
  return pressed;
}

Typed typedThisFrame() {
  Typed t;
  ImGuiIO& io = ImGui::GetIO();
  for (ImWchar c : io.InputQueueCharacters)
    if (c >= 0x20) t.chars += encodeUtf8(c);
  t.enter = ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Enter], false);
  if (ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Backspace], true)) ++t.backspaces;
  return t;
}

void dragToScroll() {
  ImGuiIO& io = ImGui::GetIO();
  // A finger on a row (a button) still scrolls the list it is in.
  const ImGuiHoveredFlags over = ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem;
  if (ImGui::IsWindowHovered(over) && ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

}  // namespace salon::ui

namespace salon::ui {

namespace {

// The candidate bar: the pinyin so far, then one page of words; ‹ and › page
// through the rest. The page is remembered per keyboard and starts again when the
// letters change. Button ids stay "kb.pick.N" with N the word's place in the list.
void candidateBar(UiContext& ui, const std::string& letters, const std::vector<std::string>& candidates, float width,
                  ImVec2 key, KeyboardInput& in) {
  const Metrics& m = ui.metrics;
  const float gap = m.gap * 0.5f;
  ImGui::BeginChild("kb.candidates", ImVec2(width, key.y + m.gap), false, ImGuiWindowFlags_NoScrollbar);
  ImGuiStorage* state = ImGui::GetStateStorage();
  const ImGuiID firstId = ImGui::GetID("first"), lettersId = ImGui::GetID("letters");
  const int lettersKey = static_cast<int>(std::hash<std::string>{}(letters));
  if (state->GetInt(lettersId) != lettersKey) state->SetInt(lettersId, lettersKey), state->SetInt(firstId, 0);
  const int count = static_cast<int>(candidates.size());
  int first = std::clamp(state->GetInt(firstId), 0, std::max(0, count - 1));
  auto wordWidth = [&](int i) { return std::max(key.x, ImGui::CalcTextSize(candidates[i].c_str()).x + m.gap * 2); };
  mutedText(ui, letters.empty() ? " " : letters);
  ImGui::SameLine(0, m.gap * 2);
  const float start = ImGui::GetCursorPosX(), arrow = key.x + gap;
  if (first > 0) {
    if (touchButton(ui, "kb.less", "‹", key)) {
      float room = width - start - 2 * arrow;  // the page before ends where this one starts
      while (first > 0 && room >= wordWidth(first - 1) + gap) room -= wordWidth(--first) + gap;
      state->SetInt(firstId, first);
    }
    ImGui::SameLine(0, gap);
  }
  int i = first;
  for (; i < count; ++i) {
    const bool last = i + 1 == count;
    if (ImGui::GetCursorPosX() + wordWidth(i) + (last ? 0 : arrow) > width) break;
    if (touchButton(ui, "kb.pick." + std::to_string(i + 1), candidates[i], ImVec2(wordWidth(i), key.y), Tone::Primary))
      in.picked = candidates[i];
    ImGui::SameLine(0, gap);
  }
  if (i < count && i > first) {
    ImGui::SetCursorPosX(width - key.x);
    if (touchButton(ui, "kb.more", "›", key)) state->SetInt(firstId, i);
  }
  ImGui::EndChild();
}

}  // namespace

KeyboardInput pinyinKeyboard(UiContext& ui, const std::string& letters, const std::vector<std::string>& candidates,
                             float width) {
  KeyboardInput in;
  const Metrics& m = ui.metrics;
  const float gap = m.gap * 0.5f;
  // The widest row is 9 letters and a 1.5-wide erase key (or 7 + 1.5 + 1.5).
  const float keyW = (width - 10 * gap) / 10.5f, keyH = m.touch;
  candidateBar(ui, letters, candidates, width, ImVec2(keyW, keyH), in);
  static const char* kRows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
  for (int r = 0; r < 4; ++r) {
    const std::string row = kRows[r];
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (r == 3 ? keyW * 0.25f : 0));
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) ImGui::SameLine(0, gap);
      std::string k(1, row[i]);
      if (touchButton(ui, "kb." + k, k, ImVec2(keyW, keyH))) in.keys += k;
    }
    if (r == 2) {
      ImGui::SameLine(0, gap);
      if (touchButton(ui, "kb.back", "←", ImVec2(keyW * 1.5f, keyH))) in.keys += '<';
    }
    if (r == 3) {
      ImGui::SameLine(0, gap);
      if (touchButton(ui, "kb.clear", ui.t("ui.keyboard.clear"), ImVec2(keyW * 1.5f, keyH))) in.keys += 'C';
      ImGui::SameLine(0, gap);
      if (touchButton(ui, "kb.done", ui.t("ui.keyboard.done"), ImVec2(keyW * 1.5f, keyH), Tone::Primary)) in.keys += '=';
    }
  }
  return in;
}

}  // namespace salon::ui
