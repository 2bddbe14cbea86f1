#include "app/ui/approvals/approvals_screen.h"

#include "app/ui/palette.h"

#include <algorithm>

namespace salon::ui {
namespace {

const ImVec4 kOverdue(0.80f, 0.12f, 0.10f, 1.0f);
const ImVec4 kRunning(0.15f, 0.45f, 0.25f, 1.0f);

// One of this screen's own intents.
void act(Intents& out, ApprovalsIntent i) { out.push_back(Intent{std::move(i)}); }

void colouredText(UiContext& ui, const std::string& s, const ImVec4& c) {
  ImGui::PushStyleColor(ImGuiCol_Text, c);
  text(ui, s);
  ImGui::PopStyleColor();
}

// A white field that opens typing into it when tapped; the chosen one has a border.
bool fieldButton(UiContext& ui, const std::string& id, const std::string& label, const std::string& value, bool chosen,
                 float width) {
  std::string shown = label + "：" + (value.empty() ? std::string(" ") : value);
  ImGui::PushStyleColor(ImGuiCol_Button, ui.c().panel);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui.c().panel);
  ImGui::PushStyleColor(ImGuiCol_Border, chosen ? ui.c().primary : ImVec4(0.7f, 0.7f, 0.7f, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.02f, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, chosen ? 3.0f : 1.0f);
  bool tapped = touchButton(ui, id, shown, ImVec2(width, ui.metrics.touch));
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(3);
  return tapped;
}

// The buttons of an inbox row, rightmost last: {verb, label key, tone}.
struct RowAction {
  const char* verb;
  const char* labelKey;
  Tone tone;
};

std::vector<RowAction> actionsOf(const InboxRow& r) {
  if (r.own || !r.decided.empty()) return {};  // four eyes: whoever asked does not decide
  if (r.kind == "file") return {{"return", "ui.approvals.return", Tone::Plain}, {"approve", "ui.approvals.approve", Tone::Primary}};
  if (r.kind == "change") {
    if (r.needsCustomer) return {{"reject", "ui.approvals.reject", Tone::Plain}};
    return {{"reject", "ui.approvals.reject", Tone::Plain}, {"approve", "ui.approvals.approve", Tone::Primary}};
  }
  if (r.kind == "query") return {{"refuse", "ui.approvals.refuse", Tone::Plain}, {"approve", "ui.approvals.allow", Tone::Primary}};
  if (r.kind == "loan") return {{"refuse", "ui.approvals.refuse", Tone::Plain}, {"approve", "ui.approvals.lend", Tone::Primary}};
  if (r.kind == "loan_approved") return {{"lent", "ui.approvals.handed_out", Tone::Primary}};
  if (r.kind == "loan_out") return {{"problem", "ui.approvals.problem", Tone::Plain}, {"ok", "ui.approvals.returned_ok", Tone::Primary}};
  return {};
}

}  // namespace

Intents ApprovalsScreen::draw(UiContext& ui, const ApprovalsView& v) {
  Intents out;
  if (v.details.open) return detailsForm(ui, v);
  if (v.notes.open) return notesForm(ui, v);
  const Metrics& m = ui.metrics;
  const float w = 210 * m.scale;
  auto tab = [&](ApprovalsTab t, const char* id, const std::string& label) {
    if (touchButton(ui, id, label, ImVec2(w, m.touch), v.tab == t ? Tone::Primary : Tone::Plain))
      act(out, ApprovalsShowTab{t});
  };
  tab(ApprovalsTab::Due, "approvals.tab.due", ui.t("ui.approvals.tab.due") + " (" + std::to_string(v.due.size()) + ")");
  if (v.mayReview) {
    ImGui::SameLine(0, m.gap);
    tab(ApprovalsTab::Inbox, "approvals.tab.inbox",
        ui.t("ui.approvals.tab.inbox") + " (" + std::to_string(v.inboxTotal) + ")");
  }
  const float right = ImGui::GetContentRegionMax().x;
  ImGui::SameLine(right - 2 * w * 0.7f - m.gap);
  if (touchButton(ui, "approvals.refresh", ui.t("ui.approvals.refresh"), ImVec2(w * 0.7f, m.touch)))
    act(out, ApprovalsRefresh{});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "approvals.back", ui.t("ui.nav.back"), ImVec2(w * 0.7f, m.touch))) add(out, Navigate{Screen::Home});
  if (!v.message.empty()) v.messageIsError ? alertText(ui, v.message) : colouredText(ui, v.message, kRunning);
  // The inbox's pager stays under the list, always in reach (the list scrolls).
  const bool pager = v.tab == ApprovalsTab::Inbox && v.inboxPages > 1;
  const float pagerH = m.touch + ImGui::GetStyle().ItemSpacing.y * 2 + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("approvals.list", ImVec2(0, pager ? -pagerH : 0.0f), false);
  dragToScroll();
  if (v.tab == ApprovalsTab::Due) dueList(ui, v, out);
  else inboxList(ui, v, out);
  ImGui::EndChild();
  if (pager) inboxPager(ui, v, out);
  return out;
}

