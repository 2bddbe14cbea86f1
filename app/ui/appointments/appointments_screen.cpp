#include "app/ui/appointments/appointments_screen.h"

#include <algorithm>
#include <iterator>

namespace salon::ui {

using namespace appointment_book;

namespace {

struct TabDef {
  AppointmentsTab tab;
  const char* id;
  const char* key;
};
const TabDef kTabs[] = {
    {AppointmentsTab::Day, "appointments.tab.day", "ui.appointments.tab.day"},
    {AppointmentsTab::Week, "appointments.tab.week", "ui.appointments.tab.week"},
    {AppointmentsTab::Book, "appointments.tab.book", "ui.appointments.tab.book"},
    {AppointmentsTab::Calls, "appointments.tab.calls", "ui.appointments.tab.calls"},
    {AppointmentsTab::Briefing, "appointments.tab.briefing", "ui.appointments.tab.briefing"},
    {AppointmentsTab::Care, "appointments.tab.care", "ui.appointments.tab.care"},
    {AppointmentsTab::Boarding, "appointments.tab.boarding", "ui.appointments.tab.boarding"},
};

// Choices as a row of buttons that wraps at `width`; returns the code tapped.
const Choice* chips(UiContext& ui, const std::string& idPrefix, const std::vector<Choice>& choices, float width) {
  const Metrics& m = ui.metrics;
  const Choice* tapped = nullptr;
  float x0 = ImGui::GetCursorPosX(), x = x0;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    const Choice& c = choices[i];
    float w = std::max(72 * m.scale, ImGui::CalcTextSize(c.label.c_str()).x + m.gap * 2);
    if (i > 0) {
      if (x + m.gap * 0.5f + w > x0 + width) {
        x = x0;
      } else {
        ImGui::SameLine(0, m.gap * 0.5f);
        x += m.gap * 0.5f;
      }
    }
    if (touchButton(ui, idPrefix + "." + (c.code.empty() ? "any" : c.code), c.label, ImVec2(w, m.small),
                    c.chosen ? Tone::Primary : Tone::Plain))
      tapped = &c;
    x += w;
  }
  return tapped;
}

// A label on the left and its choices beside it: the booking form fits the screen.
const Choice* labelledChips(UiContext& ui, const std::string& label, const std::string& idPrefix,
                            const std::vector<Choice>& choices, float width) {
  const float labelW = 110 * ui.metrics.scale;
  ImGui::Dummy(ImVec2(0, ui.metrics.gap * 0.3f));
  float y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(y + (ui.metrics.small - ImGui::GetTextLineHeight()) / 2);
  mutedText(ui, label);
  ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + labelW, y));
  ImGui::BeginGroup();
  const Choice* c = chips(ui, idPrefix, choices, width - labelW);
  ImGui::EndGroup();
  return c;
}

void sectionTitle(UiContext& ui, const std::string& s) {
  ImGui::Dummy(ImVec2(0, ui.metrics.gap * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Text, ui.c().accent);
  text(ui, s);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

}  // namespace

Intents AppointmentsScreen::draw(UiContext& ui, const AppointmentsView& v) {
  Intents out;
  tabs(ui, v, out);
  // Its own line, shown or not: a message never moves the rows under a finger.
  messageLine(ui, "appointments.message", v.message, v.messageIsError);
  switch (v.tab) {
    case AppointmentsTab::Day: day(ui, v, out); break;
    case AppointmentsTab::Week: week(ui, v, out); break;
    case AppointmentsTab::Book: booking(ui, v, out); break;
    default: work(ui, v, out); break;
  }
  return out;
}

void AppointmentsScreen::tabs(UiContext& ui, const AppointmentsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float n = static_cast<float>(std::size(kTabs) + 1);  // and the back button
  float w = (ImGui::GetContentRegionAvail().x - m.gap * (n - 1)) / n;
  for (const TabDef& t : kTabs) {
    if (touchButton(ui, t.id, ui.t(t.key), ImVec2(w, m.touch), v.tab == t.tab ? Tone::Primary : Tone::Plain))
      add(out, ShowTab{t.tab});
    ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "appointments.back", ui.t("ui.nav.back"), ImVec2(w, m.touch))) add(out, Navigate{Screen::Home});
}

