#include "app/ui/palette.h"
#include "app/ui/screens.h"

#include <algorithm>
#include <vector>

namespace salon::ui {

// The search field; tapping it opens the on-screen keyboard.
Intent HomeScreen::searchBar(UiContext& ui, const SearchView& v) {
  Intent out;
  const Metrics& m = ui.metrics;
  std::string shown = v.query.empty() && v.letters.empty() ? ui.t("ui.home.search") : v.query + v.letters;
  ImGui::PushStyleColor(ImGuiCol_Button, ui.c().panel);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui.c().panel);
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.03f, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  if (touchButton(ui, "home.search", shown, ImVec2(ImGui::GetContentRegionAvail().x, m.touch))) out = OpenSearch{};
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  return out;
}

namespace {

Icon screenIcon(Screen s) {
  switch (s) {
    case Screen::Checkout: return Icon::Cart;
    case Screen::CustomerFile: return Icon::Person;
    case Screen::Members: return Icon::Members;
    case Screen::Approvals: return Icon::Inbox;
    case Screen::Settings: return Icon::Settings;
    case Screen::Appointments: return Icon::Event;
    case Screen::Reports: return Icon::Chart;
    default: return Icon::None;
  }
}

}  // namespace

// The ways out of the home screen: check-in, the screens this staff member may
// open (with what waits there), and switching user.
Intent HomeScreen::tiles(UiContext& ui, const HomeView& v) {
  struct Tile {
    std::string id, label;
    Intent intent;
    Tone tone = Tone::Plain;
    Icon icon = Icon::None;
  };
  std::vector<Tile> all{{"home.checkin", ui.t("ui.home.checkin"), Navigate{Screen::CheckIn}, Tone::Primary, Icon::CheckIn}};
  for (const HomeTile& t : v.tiles) {
    std::string label = ui.t(t.labelKey);
    if (t.badge > 0) label += " (" + std::to_string(t.badge) + ")";
    all.push_back({"home.tile." + t.labelKey.substr(t.labelKey.rfind('.') + 1), label, Navigate{t.screen}, Tone::Plain,
                   screenIcon(t.screen)});
  }
  all.push_back({"home.switch", ui.t("ui.home.switch_user"), LockKiosk{}, Tone::Plain, Icon::Lock});
  // Each tile as wide as its label needs; what is left over is shared out, and a
  // row that would overflow (a long language) goes on to the next line.
  const Metrics& m = ui.metrics;
  const float avail = ImGui::GetContentRegionAvail().x;
  std::vector<float> widths;
  float total = 0;
  for (const Tile& t : all) {
    const std::string shown = withIcon(ui, t.icon, t.label);
    widths.push_back(std::max(110 * m.scale, ImGui::CalcTextSize(shown.c_str()).x + 2 * m.gap));
    total += widths.back() + m.gap;
  }
  const float spare = total - m.gap < avail ? (avail - (total - m.gap)) / static_cast<float>(all.size()) : 0;
  Intent out;
  float x = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const float w = widths[i] + spare;
    if (i > 0 && x + w <= avail + 0.5f) ImGui::SameLine(0, m.gap);
    else if (i > 0) x = 0;
    if (touchButton(ui, all[i].id, all[i].label, ImVec2(w, m.touch), all[i].tone, all[i].icon)) out = all[i].intent;
    x += w + m.gap;
  }
  return out;
}

