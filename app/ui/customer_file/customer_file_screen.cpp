#include "app/ui/customer_file/customer_file_screen.h"

#include "app/ui/customer_file/customer_search.h"
#include "app/ui/palette.h"

namespace salon::ui {
namespace {

void message(UiContext& ui, const CustomerFileView& v) { messageText(ui, v.message, v.messageIsError); }

}  // namespace

// The title, who the file is about, and the ways on: checkout, members, back.
void CustomerFileScreen::header(UiContext& ui, const CustomerFileView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float buttonW = 150 * m.scale;
  const bool open = v.stage == FileStage::Open;
  const int buttons = open ? 3 : 1;
  const float right = ImGui::GetContentRegionAvail().x - buttons * buttonW - (buttons - 1) * m.gap;
  if (v.customer != 0) {
    avatar(ui, v.name, v.fileNo, m.touch);
    ImGui::SameLine(0, m.gap);
  }
  ImGui::BeginGroup();
  bigText(ui, v.customer == 0 ? v.title : v.name);
  if (v.customer != 0) {
    std::string line = v.fileNo;
    if (!v.memberNo.empty()) line += "   " + v.memberNo;
    if (!v.phone.empty()) line += "   " + v.phone;
    if (!v.statusKey.empty()) line += "   " + ui.t(v.statusKey);
    ImGui::PushTextWrapPos(right - m.gap);  // beside the avatar it may not reach the buttons
    mutedText(ui, line);
    ImGui::PopTextWrapPos();
  }
  ImGui::EndGroup();
  ImGui::SameLine(right);
  if (open) {
    if (touchButton(ui, "file.to_checkout", ui.t("ui.nav.checkout"), ImVec2(buttonW, m.touch), Tone::Primary))
      add(out, Navigate{Screen::Checkout, v.customer});
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "file.to_members", ui.t("ui.nav.members"), ImVec2(buttonW, m.touch)))
      add(out, Navigate{Screen::Members, v.customer});
    ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "customer_file.back", ui.t("ui.nav.back"), ImVec2(buttonW, m.touch))) add(out, NavigateBack{});
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
}

// Why is the file opened? Routine purposes open it; others ask a supervisor.
void CustomerFileScreen::purposes(UiContext& ui, const CustomerFileView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  text(ui, ui.t("ui.file.why"));
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  const int perRow = 3;
  const float w = (ImGui::GetContentRegionAvail().x - (perRow - 1) * m.gap) / perRow;
  for (std::size_t i = 0; i < v.purposes.size(); ++i) {
    if (i % perRow != 0) ImGui::SameLine(0, m.gap);
    const bool routine = v.routine[i];
    std::string label = ui.t("ui.file.purpose." + v.purposes[i]);
    if (!routine) label += "\n" + ui.t("ui.file.needs_approval");
    if (touchButton(ui, "file.purpose." + v.purposes[i], label, ImVec2(w, m.touch * 1.4f),
                    routine ? Tone::Primary : Tone::Plain))
      add(out, ChoosePurpose{v.purposes[i]});
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  mutedText(ui, ui.t("ui.file.logged"));
  message(ui, v);
}

void CustomerFileScreen::waiting(UiContext& ui, const CustomerFileView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Dummy(ImVec2(0, m.gap * 2));
  bigText(ui, ui.t("ui.file.waiting"));
  ImGui::PushTextWrapPos(0);
  text(ui, ui.t("ui.file.waiting_detail") + " " + ui.t("ui.file.purpose." + v.purpose));
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, m.gap * 2));
  if (touchButton(ui, "file.check_approval", ui.t("ui.file.check_again"), ImVec2(300 * m.scale, m.touch), Tone::Primary))
    add(out, CheckApproval{});
  ImGui::SameLine(0, m.gap);
  // Back to the purposes: a routine one opens the file now (the request stays).
  if (touchButton(ui, "file.other_purpose", ui.t("ui.file.other_purpose"), ImVec2(300 * m.scale, m.touch)))
    add(out, Navigate{Screen::CustomerFile, v.customer});
  message(ui, v);
}