void AppointmentsScreen::day(UiContext& ui, const AppointmentsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = 150 * m.scale;
  if (touchButton(ui, "appointments.prev", ui.t("ui.appointments.prev_day"), ImVec2(w, m.touch))) add(out, ShiftDay{-1});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "appointments.today", ui.t("ui.appointments.today"), ImVec2(w, m.touch),
                  v.day.today ? Tone::Primary : Tone::Plain))
    add(out, ShiftDay{0});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "appointments.next", ui.t("ui.appointments.next_day"), ImVec2(w, m.touch))) add(out, ShiftDay{1});
  ImGui::SameLine(0, m.gap * 2);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (m.touch - m.bigSize) / 2);
  bigText(ui, v.day.dateLabel);
  const bool panel = !v.chosen.id.empty() || !v.chosenStaff.empty();
  const float panelH = panel ? m.touch * 2 + m.gap * 2 : 0;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  grid_.draw(ui, v.day, v.chosen.id, ImVec2(avail.x, avail.y - panelH - m.gap * 0.5f), out);
  if (!v.chosen.id.empty()) {
    text(ui, v.chosen.title);
    mutedText(ui, v.chosen.detail);
    if (v.chosen.mayCheckIn) {
      if (touchButton(ui, "appointments.check_in", ui.t("ui.appointments.check_in"), ImVec2(220 * m.scale, m.compact),
                      Tone::Primary))
        add(out, CheckInBlock{v.chosen.id});
      ImGui::SameLine(0, m.gap);
    }
    if (v.chosen.mayNoShow &&
        touchButton(ui, "appointments.no_show",
                    ui.t(v.chosen.confirmNoShow ? "ui.appointments.confirm_no_show" : "ui.appointments.no_show"),
                    ImVec2(220 * m.scale, m.compact), v.chosen.confirmNoShow ? Tone::Danger : Tone::Plain))
      add(out, NoShowBlock{v.chosen.id});
  } else if (!v.chosenStaff.empty()) {
    std::string name = v.chosenStaff;
    for (const BookColumn& c : v.day.columns)
      if (c.staff == v.chosenStaff) name = c.name;
    text(ui, name);
    if (touchButton(ui, "appointments.week_of", ui.t("ui.appointments.week_of"), ImVec2(220 * m.scale, m.compact)))
      add(out, ShowWeek{v.chosenStaff});
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "appointments.absent",
                    ui.t(v.confirmAbsent ? "ui.appointments.confirm_absent" : "ui.appointments.mark_absent"),
                    ImVec2(300 * m.scale, m.compact), v.confirmAbsent ? Tone::Danger : Tone::Plain))
      add(out, MarkAbsent{v.chosenStaff});
  }
}

void AppointmentsScreen::week(UiContext& ui, const AppointmentsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const float w = 150 * m.scale;
  if (touchButton(ui, "appointments.prev_week", ui.t("ui.appointments.prev_week"), ImVec2(w, m.touch))) add(out, ShiftDay{-7});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "appointments.this_week", ui.t("ui.appointments.today"), ImVec2(w, m.touch))) add(out, ShiftDay{0});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "appointments.next_week", ui.t("ui.appointments.next_week"), ImVec2(w, m.touch))) add(out, ShiftDay{7});
  ImGui::SameLine(0, m.gap * 2);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (m.touch - m.textSize) / 2);
  text(ui, v.week.staffName + "  " + v.week.rangeLabel);
  // Whose week: one chip per staff member of the day book.
  std::vector<Choice> staff;
  for (const BookColumn& c : v.day.columns) staff.push_back({c.staff, c.name, c.staff == v.week.staff});
  ImGui::BeginChild("appointments.week.staff", ImVec2(0, m.small + m.gap), false, ImGuiWindowFlags_HorizontalScrollbar);
  for (std::size_t i = 0; i < staff.size(); ++i) {
    if (i) ImGui::SameLine(0, m.gap * 0.5f);
    float cw = std::max(88 * m.scale, ImGui::CalcTextSize(staff[i].label.c_str()).x + m.gap * 2);
    if (touchButton(ui, "appointments.week.staff." + staff[i].code, staff[i].label, ImVec2(cw, m.small),
                    staff[i].chosen ? Tone::Primary : Tone::Plain))
      add(out, ShowWeek{staff[i].code});
  }
  dragToScroll();
  ImGui::EndChild();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const float colW = (avail.x - m.gap * 6) / 7;
  for (std::size_t d = 0; d < v.week.days.size(); ++d) {
    const WeekDayColumn& day = v.week.days[d];
    if (d) ImGui::SameLine(0, m.gap);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, day.today ? ImVec4(1.0f, 0.96f, 0.92f, 1) : ImVec4(1, 1, 1, 1));
    ImGui::BeginChild(("appointments.week.day" + std::to_string(d)).c_str(), ImVec2(colW, avail.y), true);
    text(ui, day.label);
    ImGui::Separator();
    ImGui::PushTextWrapPos(0);
    if (day.lines.empty()) mutedText(ui, ui.t("ui.appointments.none"));
    for (const std::string& l : day.lines) {
      text(ui, l);
      ImGui::Dummy(ImVec2(0, m.gap * 0.3f));
    }
    ImGui::PopTextWrapPos();
    dragToScroll();
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
}