// Each row: the countdown (red once overdue), what is due and for whom.
void ApprovalsScreen::dueList(UiContext& ui, const ApprovalsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float x0 = m.gap, rowH = m.touch + m.gap;
  if (v.due.empty()) {
    ImGui::SetCursorPos(ImVec2(x0, ImGui::GetCursorPosY() + m.gap));
    mutedText(ui, ui.t("ui.approvals.nothing_due"));
    return;
  }
  for (const DueRow& r : v.due) {
    const std::string id = "approvals.due." + r.kind + "." + r.id;
    ImVec2 start = ImGui::GetCursorPos();
    const float full = ImGui::GetContentRegionAvail().x;
    const float buttonsW = r.kind == "service" ? 0 : (r.kind == "dispute" ? 2 : 1) * (150 * m.scale + m.gap);
    if (r.kind == "service" &&
        touchRow(ui, id, ui.t("ui.approvals.kind." + r.kind) + " " + r.what, ImVec2(full, rowH)))
      act(out, ApprovalsOpenDue{r.kind, r.id});
    const float textY = start.y + (rowH - 2 * ImGui::GetTextLineHeight()) / 2;
    ImGui::SetCursorPos(ImVec2(x0, textY));
    colouredText(ui, r.countdown, r.overdue ? kOverdue : kRunning);
    ImGui::SetCursorPos(ImVec2(x0, textY + ImGui::GetTextLineHeight()));
    mutedText(ui, ui.t("ui.approvals.kind." + r.kind));
    const float col = x0 + 190 * m.scale;
    ImGui::SetCursorPos(ImVec2(col, textY));
    ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                        ImVec2(ImGui::GetWindowPos().x + full - buttonsW, ImGui::GetCursorScreenPos().y + rowH), true);
    text(ui, r.what + (r.customerName.empty() ? "" : "  ·  " + r.customerName));
    ImGui::SetCursorPos(ImVec2(col, textY + ImGui::GetTextLineHeight()));
    mutedText(ui, r.staff);
    ImGui::PopClipRect();
    if (r.kind != "service") {
      ImGui::SetCursorPos(ImVec2(full - buttonsW + m.gap, start.y + (rowH - m.touch) / 2));
      const float bw = 150 * m.scale;
      if (r.kind == "dispute") {
        if (touchButton(ui, id + ".reject", ui.t("ui.approvals.dispute_reject"), ImVec2(bw, m.touch)))
          act(out, ApprovalsDecide{r.kind, r.id, "reject"});
        ImGui::SameLine(0, m.gap);
        if (touchButton(ui, id + ".uphold", ui.t("ui.approvals.dispute_uphold"), ImVec2(bw, m.touch), Tone::Primary))
          act(out, ApprovalsDecide{r.kind, r.id, "uphold"});
      } else {
        // An open complaint's outcome; then telling the customer; then their satisfaction.
        const bool told = r.kind == "complaint_rating", resolved = told || r.kind == "complaint_feedback";
        const char* verb = told ? "rate" : resolved ? "feedback" : "resolve";
        const char* label = told ? "ui.approvals.ask_rating" : resolved ? "ui.approvals.tell_outcome" : "ui.approvals.record_outcome";
        if (touchButton(ui, id + "." + verb, ui.t(label), ImVec2(bw, m.touch), Tone::Primary))
          act(out, ApprovalsDecide{r.kind, r.id, verb});
      }
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + rowH));
    ImGui::Separator();
  }
}