void CustomerFileScreen::tabs(UiContext& ui, const CustomerFileView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float n = static_cast<float>(v.tabs.size());
  const float w = (ImGui::GetContentRegionAvail().x - (n - 1) * m.gap * 0.5f) / n;
  for (std::size_t i = 0; i < v.tabs.size(); ++i) {
    if (i > 0) ImGui::SameLine(0, m.gap * 0.5f);
    if (touchButton(ui, "file.tab." + v.tabs[i], ui.t("ui.file.tab." + v.tabs[i]), ImVec2(w, m.touch),
                    v.tabs[i] == v.tab ? Tone::Primary : Tone::Plain))
      add(out, ShowFileTab{v.tabs[i]});
  }
}

// Label, value (masked for this role), a pending change, and "ask to change".
void CustomerFileScreen::fields(UiContext& ui, const CustomerFileView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float valueX = 200 * m.scale, editW = 150 * m.scale;
  auto heading = [&](const std::string& key) {
    ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
    text(ui, ui.t(key));
    ImGui::Separator();
  };
  auto lines = [&](const std::string& key, const std::vector<FileLine>& rows) {
    if (key.empty()) return;
    heading(key);
    if (rows.empty()) mutedText(ui, ui.t("ui.file.none"));
    for (const FileLine& l : rows) {
      if (l.when.empty()) {  // a label and its value, like a field
        mutedText(ui, l.title);
        ImGui::SameLine(valueX);
        text(ui, l.detail);
        continue;
      }
      mutedText(ui, l.when);
      ImGui::SameLine(valueX);
      text(ui, l.title);
      if (!l.detail.empty()) {
        ImGui::SameLine(0, m.gap * 2);
        ImGui::PushTextWrapPos(0);
        mutedText(ui, l.detail);
        ImGui::PopTextWrapPos();
      }
    }
  };
  for (const FileField& f : v.fields) {
    ImVec2 start = ImGui::GetCursorPos();
    const float textY = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
    ImGui::SetCursorPos(ImVec2(start.x, textY));
    mutedText(ui, ui.t(f.labelKey));
    ImGui::SetCursorPos(ImVec2(valueX, textY));
    if (f.declined) mutedText(ui, ui.t("ui.file.declined"));
    else if (f.masked) mutedText(ui, (f.value.empty() ? "" : f.value + "  ") + ui.t("ui.file.masked"));
    else text(ui, f.value.empty() ? "—" : f.value);
    if (!f.pending.empty()) {
      ImGui::SameLine(0, m.gap * 2);
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.42f, 0.05f, 1.0f));
      text(ui, ui.t("ui.file.pending") + " → " + f.pending);
      ImGui::PopStyleColor();
    }
    if (f.editable && f.pending.empty()) {
      ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - editW, start.y));
      if (touchButton(ui, "file.edit." + f.key, ui.t("ui.file.ask_change"), ImVec2(editW, m.touch)))
        add(out, StartFieldEdit{f.key});
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch + 2));
    ImGui::Separator();
  }
  lines(v.linesTitleKey, v.lines);
  lines(v.moreTitleKey, v.moreLines);
}