// 寄养 on the booking form: the pet, a free kennel and the nights from the day shown.
void AppointmentsScreen::stayForm(UiContext& ui, const BookingForm& b, float inner, Intents& out) {
  if (const Choice* c = labelledChips(ui, ui.t("ui.appointments.pet"), "appointments.book.pet", b.pets, inner))
    add(out, BookingPick{BookingPick::Pet, c->code});
  mutedText(ui, ui.t("ui.boarding.check_in_day") + "  " + b.dayLabel);
  if (const Choice* c = labelledChips(ui, ui.t("ui.boarding.nights_label"), "appointments.book.nights", b.nights, inner))
    add(out, BookingPick{BookingPick::Nights, c->code});
  if (b.kennels.empty()) mutedText(ui, ui.t("ui.boarding.no_kennel"));
  else if (const Choice* c = labelledChips(ui, ui.t("ui.boarding.kennel"), "appointments.book.kennel", b.kennels, inner))
    add(out, BookingPick{BookingPick::Kennel, c->code});
}

void AppointmentsScreen::booking(UiContext& ui, const AppointmentsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  const BookingForm& b = v.booking;
  const float padW = 300 * m.scale;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("appointments.book.left", ImVec2(padW, avail.y), false, ImGuiWindowFlags_NoScrollbar);
  text(ui, ui.t("ui.appointments.customer_phone"));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("appointments.book.digits", ImVec2(padW, m.textSize + m.gap * 2), true, ImGuiWindowFlags_NoScrollbar);
  text(ui, b.phoneDigits.empty() ? " " : b.phoneDigits);
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, 2));
  std::string keys = keypad(ui, "appointments.book.key", padW, ui.t("ui.appointments.find"));
  ImGui::PopStyleVar();
  if (!keys.empty()) add(out, BookingKeys{keys});
  ImGui::EndChild();
  ImGui::SameLine(0, m.gap * 2);
  const float rightW = avail.x - padW - m.gap * 2;
  ImGui::BeginChild("appointments.book.right", ImVec2(rightW, avail.y), false);
  const float inner = rightW - m.gap * 2;
  if (const Choice* c = chips(ui, "appointments.book.kind", b.kinds, inner)) add(out, BookingPick{BookingPick::Kind, c->code});
  if (b.customer) text(ui, b.customerLine);
  else mutedText(ui, b.customerLine.empty() ? ui.t("ui.appointments.find_first") : b.customerLine);
  // What will be booked, and the button, stay at the top where they are seen.
  if (b.ready) {
    const std::string confirm = ui.t(b.boarding ? "ui.boarding.confirm" : "ui.appointments.confirm_booking");
    if (touchButton(ui, "appointments.book.confirm", confirm, ImVec2(220 * m.scale, m.touch), Tone::Primary))
      add(out, ConfirmBooking{});
    ImGui::SameLine(0, m.gap * 2);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (m.touch - ImGui::GetTextLineHeight()) / 2);
  }
  if (!b.summary.empty()) {
    ImGui::PushTextWrapPos(0.0f);  // beside 确认寄养 on a narrow screen: wrapped at the panel's edge, not cut
    text(ui, b.summary);
    ImGui::PopTextWrapPos();
  }
  if (b.boarding) {
    stayForm(ui, b, inner, out);
    dragToScroll();
    ImGui::EndChild();
    return;
  }
  if (!b.pets.empty())
    if (const Choice* c = labelledChips(ui, ui.t("ui.appointments.pet"), "appointments.book.pet", b.pets, inner))
      add(out, BookingPick{BookingPick::Pet, c->code});
  if (const Choice* c = labelledChips(ui, ui.t("ui.appointments.services"), "appointments.book.service", b.services, inner))
    add(out, BookingPick{BookingPick::Service, c->code});
  if (const Choice* c = labelledChips(ui, ui.t("ui.appointments.staff"), "appointments.book.staff", b.staff, inner))
    add(out, BookingPick{BookingPick::Staff, c->code});
  if (const Choice* c = labelledChips(ui, ui.t("ui.appointments.channel"), "appointments.book.channel", b.channels, inner))
    add(out, BookingPick{BookingPick::Channel, c->code});
  mutedText(ui, ui.t("ui.appointments.start") + "  " + b.dayLabel);
  if (const Choice* c = chips(ui, "appointments.book.time", b.times, inner)) add(out, BookingPick{BookingPick::Time, c->code});
  dragToScroll();
  ImGui::EndChild();
}