// Each row: what waits (kind, file, customer), its detail, and the decisions.
void ApprovalsScreen::inboxList(UiContext& ui, const ApprovalsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float x0 = m.gap, rowH = m.touch + m.gap * 1.5f, bw = 140 * m.scale;
  if (v.inbox.empty()) {
    ImGui::SetCursorPos(ImVec2(x0, ImGui::GetCursorPosY() + m.gap));
    mutedText(ui, ui.t("ui.approvals.inbox_empty"));
    return;
  }
  for (const InboxRow& r : v.inbox) {
    const std::string id = "approvals." + r.kind + "." + r.id;
    const std::vector<RowAction> actions = actionsOf(r);
    ImVec2 start = ImGui::GetCursorPos();
    const float full = ImGui::GetContentRegionAvail().x;
    const bool note = r.needsCustomer || r.own || !r.decided.empty();
    const bool openable = r.customer != 0 && r.decided.empty();
    const float buttonsW = static_cast<float>(actions.size() + (openable ? 1 : 0)) * (bw + m.gap) + (note ? bw + m.gap : 0);
    const float textY = start.y + (rowH - 2 * ImGui::GetTextLineHeight()) / 2;
    ImVec2 clipA(ImGui::GetWindowPos().x, ImGui::GetWindowPos().y + start.y - ImGui::GetScrollY());
    ImGui::PushClipRect(clipA, ImVec2(clipA.x + full - buttonsW, clipA.y + rowH), true);
    ImGui::SetCursorPos(ImVec2(x0, textY));
    text(ui, r.headline + "  " + r.customerName);
    ImGui::SameLine(0, m.gap);
    r.overdue ? colouredText(ui, r.when + " " + ui.t("ui.approvals.overdue_flag"), kOverdue) : mutedText(ui, r.when);
    ImGui::SetCursorPos(ImVec2(x0, textY + ImGui::GetTextLineHeight()));
    mutedText(ui, r.detail);
    ImGui::PopClipRect();
    ImGui::SetCursorPos(ImVec2(full - buttonsW + m.gap, start.y + (rowH - m.touch) / 2));
    if (note) {
      // Contact details change only after the customer confirms them at the kiosk;
      // what this staff member asked for waits for someone else.
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + bw);
      if (!r.decided.empty()) colouredText(ui, r.decided, kRunning);
      else r.own ? mutedText(ui, ui.t("ui.approvals.own")) : colouredText(ui, ui.t("ui.approvals.needs_customer"), kOverdue);
      ImGui::PopTextWrapPos();
      ImGui::SetCursorPos(ImVec2(full - buttonsW + m.gap + bw + m.gap, start.y + (rowH - m.touch) / 2));
    }
    if (openable && touchButton(ui, id + ".open", ui.t("ui.counter.approvals.open"), ImVec2(bw, m.touch)))
      act(out, ApprovalsOpenRow{r.kind, r.id});
    for (std::size_t i = 0; i < actions.size(); ++i) {
      if (i > 0 || openable) ImGui::SameLine(0, m.gap);
      if (touchButton(ui, id + "." + actions[i].verb, ui.t(actions[i].labelKey), ImVec2(bw, m.touch), actions[i].tone))
        act(out, ApprovalsDecide{r.kind, r.id, actions[i].verb});
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + rowH));
    ImGui::Separator();
  }
}

// 上一页 · 第 2 / 3 页 · 下一页 under the rows.
void ApprovalsScreen::inboxPager(UiContext& ui, const ApprovalsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float bw = 160 * m.scale;
  // A page button with nowhere to go is not drawn (its place is kept).
  auto pageButton = [&](const char* id, const char* key, bool can, int delta) {
    if (!can) return ImGui::Dummy(ImVec2(bw, m.touch));
    if (touchButton(ui, id, ui.t(key), ImVec2(bw, m.touch))) act(out, ApprovalsInboxPage{delta});
  };
  pageButton("approvals.page.previous", "ui.counter.page.previous", v.inboxPage > 0, -1);
  ImGui::SameLine(0, m.gap * 2);
  std::string page = ui.t("ui.counter.page.of");
  page.replace(page.find("{n}"), 3, std::to_string(v.inboxPage + 1));
  page.replace(page.find("{of}"), 4, std::to_string(v.inboxPages));
  const float y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(y + (m.touch - ImGui::GetTextLineHeight()) / 2);  // level with the buttons
  text(ui, page);
  ImGui::SameLine(0, m.gap * 2);
  ImGui::SetCursorPosY(y);
  pageButton("approvals.page.next", "ui.counter.page.next", v.inboxPage + 1 < v.inboxPages, +1);
}