// The change asked for: old → new, a reason, then it waits for a supervisor.
// Compact enough that the keyboard fits under it at 1024×768.
void CustomerFileScreen::edit(UiContext& ui, const CustomerFileView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const FileEdit& e = v.edit;
  auto shown = [&](const std::string& value) {
    if (value.empty()) return std::string("—");
    return e.choices.empty() ? value : ui.t("ui.file.choice." + value);
  };
  ImGui::BeginGroup();
  text(ui, ui.t("ui.file.change_title") + ": " + ui.t(e.labelKey));
  mutedText(ui, ui.t("ui.file.old_value") + "  " + shown(e.oldValue));
  ImGui::EndGroup();
  ImGui::SameLine(0, m.gap * 2);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("file.edit.value", ImVec2(0, m.touch), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPosY((m.touch - ImGui::GetTextLineHeight()) / 2 - ImGui::GetStyle().WindowPadding.y);
  text(ui, ui.t("ui.file.new_value") + "  " + (e.newValue.empty() ? std::string(" ") : shown(e.newValue)));
  if (!e.letters.empty()) {
    ImGui::SameLine(0, m.gap * 0.5f);
    mutedText(ui, e.letters);
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  // Four reasons, then send and cancel, on one row.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float sendW = 210 * m.scale, cancelW = 110 * m.scale;
  const float w = (avail - sendW - cancelW - 5 * m.gap) / 4;
  static const char* kReasons[] = {"customer_asked", "correct_error", "new_information", "customer_declined"};
  for (int i = 0; i < 4; ++i) {
    if (i > 0) ImGui::SameLine(0, m.gap);
    std::string key = std::string("ui.file.reason.") + kReasons[i];
    if (touchButton(ui, std::string("file.reason.") + kReasons[i], ui.t(key), ImVec2(w, m.touch),
                    e.reasonKey == key ? Tone::Primary : Tone::Plain))
      add(out, EditReason{key});
  }
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "file.edit.submit", ui.t("ui.file.send_change"), ImVec2(sendW, m.touch), Tone::Primary))
    add(out, SubmitFieldEdit{});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "file.edit.cancel", ui.t("ui.file.cancel"), ImVec2(cancelW, m.touch))) add(out, CancelFieldEdit{});
  message(ui, v);
  if (!e.choices.empty()) {
    const float cw = (ImGui::GetContentRegionAvail().x - 4 * m.gap) / 5;
    for (std::size_t i = 0; i < e.choices.size(); ++i) {
      if (i % 5 != 0) ImGui::SameLine(0, m.gap);
      if (touchButton(ui, "file.choice." + e.choices[i], ui.t("ui.file.choice." + e.choices[i]), ImVec2(cw, m.touch),
                      e.newValue == e.choices[i] ? Tone::Primary : Tone::Plain))
        add(out, EditChoice{e.choices[i]});
    }
    return;
  }
  // Letters compose pinyin; a picked word arrives as typed text.
  KeyboardInput k = pinyinKeyboard(ui, e.letters, e.candidates, ImGui::GetContentRegionAvail().x);
  Typed t = typedThisFrame();
  std::string keys = k.keys + std::string(t.backspaces, '<');
  if (!keys.empty()) add(out, EditKeys{keys});
  if (!k.picked.empty()) add(out, EditTyped{k.picked});
  if (!t.chars.empty()) add(out, EditTyped{t.chars});
}

Intents CustomerFileScreen::draw(UiContext& ui, const CustomerFileView& v) {
  Intents out;
  header(ui, v, out);
  switch (v.stage) {
    case FileStage::Search: {
      message(ui, v);
      SearchInput in = customerSearch(ui, v.search, "file.search", true);
      if (in.browsePage >= 0) add(out, BrowseFiles{in.browseOrder, in.browsePage});
      if (!in.keys.empty()) add(out, FileSearchKeys{in.keys});
      if (!in.typed.empty()) add(out, FileSearchTyped{in.typed});
      if (in.picked) add(out, OpenFoundCustomer{in.picked});
      break;
    }
    case FileStage::Purpose: purposes(ui, v, out); break;
    case FileStage::Waiting: waiting(ui, v, out); break;
    case FileStage::Open:
      if (!v.edit.field.empty()) {
        edit(ui, v, out);
        break;
      }
      tabs(ui, v, out);
      message(ui, v);
      ImGui::BeginChild("file.content", ImVec2(0, 0), false);
      dragToScroll();
      fields(ui, v, out);
      ImGui::EndChild();
      break;
  }
  return out;
}

void addTexts(const CustomerFileView& v, std::vector<std::string>& out) {
  for (const std::string& s : {v.title, v.name, v.fileNo, v.memberNo, v.phone, v.message, v.edit.oldValue, v.edit.newValue})
    out.push_back(s);
  addTexts(v.search, out);
  for (const FileField& f : v.fields) {
    out.push_back(f.value);
    out.push_back(f.pending);
  }
  for (const auto* rows : {&v.lines, &v.moreLines})
    for (const FileLine& l : *rows) {
      out.push_back(l.when);
      out.push_back(l.title);
      out.push_back(l.detail);
    }
}

}  // namespace salon::ui