namespace {

// An opened row with one step (寄养: check in or out; 活动: 到场).
void rowAction(UiContext& ui, const WorkRow& r, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Indent(m.gap * 2);
  if (touchButton(ui, "appointments.act." + r.action, r.actionLabel, ImVec2(220 * m.scale, m.touch), Tone::Primary))
    add(out, RowAction{r.key});
  ImGui::Unindent(m.gap * 2);
}

// An opened care row: the note and score pickers and how the call went.
void openRow(UiContext& ui, const AppointmentsView& v, const WorkRow& r, float width, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::Indent(m.gap * 2);
  if (!v.notes.empty()) {
    mutedText(ui, ui.t("ui.appointments.note"));
    if (const Choice* c = chips(ui, "appointments.note", v.notes, width - m.gap * 4)) add(out, PickNote{c->label});
    // The row's own words, typed on the keyboard below the list (the note shows there too).
    if (!v.writingNote && touchButton(ui, "appointments.note.write", ui.t("ui.appointments.note_write"),
                                      ImVec2(160 * m.scale, m.touch)))
      add(out, WriteNote{});
    if (!v.note.empty()) {
      ImGui::SameLine(0, m.gap);
      ImGui::PushTextWrapPos(width - m.gap * 4);
      text(ui, ui.t("ui.appointments.note_prefix") + v.note);
      ImGui::PopTextWrapPos();
    }
  }
  if (r.needsScore) {
    mutedText(ui, ui.t("ui.appointments.satisfaction_question"));
    if (const Choice* c = chips(ui, "appointments.score", v.scores, width - m.gap * 4))
      add(out, PickScore{std::stoi(c->code)});
  }
  const ImVec2 bw(200 * m.scale, m.compact);
  if (touchButton(ui, "appointments.contact.phone", ui.t("ui.appointments.called"), bw, Tone::Primary))
    add(out, RecordContact{"done", "phone"});
  ImGui::SameLine(0, m.gap);
  if (r.mayMessage) {
    if (touchButton(ui, "appointments.contact.message", ui.t("ui.appointments.messaged"), bw))
      add(out, RecordContact{"done", "sms"});
    ImGui::SameLine(0, m.gap);
  }
  if (touchButton(ui, "appointments.contact.no_answer", ui.t("ui.appointments.no_answer"), bw))
    add(out, RecordContact{"no_answer", "phone"});
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "appointments.contact.skip", ui.t("ui.appointments.skip"), bw))
    add(out, RecordContact{"skipped", "phone"});
  if (!r.mayMessage) mutedText(ui, ui.t("ui.appointments.no_marketing"));
  ImGui::Unindent(m.gap * 2);
}

}  // namespace