// The form's header row: what it is about, then Cancel and Save.
void ApprovalsScreen::formHeader(UiContext& ui, const std::string& title, const std::string& note, bool alert,
                                 Intents& out) {
  const Metrics& m = ui.metrics;
  const float bw = 150 * m.scale;
  const float right = ImGui::GetContentRegionMax().x;
  ImVec2 start = ImGui::GetCursorPos();
  ImGui::SetCursorPosY(start.y + (m.touch - ImGui::GetTextLineHeight()) / 2);
  text(ui, title);
  if (!note.empty()) {
    ImGui::SameLine(0, m.gap);
    colouredText(ui, note, alert ? kOverdue : kRunning);
  }
  ImGui::SetCursorPos(ImVec2(right - 2 * bw - m.gap, start.y));
  if (touchButton(ui, "approvals.form.cancel", ui.t("ui.approvals.cancel"), ImVec2(bw, m.touch))) act(out, ApprovalsFormCancel{});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "approvals.form.save", ui.t("ui.approvals.save"), ImVec2(bw, m.touch), Tone::Primary))
    act(out, ApprovalsFormSubmit{});
}

void ApprovalsScreen::keyboard(UiContext& ui, const ApprovalsView& v, Intents& out) {
  KeyboardInput k = pinyinKeyboard(ui, v.letters, v.candidates, ImGui::GetContentRegionAvail().x);
  if (!k.picked.empty()) act(out, ApprovalsFormPick{k.picked});
  else if (!k.keys.empty()) act(out, ApprovalsFormKeys{k.keys});
}

// Chips of ready phrases (common reasons, usual feedback) that fill the field.
void ApprovalsScreen::phrases(UiContext& ui, const std::vector<std::string>& list, Intents& out, const std::string& lit) {
  const Metrics& m = ui.metrics;
  const float right = ImGui::GetContentRegionMax().x;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const float w = ImGui::CalcTextSize(list[i].c_str()).x + m.gap * 2;
    if (i > 0) {
      ImGui::SameLine(0, m.gap * 0.5f);
      if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
    }
    if (touchButton(ui, "approvals.form.phrase." + std::to_string(i + 1), list[i], ImVec2(w, m.touch),
                    !lit.empty() && list[i] == lit ? Tone::Primary : Tone::Plain))
      act(out, ApprovalsFormPick{list[i]});
  }
}

Intents ApprovalsScreen::detailsForm(UiContext& ui, const ApprovalsView& v) {
  Intents out;
  const Metrics& m = ui.metrics;
  const DetailsForm& d = v.details;
  const float keyboardH = 5 * (m.touch + m.gap) + m.gap;
  ImGui::BeginChild("approvals.details", ImVec2(0, -keyboardH), false, ImGuiWindowFlags_NoBackground);
  formHeader(ui, ui.t("ui.approvals.details_title") + d.item + (d.customerName.empty() ? "" : " · " + d.customerName),
             d.countdown, d.overdue, out);
  if (!v.message.empty()) alertText(ui, v.message);
  const float full = ImGui::GetContentRegionAvail().x;
  // Duration: − 60 分钟 +
  ImVec2 row = ImGui::GetCursorPos();
  ImGui::SetCursorPosY(row.y + (m.touch - ImGui::GetTextLineHeight()) / 2);
  text(ui, ui.t("ui.approvals.duration"));
  ImGui::SetCursorPos(ImVec2(row.x + 130 * m.scale, row.y));
  if (touchButton(ui, "approvals.form.minus", "−5", ImVec2(80 * m.scale, m.touch))) act(out, ApprovalsFormMinutes{-5});
  ImGui::SameLine(0, m.gap);
  ImGui::SetCursorPosY(row.y + (m.touch - ImGui::GetTextLineHeight()) / 2);
  text(ui, std::to_string(d.minutes) + " " + ui.t("ui.approvals.minutes"));
  ImGui::SameLine(0, m.gap);
  ImGui::SetCursorPosY(row.y);
  if (touchButton(ui, "approvals.form.plus", "+5", ImVec2(80 * m.scale, m.touch))) act(out, ApprovalsFormMinutes{5});
  ImGui::SameLine(0, m.gap * 2);
  std::vector<std::string> ready;
  for (int i = 1; i <= 4; ++i)
    ready.push_back(ui.t(std::string(d.field == 0 ? "ui.approvals.effect." : "ui.approvals.feedback.") + std::to_string(i)));
  phrases(ui, ready, out);
  if (fieldButton(ui, "approvals.form.field0", ui.t("ui.approvals.effect"), d.effect, d.field == 0, full))
    act(out, ApprovalsFormField{0});
  if (fieldButton(ui, "approvals.form.field1", ui.t("ui.approvals.feedback"), d.feedback, d.field == 1, full))
    act(out, ApprovalsFormField{1});
  ImGui::EndChild();
  keyboard(ui, v, out);
  return out;
}

