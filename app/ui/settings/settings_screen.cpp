#include "app/ui/settings/settings_screen.h"

#include <algorithm>

#include "app/ui/money_keypad.h"
#include "app/ui/settings/settings_widgets.h"

namespace salon::ui {
namespace {

const char* sectionId(SettingsSection s) {
  switch (s) {
    case SettingsSection::Catalog: return "catalog";
    case SettingsSection::Staff: return "staff";
    case SettingsSection::Printer: return "printer";
    case SettingsSection::Store: return "store";
    case SettingsSection::Backup: return "backup";
    case SettingsSection::HeadOffice: return "head_office";
    case SettingsSection::Import: return "import";
  }
  return "catalog";
}

}  // namespace

Intents SettingsScreen::draw(UiContext& ui, const SettingsView& v) {
  Intents out;
  const Metrics& m = ui.metrics;
  const float navW = 210 * m.scale;
  const float h = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("settings.nav", ImVec2(navW, h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  sections(ui, v, out);
  ImGui::EndChild();
  ImGui::SameLine(0, m.gap * 1.5f);
  ImGui::BeginChild("settings.body", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  messageLine(ui, "settings.message", v.message, v.messageIsError);
  if (v.editor.kind != EditKind::None) {
    editor(ui, v.editor, out);
  } else if (v.priceChange.open) {
    priceConfirm(ui, v.priceChange, out);
  } else {
    switch (v.section) {
      case SettingsSection::Catalog: v.newItem.open ? newItem(ui, v, out) : catalog(ui, v, out); break;
      case SettingsSection::Staff: v.newStaff.open ? newStaff(ui, v, out) : staff(ui, v, out); break;
      case SettingsSection::Printer: printer(ui, v, out); break;
      case SettingsSection::Store: store(ui, v, out); break;
      case SettingsSection::Backup: backup(ui, v, out); break;
      case SettingsSection::HeadOffice: headOffice(ui, v, out); break;
      case SettingsSection::Import: import(ui, v, out); break;
    }
  }
  ImGui::EndChild();
  return out;
}

void SettingsScreen::sections(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  bigText(ui, v.title);
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  // Seven sections and the back button fit a 768-high screen: the buttons shrink
  // to fit (never under 48 px), so the back button stays on screen.
  const float room = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - m.touch - m.gap * 2;
  const float step = v.sections.empty() ? m.touch : room / static_cast<float>(v.sections.size());
  const float buttonH = std::max(48 * m.scale, std::min(m.touch, step - m.gap * 0.25f - ImGui::GetStyle().ItemSpacing.y * 2));
  for (SettingsSection s : v.sections) {
    const std::string id = sectionId(s);
    bool current = s == v.section;
    if (touchButton(ui, "settings.section." + id, ui.t("ui.settings.section." + id), ImVec2(w, buttonH),
                    current ? Tone::Primary : Tone::Plain) && !current)
      settingsIntent(out, SettingsOpenSection{s});
    ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
  }
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - m.touch - m.gap));
  if (touchButton(ui, "settings.back", ui.t("ui.nav.back"), ImVec2(w, m.touch))) add(out, Navigate{Screen::Home});
}

// The field being typed: what it is, what was typed, and a keypad or keyboard.
void SettingsScreen::editor(UiContext& ui, const SettingsEditor& e, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = ImGui::GetContentRegionAvail().x;
  text(ui, e.label);
  if (!e.hint.empty()) {
    ImGui::PushTextWrapPos(0);  // a long hint wraps at 800 px rather than running off
    mutedText(ui, e.hint);
    ImGui::PopTextWrapPos();
  }
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("settings.value", ImVec2(w, m.bigSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  bigText(ui, e.shown.empty() && e.letters.empty() ? " " : e.shown + e.letters);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  const bool pad = e.kind == EditKind::Money || e.kind == EditKind::Digits || e.kind == EditKind::Secret;
  const std::string ok = ui.t(e.again || (e.kind != EditKind::Secret && e.kind != EditKind::Password)
                                  ? "ui.settings.ok" : "ui.settings.next");
  const ImVec2 cancelSize(200 * m.scale, m.touch);
  bool cancel = false;
  if (e.kind == EditKind::Money) {
    // Checkout's money keypad (yuan with '.'); OK and cancel beside it.
    const float padW = std::min(w - cancelSize.x - m.gap * 2, 440 * m.scale);
    ImGui::BeginGroup();  // so OK and cancel stand beside its top row, never under the screen's edge
    std::string keys = moneyKeypad(ui, "settings.key", padW, ImGui::GetContentRegionAvail().y - m.gap);
    ImGui::EndGroup();
    ImGui::SameLine(0, m.gap * 2);
    ImGui::BeginGroup();
    if (touchButton(ui, "settings.key.ok", ok, cancelSize, Tone::Primary)) keys += '=';
    ImGui::Dummy(ImVec2(0, m.gap));
    cancel = touchButton(ui, "settings.edit.cancel", ui.t("ui.settings.cancel"), cancelSize);
    ImGui::EndGroup();
    if (!keys.empty()) settingsIntent(out, SettingsKeys{keys});
  } else if (pad) {
    // The keypad on the left, cancel beside it: four rows of big keys fill the height.
    ImGui::BeginGroup();
    std::string keys = keypad(ui, "settings.key", std::min(w - cancelSize.x - m.gap * 2, 440 * m.scale), ok);
    ImGui::EndGroup();
    if (!keys.empty()) settingsIntent(out, SettingsKeys{keys});
    ImGui::SameLine(0, m.gap * 2);
    cancel = touchButton(ui, "settings.edit.cancel", ui.t("ui.settings.cancel"), cancelSize);
  } else {
    KeyboardInput in = pinyinKeyboard(ui, e.letters, e.candidates, w);
    if (!in.keys.empty()) settingsIntent(out, SettingsKeys{in.keys});
    if (!in.picked.empty()) settingsIntent(out, SettingsPick{in.picked});
    if (e.kind == EditKind::Plain || e.kind == EditKind::Password) symbolRow(ui, w, out);
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    cancel = touchButton(ui, "settings.edit.cancel", ui.t("ui.settings.cancel"), cancelSize);
  }
  if (cancel) settingsIntent(out, SettingsCancelEdit{});
  Typed typed = typedThisFrame();
  if (!typed.chars.empty() || typed.enter || typed.backspaces)
    settingsIntent(out, SettingsTyped{typed.chars, typed.enter, typed.backspaces});
}

void addTexts(const SettingsView& v, std::vector<std::string>& out) {
  out.push_back(v.title);
  out.push_back(v.message);
  out.push_back(v.editor.label);
  out.push_back(v.editor.shown);
  out.push_back(v.editor.hint);
  for (const auto& c : v.editor.candidates) out.push_back(c);
  for (const auto& c : v.categories) out.push_back(c.label);
  for (const auto& i : v.items) {
    out.push_back(i.name);
    out.push_back(i.category);
    out.push_back(i.price);
    out.push_back(i.promotion);
  }
  for (const auto& s : v.promotions) out.push_back(s);
  for (const auto& s : v.headOffice.lines) out.push_back(s);
  for (const auto& s : v.tiers) out.push_back(s);
  addImportTexts(v.moving, out);
  for (const auto& s : v.staff) {
    out.push_back(s.name);
    out.push_back(s.department);
  }
  for (const std::string* s : {&v.priceChange.item, &v.priceChange.from, &v.priceChange.to}) out.push_back(*s);
  for (const SettingsDraft* d : {&v.newItem, &v.newStaff}) {
    out.push_back(d->name);
    out.push_back(d->category);
    out.push_back(d->price);
  }
  out.push_back(v.auditHeadSeq);
  for (const auto& g : v.auditHeadGroups) out.push_back(g);
  for (const std::string* s : {&v.target, &v.savedPrinter, &v.testResult, &v.storeName, &v.storeAddress,
                               &v.storePhone, &v.receiptFooter, &v.autoLockMinutes})
    out.push_back(*s);
}

}  // namespace salon::ui
