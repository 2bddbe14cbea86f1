#include "app/ui/own_file/own_file_panel.h"

#include "app/ui/entry_box.h"

namespace salon::ui {
namespace {

Intent wrap(OwnFileIntent i) { return i; }

void wrappedText(UiContext& ui, const std::string& s) {
  ImGui::PushTextWrapPos(0);
  text(ui, s);
  ImGui::PopTextWrapPos();
}

}  // namespace

// The card said who this is; the last 4 digits of the phone prove it is them.
void OwnFilePanel::drawLast4(UiContext& ui, const OwnFileView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  bigText(ui, v.name);
  ImGui::Dummy(ImVec2(0, m.gap));
  wrappedText(ui, ui.t("ui.own.last4_title"));
  entryBox(ui, "own.last4", std::string(static_cast<std::size_t>(v.digits), '*') + std::string(4 - std::min(v.digits, 4), '_'),
           "", width);
  if (!v.message.empty()) messageText(ui, v.message, v.messageIsError);
  ImGui::Dummy(ImVec2(0, m.gap));
  if (touchButton(ui, "own.cancel", ui.t("ui.own.cancel"), ImVec2(200 * m.scale, m.touch)))
    add(out, wrap(OwnFileClose{}));
}

void OwnFilePanel::draw(UiContext& ui, const OwnFileView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float width = ImGui::GetContentRegionAvail().x;
  if (v.step == OwnFileStep::Correct) return correction(ui, v, width, out);  // the keyboard needs the room
  header(ui, v, width, out);
  const float footer = m.touch + m.gap * 2 + (v.message.empty() ? 0 : m.textSize * 2.5f);
  ImGui::BeginChild("own.body", ImVec2(width, ImGui::GetContentRegionAvail().y - footer), false);
  dragToScroll();
  switch (v.step) {
    case OwnFileStep::File: fields(ui, v, width - m.gap, out); break;
    case OwnFileStep::Views: views(ui, v, width - m.gap); break;
    case OwnFileStep::Statement: statement(ui, v, width - m.gap); break;
    default: break;
  }
  ImGui::EndChild();
  if (!v.message.empty()) {
    ImGui::PushTextWrapPos(0);
    messageText(ui, v.message, v.messageIsError);
    ImGui::PopTextWrapPos();
  }
  if (v.step == OwnFileStep::Statement && !v.statement.empty()) {
    std::string label = ui.t(v.printing ? "ui.own.printing" : "ui.own.print");
    if (touchButton(ui, "own.print", label, ImVec2(width * 0.4f, m.touch), Tone::Primary) && !v.printing)
      add(out, wrap(OwnFilePrint{}));
    ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "own.done", ui.t("ui.own.done"), ImVec2(200 * m.scale, m.touch))) add(out, wrap(OwnFileClose{}));
}

// The customer's name and the three parts of their file, one tab each.
void OwnFilePanel::header(UiContext& ui, const OwnFileView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  bigText(ui, v.name);
  const OwnFileStep tabs[] = {OwnFileStep::File, OwnFileStep::Views, OwnFileStep::Statement};
  const char* keys[] = {"ui.own.tab_file", "ui.own.tab_views", "ui.own.tab_statement"};
  const float tabW = (width - m.gap * 2) / 3;
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine(0, m.gap);
    bool current = v.step == tabs[i] || (v.step == OwnFileStep::Correct && i == 0);
    if (touchButton(ui, std::string("own.tab.") + std::to_string(i), ui.t(keys[i]), ImVec2(tabW, m.touch),
                    current ? Tone::Primary : Tone::Plain))
      add(out, wrap(OwnFileShow{tabs[i]}));
  }
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
}

// Each field with what is on file; 更正 beside it asks for a correction.
void OwnFilePanel::fields(UiContext& ui, const OwnFileView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  wrappedText(ui, ui.t("ui.own.file_hint"));
  const float buttonW = 140 * m.scale, labelW = width * 0.3f;
  for (std::size_t i = 0; i < v.fields.size(); ++i) {
    const OwnFileField& f = v.fields[i];
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + (m.touch - m.textSize) / 2);
    mutedText(ui, ui.t(f.labelKey));
    ImGui::SameLine(labelW);
    ImGui::PushTextWrapPos(width - buttonW - m.gap);
    text(ui, f.value);
    ImGui::PopTextWrapPos();
    const float after = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(width - buttonW, y));
    if (touchButton(ui, "own.correct." + std::to_string(i + 1), ui.t("ui.own.correct"), ImVec2(buttonW, m.touch)))
      add(out, wrap(OwnFileCorrect{static_cast<int>(i)}));
    ImGui::SetCursorPosY(std::max(after, y + m.touch + m.gap * 0.5f));
  }
}