void AppointmentsScreen::work(UiContext& ui, const AppointmentsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  if (v.tab == AppointmentsTab::Care) {
    // Each list's chip as wide as its name (wrapping on a narrow screen).
    if (const Choice* c = chips(ui, "appointments.care", v.careLists, ImGui::GetContentRegionAvail().x))
      add(out, ChooseCareList{c->code});
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Under the list: the note with its 写好了, the candidate bar and four rows of keys.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float keyboardH = (m.gap * 0.5f + m.touch + spacing) + (m.touch + m.gap + spacing) + 4 * (m.touch + spacing) + spacing;
  if (v.writingNote) avail.y = std::max(avail.y - keyboardH, 1.0f);  // on a short screen the list gives way
  ImGui::BeginChild("appointments.work", avail, false);
  const float width = ImGui::GetContentRegionAvail().x;
  for (std::size_t s = 0; s < v.sections.size(); ++s) {
    const WorkSection& sec = v.sections[s];
    sectionTitle(ui, sec.title + " (" + std::to_string(sec.rows.size()) + ")");
    if (sec.rows.empty()) mutedText(ui, sec.empty);
    for (const WorkRow& r : sec.rows) {
      float lines = 1 + !r.detail.empty() + !r.alert.empty();
      float h = std::max(m.touch, lines * ImGui::GetTextLineHeightWithSpacing() + m.gap);
      const float rowTop = ImGui::GetCursorPosY();
      if (r.open && v.writingNote) ImGui::SetScrollHereY(0.0f);  // the row being noted stays in sight above the keyboard
      if (touchRow(ui, "appointments.row." + r.key, r.title, ImVec2(width, h))) add(out, OpenWorkRow{r.key});
      ImGui::BeginGroup();
      ImGui::PushTextWrapPos(width - 160 * m.scale);
      text(ui, r.title);
      if (!r.detail.empty()) mutedText(ui, r.detail);
      if (!r.alert.empty()) alertText(ui, r.alert);
      ImGui::PopTextWrapPos();
      ImGui::EndGroup();
      if (!r.status.empty()) {
        ImGui::SameLine(width - 150 * m.scale);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.c().ok);
        text(ui, r.status);
        ImGui::PopStyleColor();
      }
      ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), rowTop + h));
      if (r.open && !r.action.empty()) rowAction(ui, r, out);
      else if (r.open) openRow(ui, v, r, width, out);
      ImGui::Separator();
    }
  }
  if (v.more && touchButton(ui, "appointments.more", ui.t("ui.appointments.more"), ImVec2(240 * m.scale, m.touch)))
    add(out, MoreRows{});
  dragToScroll();
  ImGui::EndChild();
  if (v.writingNote) {
    const float w = ImGui::GetContentRegionAvail().x, doneW = 160 * m.scale;
    const float y = ImGui::GetCursorPosY() + m.gap * 0.5f;
    ImGui::SetCursorPosY(y + (m.touch - ImGui::GetTextLineHeight()) / 2);
    ImGui::PushClipRect(ImGui::GetCursorScreenPos(), ImVec2(ImGui::GetCursorScreenPos().x + w - doneW - m.gap, 1e6f), true);
    text(ui, ui.t("ui.appointments.note_prefix") + v.note + v.noteLetters + "|");
    ImGui::PopClipRect();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorStartPos().x + w - doneW, y));
    if (touchButton(ui, "appointments.note.done", ui.t("ui.appointments.note_done"), ImVec2(doneW, m.touch), Tone::Primary))
      add(out, WriteNote{});
    KeyboardInput k = pinyinKeyboard(ui, v.noteLetters, v.noteCandidates, ImGui::GetContentRegionAvail().x);
    if (!k.picked.empty()) add(out, NotePick{k.picked});
    else if (!k.keys.empty()) add(out, NoteKeys{k.keys});
  }
}

void addTexts(const AppointmentsView& v, std::vector<std::string>& out) {
  out.push_back(v.title);
  out.push_back(v.message);
  out.push_back(v.day.dateLabel);
  for (const BookColumn& c : v.day.columns) out.push_back(c.name);
  for (const BookBlock& b : v.day.blocks) {
    out.push_back(b.customer);
    out.push_back(b.services);
    out.push_back(b.stateLabel);
  }
  out.push_back(v.chosen.title);
  out.push_back(v.chosen.detail);
  out.push_back(v.week.staffName);
  out.push_back(v.week.rangeLabel);
  for (const WeekDayColumn& d : v.week.days) {
    out.push_back(d.label);
    out.insert(out.end(), d.lines.begin(), d.lines.end());
  }
  const BookingForm& b = v.booking;
  out.push_back(b.customerLine);
  out.push_back(b.dayLabel);
  out.push_back(b.summary);
  for (const auto* list : {&b.pets, &b.services, &b.staff, &b.channels, &b.times, &b.kinds, &b.kennels, &b.nights,
                           &v.careLists, &v.notes, &v.scores})
    for (const Choice& c : *list) out.push_back(c.label);
  out.push_back(v.note);
  out.insert(out.end(), v.noteCandidates.begin(), v.noteCandidates.end());
  for (const WorkSection& s : v.sections) {
    out.push_back(s.title);
    out.push_back(s.empty);
    for (const WorkRow& r : s.rows)
      for (const std::string* t : {&r.title, &r.detail, &r.alert, &r.status, &r.actionLabel}) out.push_back(*t);
  }
}

}  // namespace salon::ui