namespace {

// One tappable list row of up to four cells; the last one muted, or a chip when
// `chip` has a colour.
bool listRow(UiContext& ui, const ListColumns& cols, const std::string& id, const std::string* cells[4], StateChip chip = {}) {
  const Metrics& m = ui.metrics;
  ImVec2 start = ImGui::GetCursorPos();
  bool tapped = touchRow(ui, id, *cells[1], ImVec2(ImGui::GetContentRegionAvail().x, m.touch));
  float textY = start.y + (m.touch - ImGui::GetTextLineHeight()) / 2;
  for (int i = 0; i < 4; ++i) {
    if (!cells[i]) continue;
    ImGui::SetCursorPos(ImVec2(cols.x[i], textY));
    if (i < 3) text(ui, *cells[i]);
    else if (chip.fill) statusChip(ui, chip.icon, *cells[i], chip.fill);
    else mutedText(ui, *cells[i]);
  }
  ImGui::SetCursorPos(ImVec2(start.x, start.y + m.touch));
  ImGui::Separator();
  return tapped;
}

// Online bookings waiting for the store's answer: when, who, what, the minutes
// left (red under five), and 确认 / 婉拒 at the row's end.
Intent holdsSection(UiContext& ui, const HomeView& v, const ListColumns& cols) {
  Intent out;
  if (v.holds.empty() && v.holdMessage.empty()) return out;
  const Metrics& m = ui.metrics;
  ImGui::SetCursorPos(ImVec2(cols.x[0], ImGui::GetCursorPosY() + m.gap * 0.5f));
  text(ui, ui.t("ui.home.holds") + " (" + std::to_string(v.holds.size()) + ")");
  if (!v.holdMessage.empty()) {
    ImGui::SameLine(0, m.gap * 2);
    messageText(ui, v.holdMessage, v.holdMessageIsError);
  }
  const std::string& yes = ui.t("ui.home.hold_confirm");
  const std::string& no = ui.t("ui.home.hold_decline");
  const float widest = std::max(ImGui::CalcTextSize(yes.c_str()).x, ImGui::CalcTextSize(no.c_str()).x);
  const float buttonW = std::max(100 * m.scale, widest + 2 * m.gap);
  const float right = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < v.holds.size(); ++i) {
    const HomeHold& h = v.holds[i];
    // Two lines left of the buttons (who and when; what and the time left), clipped
    // so a long name never runs under 确认.
    const float y = ImGui::GetCursorPosY(), lineH = ImGui::GetTextLineHeightWithSpacing();
    const float rowH = std::max(m.touch, 2 * lineH), buttonsX = right - 2 * buttonW - m.gap;
    const ImVec2 clip0 = ImGui::GetCursorScreenPos();
    ImGui::PushClipRect(clip0, ImVec2(clip0.x + buttonsX - cols.x[0] - m.gap, clip0.y + rowH), true);
    ImGui::SetCursorPos(ImVec2(cols.x[0], y + (rowH - 2 * lineH) / 2));
    text(ui, h.time + "   " + h.name);
    ImGui::SetCursorPosX(cols.x[0]);
    mutedText(ui, h.detail + "   ");
    ImGui::SameLine(0, 0);
    h.urgent ? alertText(ui, h.left) : mutedText(ui, h.left);
    ImGui::PopClipRect();
    const std::string n = std::to_string(i + 1);
    ImGui::SetCursorPos(ImVec2(buttonsX, y + (rowH - m.touch) / 2));
    if (touchButton(ui, "home.hold." + n + ".decline", no, ImVec2(buttonW, m.touch))) out = DecideOnlineHold{h.id, false};
    ImGui::SameLine(0, m.gap);
    if (touchButton(ui, "home.hold." + n + ".confirm", yes, ImVec2(buttonW, m.touch), Tone::Primary))
      out = DecideOnlineHold{h.id, true};
    ImGui::SetCursorPos(ImVec2(cols.x[0], y + rowH + m.gap * 0.25f));
    ImGui::Separator();
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  return out;
}

// Head office turned offline overdraws into arrears: who, how much, what they owe
// now; a tap opens the checkout for them (arrears are collected there).
Intent overdrawsSection(UiContext& ui, const HomeView& v, const ListColumns& cols) {
  Intent out;
  if (v.overdraws.empty()) return out;
  const Metrics& m = ui.metrics;
  ImGui::SetCursorPos(ImVec2(cols.x[0], ImGui::GetCursorPosY() + m.gap * 0.5f));
  alertText(ui, ui.t("ui.home.overdraws") + " (" + std::to_string(v.overdraws.size()) + ")");
  for (std::size_t i = 0; i < v.overdraws.size(); ++i) {
    const HomeOverdraw& o = v.overdraws[i];
    const std::string amount = ui.t("ui.home.overdraw_amount") + " ¥" + o.arrears;
    const std::string owes = ui.t("ui.home.overdraw_owes") + " ¥" + o.owes;
    const std::string* cells[4] = {&o.when, &o.name, &amount, &owes};
    if (listRow(ui, cols, "home.overdraw." + std::to_string(i + 1), cells)) out = Navigate{Screen::Checkout, o.customer};
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  return out;
}

// Today's lists: recording deadlines due soon, the appointments, the check-in queue.
Intent todayLists(UiContext& ui, const HomeView& v, const ListColumns& cols) {
  const Metrics& m = ui.metrics;
  const float x0 = cols.x[0];
  Intent out = holdsSection(ui, v, cols);
  if (Intent o = overdrawsSection(ui, v, cols); !std::holds_alternative<std::monostate>(o)) out = o;
  if (Intent due = dueSoonSection(ui, v.dueSoon, v.dueTotal); !std::holds_alternative<std::monostate>(due)) out = due;
  if (!v.appointments.empty()) {
    ImGui::SetCursorPos(ImVec2(x0, ImGui::GetCursorPosY() + m.gap * 0.5f));
    text(ui, ui.t("ui.home.appointments") + " (" + std::to_string(v.appointments.size()) + ")");
    for (std::size_t i = 0; i < v.appointments.size(); ++i) {
      const HomeAppointment& a = v.appointments[i];
      const std::string* cells[4] = {&a.time, &a.name, &a.detail, &ui.t(a.stateKey)};
      if (listRow(ui, cols, "home.appointment." + std::to_string(i + 1), cells, stateChip(a.stateKey)))
        out = Navigate{Screen::Appointments};
    }
    ImGui::Dummy(ImVec2(0, m.gap));
  }
  ImGui::SetCursorPos(ImVec2(x0, ImGui::GetCursorPosY() + m.gap * 0.5f));
  text(ui, ui.t("ui.home.queue") + " (" + std::to_string(v.queue.size()) + ")");
  if (v.queue.empty()) {
    ImGui::SetCursorPosX(x0);
    mutedText(ui, ui.t("ui.home.queue_empty"));
  }
  for (const QueueRow& q : v.queue) {
    const std::string* cells[4] = {&q.time, &q.name, &ui.t(q.methodKey), &ui.t(q.stateKey)};
    // Whoever is waiting is who the cashier settles for next.
    if (listRow(ui, cols, "home.queue." + std::to_string(q.customer), cells, stateChip(q.stateKey)))
      out = Navigate{Screen::Checkout, q.customer};
  }
  ImGui::Dummy(ImVec2(0, m.gap));
  return out;
}

}  // namespace

Intent HomeScreen::draw(UiContext& ui, const HomeView& v) {
  Intent out;
  const Metrics& m = ui.metrics;
  const bool typing = v.search.open;
  if (!typing) {
    bigText(ui, ui.t("ui.home.title"));
    out = tiles(ui, v);
  }
  if (Intent s = searchBar(ui, v.search); !std::holds_alternative<std::monostate>(s)) out = s;
  const float keyboardH = typing ? 5 * (m.touch + m.gap) + m.gap : 0;
  ImGui::BeginChild("today", ImVec2(0, -keyboardH), false);
  dragToScroll();
  const ListColumns cols = listColumns(m, ImGui::GetContentRegionAvail().x);
  const float x0 = cols.x[0];
  const bool searching = !v.search.query.empty();
  // Recording deadlines due soon, then today's queue; a search shows only its results.
  if (!searching)
    if (Intent t = todayLists(ui, v, cols); !std::holds_alternative<std::monostate>(t)) out = t;
  ImGui::SetCursorPos(ImVec2(x0, ImGui::GetCursorPosY() + (searching ? m.gap * 0.5f : 0)));
  text(ui, ui.t(searching ? "ui.home.results" : "home.customers"));
  if (v.customers.empty()) {
    ImGui::SetCursorPosX(x0);
    mutedText(ui, ui.t(searching ? "ui.home.no_results" : "home.no_customers"));
  }
  for (const CustomerRow& c : v.customers) {
    const std::string* cells[4] = {&c.fileNo, &c.name, &c.maskedPhone, &ui.t(c.statusKey)};
    if (listRow(ui, cols, "home.row." + c.fileNo, cells)) out = Navigate{Screen::CustomerFile, c.id};
  }
  ImGui::EndChild();
  if (typing) {
    KeyboardInput k = pinyinKeyboard(ui, v.search.letters, v.search.candidates, ImGui::GetContentRegionAvail().x);
    if (!k.picked.empty()) out = PickCandidate{k.picked};
    else if (!k.keys.empty()) out = KeyboardKeys{k.keys};
  }
  return out;
}

}  // namespace salon::ui