// Who opened the file, when and why (the salon logs every view).
void OwnFilePanel::views(UiContext& ui, const OwnFileView& v, float width) {
  const Metrics& m = ui.metrics;
  wrappedText(ui, ui.t("ui.own.views_hint"));
  if (v.views.empty()) mutedText(ui, ui.t("ui.own.no_views"));
  for (const OwnFileViewRow& r : v.views) {
    mutedText(ui, r.at);
    ImGui::SameLine(width * 0.32f);
    text(ui, r.who.empty() ? ui.t("ui.own.you") : r.who + (r.roleKey.empty() ? "" : " · " + ui.t(r.roleKey)));
    ImGui::SetCursorPosX(width * 0.32f);
    ImGui::PushTextWrapPos(width);
    mutedText(ui, r.purpose);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
  }
}

void OwnFilePanel::statement(UiContext& ui, const OwnFileView& v, float width) {
  const Metrics& m = ui.metrics;
  if (v.statement.empty()) return mutedText(ui, ui.t("ui.own.no_statement"));
  text(ui, ui.t("records.statement.net") + ": " + v.net);
  for (const OwnFileEntry& e : v.statement) {
    ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    text(ui, e.at + "  " + ui.t(e.kindKey));
    ImGui::SameLine(width * 0.75f);
    text(ui, e.total);
    for (const std::string& d : e.details) {
      ImGui::SetCursorPosX(m.gap * 2);
      mutedText(ui, d);
    }
  }
}

// The correct value, typed by the customer; staff approve it before it counts.
void OwnFilePanel::correction(UiContext& ui, const OwnFileView& v, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  const OwnFileCorrection& c = v.correction;
  if (c.row < 0 || c.row >= static_cast<int>(v.fields.size())) return;
  const OwnFileField& f = v.fields[static_cast<std::size_t>(c.row)];
  bigText(ui, ui.t("ui.own.correct_title") + ui.t(f.labelKey));
  mutedText(ui, ui.t("ui.own.on_file") + (f.value.empty() ? "-" : f.value));
  entryBox(ui, "own.correct.box", c.text, c.letters, width);
  if (!v.message.empty()) {
    ImGui::PushTextWrapPos(0);
    messageText(ui, v.message, v.messageIsError);
    ImGui::PopTextWrapPos();
  }
  if (touchButton(ui, "own.correct.back", ui.t("ui.own.cancel"), ImVec2(200 * m.scale, m.touch)))
    add(out, wrap(OwnFileShow{OwnFileStep::File}));
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "own.correct.send", ui.t("ui.own.send"), ImVec2(width - 200 * m.scale - m.gap, m.touch),
                  Tone::Primary))
    add(out, wrap(OwnFileSubmit{}));
  // The keyboard sits at the bottom, where a hand rests (as at registration).
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float kbH = (m.touch + m.gap) + spacing + 4 * (m.touch + spacing);
  const float room = ImGui::GetContentRegionAvail().y - kbH - m.gap;
  if (room > 0) ImGui::Dummy(ImVec2(0, room));
  KeyboardInput k = pinyinKeyboard(ui, c.letters, c.candidates, width);
  if (!k.picked.empty()) add(out, wrap(OwnFilePick{k.picked}));
  else if (!k.keys.empty()) add(out, wrap(OwnFileCorrectKeys{k.keys}));
}

void addTexts(const OwnFileView& v, std::vector<std::string>& out) {
  out.push_back(v.name);
  out.push_back(v.message);
  out.push_back(v.net);
  for (const OwnFileField& f : v.fields) out.push_back(f.value);
  for (const OwnFileViewRow& r : v.views) {
    out.push_back(r.at);
    out.push_back(r.who);
    out.push_back(r.purpose);
  }
  for (const OwnFileEntry& e : v.statement) {
    out.push_back(e.at);
    out.push_back(e.total);
    for (const std::string& d : e.details) out.push_back(d);
  }
  out.push_back(v.correction.text);
  out.push_back(v.correction.letters);
  for (const std::string& c : v.correction.candidates) out.push_back(c);
}

}  // namespace salon::ui
