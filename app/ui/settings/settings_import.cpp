// Settings → 数据导入: choose a CSV file (USB stick or the data folder) and what
// it holds, preview it (control totals, bad rows, unknown tiers and items), then
// import it with the manager's PIN. Every region has a fixed height, so nothing
// jumps when a preview or the progress arrives.
#include <algorithm>

#include "app/ui/settings/settings_screen.h"
#include "app/ui/settings/settings_widgets.h"

namespace salon::ui {
namespace {

// The chosen file's preview, or what to do first; scrolls inside its box.
void previewBox(UiContext& ui, const SettingsImport& s, float width, float height) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("settings.import.preview", ImVec2(width, height), true);
  ImGui::PushTextWrapPos(0);
  if (!s.result.empty()) {
    s.resultOk ? text(ui, s.result) : alertText(ui, s.result);
  }
  if (!s.previewed) {
    mutedText(ui, ui.t(s.file.empty() ? "ui.settings.import.choose_file" : "ui.settings.import.preview_hint"));
  } else {
    for (const std::string& line : s.warnings) alertText(ui, line);  // first: they stop the import
    for (const std::string& line : s.totals) text(ui, line);
    if (!s.bad.empty()) mutedText(ui, ui.t("ui.settings.import.bad_rows"));
    for (const std::string& line : s.bad) alertText(ui, line);
    if (!s.badMore.empty()) mutedText(ui, s.badMore);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// The files found, one row each; an empty list says where to put one.
void fileList(UiContext& ui, const SettingsImport& s, float width, float height, Intents& out) {
  ImGui::BeginChild("settings.import.files", ImVec2(width, height), true);
  if (s.files.empty()) {
    ImGui::PushTextWrapPos(0);
    mutedText(ui, ui.t(s.busy ? "ui.settings.import.looking" : "ui.settings.import.no_files"));
    ImGui::PopTextWrapPos();
  }
  for (std::size_t i = 0; i < s.files.size(); ++i) {
    const SettingsImportFile& f = s.files[i];
    if (listRow(ui, "settings.import.file." + std::to_string(i), {f.label}, {0.0f}, f.path == s.file, false) &&
        !s.busy)
      settingsIntent(out, SettingsChoose{"import.file", f.path});
  }
  ImGui::EndChild();
}

}  // namespace

void SettingsScreen::import(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const SettingsImport& s = v.moving;
  const float w = ImGui::GetContentRegionAvail().x;
  const float kindW = (w - m.gap * 1.5f - 150 * m.scale) / 3;
  std::vector<Choice> kinds;
  for (const char* k : {"members", "packages", "appointments"}) kinds.push_back({k, ui.t(std::string("ui.settings.import.kind.") + k)});
  std::string kind = choiceButtons(ui, "settings.import.kind", kinds, s.kind, kindW);
  if (!kind.empty() && !s.busy) settingsIntent(out, SettingsChoose{"import.kind", kind});
  ImGui::SameLine(0, m.gap * 0.5f);
  if (touchButton(ui, "settings.import.list", ui.t("ui.settings.import.look_again"),
                  ImVec2(std::max(48 * m.scale, ImGui::GetContentRegionAvail().x), m.touch)) && !s.busy)
    settingsIntent(out, SettingsAct{"import.list"});
  ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
  fileList(ui, s, w, m.touch * 2.5f + m.gap, out);
  // One line for the progress, always there.
  ImGui::ProgressBar(s.fraction < 0 ? 0.0f : s.fraction, ImVec2(w, ImGui::GetTextLineHeight() + m.gap * 0.5f),
                     s.progress.empty() ? " " : s.progress.c_str());
  const float buttonsH = m.touch + m.gap * 0.25f + ImGui::GetStyle().ItemSpacing.y * 3;
  const float left = ImGui::GetContentRegionAvail().y - buttonsH;
  previewBox(ui, s, w, std::max(left, m.touch * 2));
  importButtons(ui, v, out);
}

// Preview, the two choices that loosen the import, and the import itself.
void SettingsScreen::importButtons(UiContext& ui, const SettingsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const SettingsImport& s = v.moving;
  ImGui::Dummy(ImVec2(0, m.gap * 0.25f));
  const float bw = (ImGui::GetContentRegionAvail().x - m.gap * 1.5f) / 4;
  const ImVec2 size(std::max(bw, 48 * m.scale), m.touch);
  if (touchButton(ui, "settings.import.preview", ui.t("ui.settings.import.preview"), size,
                  s.previewed ? Tone::Plain : Tone::Primary) && !s.busy && !s.file.empty())
    settingsIntent(out, SettingsAct{"import.preview"});
  ImGui::SameLine(0, m.gap * 0.5f);
  if (touchButton(ui, "settings.import.skip_bad",
                  (s.skipBad ? "✓ " : "") + ui.t("ui.settings.import.skip_bad"), size,
                  s.skipBad ? Tone::Primary : Tone::Plain) && !s.busy)
    settingsIntent(out, SettingsAct{"import.skip_bad"});
  ImGui::SameLine(0, m.gap * 0.5f);
  if (touchButton(ui, "settings.import.create_tiers",
                  (s.createTiers ? "✓ " : "") + ui.t("ui.settings.import.create_tiers"), size,
                  s.createTiers ? Tone::Primary : Tone::Plain) && !s.busy)
    settingsIntent(out, SettingsAct{"import.create_tiers"});
  ImGui::SameLine(0, m.gap * 0.5f);
  if (touchButton(ui, "settings.import.run", ui.t("ui.settings.import.run"), size,
                  s.importable ? Tone::Primary : Tone::Plain) && !s.busy && s.importable)
    settingsIntent(out, SettingsAct{"import.run"});
}

void addImportTexts(const SettingsImport& s, std::vector<std::string>& out) {
  for (const auto& f : s.files) out.push_back(f.label);
  for (const auto* list : {&s.totals, &s.bad, &s.warnings})
    for (const auto& line : *list) out.push_back(line);
  out.push_back(s.badMore);
  out.push_back(s.progress);
  out.push_back(s.result);
}

}  // namespace salon::ui