Intents ApprovalsScreen::notesForm(UiContext& ui, const ApprovalsView& v) {
  Intents out;
  const Metrics& m = ui.metrics;
  const NotesForm& n = v.notes;
  const float keyboardH = n.choiceOnly ? 0.0f : 5 * (m.touch + m.gap) + m.gap;
  ImGui::BeginChild("approvals.notes", ImVec2(0, -keyboardH), false, ImGuiWindowFlags_NoBackground);
  formHeader(ui, n.title, "", false, out);
  if (!v.message.empty()) alertText(ui, v.message);
  phrases(ui, n.reasons, out, n.choiceOnly ? n.text : "");
  if (n.choiceOnly) {
    ImGui::EndChild();
    return out;
  }
  const float full = ImGui::GetContentRegionAvail().x;
  if (fieldButton(ui, "approvals.form.field0", ui.t("ui.approvals.notes"), n.text, n.field == 0, full))
    act(out, ApprovalsFormField{0});
  if (n.twoFields && fieldButton(ui, "approvals.form.field1", n.secondLabel, n.second, n.field == 1, full))
    act(out, ApprovalsFormField{1});
  ImGui::EndChild();
  keyboard(ui, v, out);
  return out;
}

void addTexts(const ApprovalsView& v, std::vector<std::string>& out) {
  out.push_back(v.title);
  out.push_back(v.message);
  for (const auto* rows : {&v.due, &v.dueSoon})
    for (const DueRow& r : *rows) {
      out.push_back(r.customerName);
      out.push_back(r.what);
      out.push_back(r.staff);
      out.push_back(r.countdown);
    }
  for (const InboxRow& r : v.inbox) {
    out.push_back(r.customerName);
    out.push_back(r.headline);
    out.push_back(r.detail);
    out.push_back(r.when);
    out.push_back(r.decided);
  }
  for (const std::string* s : {&v.details.item, &v.details.customerName, &v.details.countdown, &v.details.effect,
                               &v.details.feedback, &v.notes.title, &v.notes.text, &v.notes.second,
                               &v.notes.secondLabel, &v.letters})
    out.push_back(*s);
  for (const std::string& s : v.notes.reasons) out.push_back(s);
  for (const std::string& s : v.candidates) out.push_back(s);
}

}  // namespace salon::ui

namespace salon::ui {

Intent dueSoonSection(UiContext& ui, const std::vector<DueRow>& rows, int total) {
  Intent out;
  if (rows.empty()) return out;
  const Metrics& m = ui.metrics;
  const float x0 = m.gap;
  ImGui::SetCursorPos(ImVec2(x0, ImGui::GetCursorPosY() + m.gap * 0.5f));
  text(ui, ui.t("ui.approvals.home_title") + " (" + std::to_string(total) + ")");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const DueRow& r = rows[i];
    ImVec2 start = ImGui::GetCursorPos();
    const std::string label = ui.t("ui.approvals.kind." + r.kind) + " " + r.what;
    if (touchRow(ui, "home.due." + std::to_string(i + 1), label, ImVec2(ImGui::GetContentRegionAvail().x, m.touch)))
      out = Navigate{Screen::Approvals};
    const float textY = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
    ImGui::SetCursorPos(ImVec2(x0, textY));
    const StateChip chip = stateChip(r.overdue ? "overdue" : "due");
    statusChip(ui, chip.icon, r.countdown, chip.fill);
    ImGui::SetCursorPos(ImVec2(x0 + 230 * m.scale, textY));
    text(ui, label + (r.customerName.empty() ? "" : "  ·  " + r.customerName));
    ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch));
    ImGui::Separator();
  }
  ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
  return out;
}

}  // namespace salon::ui
