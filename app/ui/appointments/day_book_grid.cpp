#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/ui/appointments/appointments_screen.h"
#include "app/ui/palette.h"

namespace salon::ui {

using namespace appointment_book;

namespace {

constexpr int kSnapMinutes = 15;
// A finger that rests this long on a booked appointment picks it up; one that
// moves sooner scrolls the book (a full day leaves little empty space to drag).
constexpr float kHoldSeconds = 0.35f;
constexpr ImU32 kInk = IM_COL32(60, 54, 50, 255);

std::string clockText(int minute) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
  return buf;
}

// The state's band down the block's left edge (the block itself takes its
// service category's colour).
ImU32 bandOf(const std::string& state) {
  if (state == "checked_in") return IM_COL32(56, 142, 74, 255);
  if (state == "completed") return IM_COL32(150, 146, 142, 255);
  if (state == "no_show") return IM_COL32(200, 60, 50, 255);
  return IM_COL32(70, 118, 186, 255);  // booked
}

}  // namespace

struct DayBookGrid::Geometry {
  float headerH, gutterW, colW, perMinute;
  ImVec2 origin;  // the child's top-left on screen
  ImVec2 size;
  float scrollX, scrollY;
  int open;
  float bodyLeft() const { return origin.x + gutterW; }
  float bodyTop() const { return origin.y + headerH; }
  float bodyRight() const { return origin.x + size.x; }
  float bodyBottom() const { return origin.y + size.y; }
  float colX(int c) const { return bodyLeft() - scrollX + static_cast<float>(c) * colW; }
  float minuteY(int m) const { return bodyTop() - scrollY + static_cast<float>(m - open) * perMinute; }
};

namespace {

void textIn(UiContext& ui, ImDrawList* dl, ImVec2 at, const std::string& s, ImU32 colour, const ImVec4& clip) {
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, colour, s.c_str(), s.c_str() + s.size(), 0, &clip);
  ui.record.text(s);
}

void drawBlock(UiContext& ui, ImDrawList* dl, const BookBlock& b, ImVec2 a, ImVec2 z, bool chosen, bool faded) {
  const Swatch colour = categorySwatch(b.category);
  auto fade = [faded](ImU32 c) { return faded ? (c & ~IM_COL32_A_MASK) | (0x60u << IM_COL32_A_SHIFT) : c; };
  const float band = 6;
  dl->AddRectFilled(a, z, fade(colour.soft), 6);
  dl->AddRectFilled(a, ImVec2(a.x + band, z.y), fade(bandOf(b.state)), 6, ImDrawFlags_RoundCornersLeft);
  dl->AddRect(a, z, chosen ? IM_COL32(158, 92, 77, 255) : fade(colour.strong), 6, 0, chosen ? 3.0f : 1.0f);
  const float line = ImGui::GetFontSize(), x = a.x + band + 4;
  ImVec4 clip(a.x + 4, a.y + 2, z.x - 4, z.y - 2);
  ImU32 ink = IM_COL32(40, 36, 34, faded ? 120 : 255), muted = IM_COL32(90, 82, 78, faded ? 120 : 255);
  textIn(ui, dl, ImVec2(x, a.y + 3), (b.homeVisit ? "⌂ " : "") + b.customer, ink, clip);
  if (z.y - a.y > line * 2) textIn(ui, dl, ImVec2(x, a.y + 3 + line), b.services, muted, clip);
  if (z.y - a.y > line * 3) textIn(ui, dl, ImVec2(x, a.y + 3 + line * 2), b.stateLabel, muted, clip);
}

// Where a held appointment would land under the finger: a staff column and a
// start snapped to 15 minutes that keeps the whole appointment inside the day.
struct Landing {
  int column, start;
};

Landing landingOf(const DayBook& d, const DayBookGrid::Geometry& g, float grabDy, int length) {
  const ImGuiIO& io = ImGui::GetIO();
  const int columns = static_cast<int>(d.columns.size());
  int col = std::clamp(static_cast<int>(std::floor((io.MousePos.x - g.colX(0)) / g.colW)), 0, columns - 1);
  float raw = static_cast<float>(d.openMinute) + (io.MousePos.y - grabDy - g.minuteY(d.openMinute)) / g.perMinute;
  int start = std::clamp(static_cast<int>(std::lround(raw / kSnapMinutes)) * kSnapMinutes, d.openMinute,
                         std::max(d.openMinute, d.closeMinute - length));
  return {col, start};
}

void drawLines(ImDrawList* dl, const DayBook& d, const DayBookGrid::Geometry& g) {
  for (int c = 0; c < static_cast<int>(d.columns.size()); ++c) {
    float x = g.colX(c);
    if (d.columns[c].absent)
      dl->AddRectFilled(ImVec2(x, g.bodyTop()), ImVec2(x + g.colW, g.bodyBottom()), IM_COL32(236, 234, 232, 255));
    dl->AddLine(ImVec2(x, g.bodyTop()), ImVec2(x, g.bodyBottom()), IM_COL32(225, 220, 215, 255));
  }
  for (int minute = d.openMinute; minute <= d.closeMinute; minute += 30) {
    float y = g.minuteY(minute);
    dl->AddLine(ImVec2(g.bodyLeft(), y), ImVec2(g.bodyRight(), y),
                minute % 60 == 0 ? IM_COL32(215, 208, 202, 255) : IM_COL32(240, 236, 232, 255));
  }
}

void drawHours(UiContext& ui, ImDrawList* dl, const DayBook& d, const DayBookGrid::Geometry& g) {
  dl->PushClipRect(ImVec2(g.origin.x, g.bodyTop()), ImVec2(g.bodyLeft(), g.bodyBottom()), true);
  for (int minute = d.openMinute; minute < d.closeMinute; minute += 60)
    textIn(ui, dl, ImVec2(g.origin.x + 6, g.minuteY(minute) + 2), clockText(minute), kInk,
           ImVec4(g.origin.x, g.bodyTop(), g.bodyLeft(), g.bodyBottom()));
  dl->PopClipRect();
}

}  // namespace

void DayBookGrid::draw(UiContext& ui, const DayBook& d, const std::string& chosen, ImVec2 size, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.c().panel);
  ImGui::BeginChild("appointments.grid", size, true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  Geometry g{m.touch * 0.8f, 64 * m.scale, 180 * m.scale, 1.6f * m.scale, ImGui::GetCursorScreenPos(),
             ImGui::GetContentRegionAvail(), 0, 0, d.openMinute};
  placeScroll(d, chosen, m, g);

  // The body: hour lines, then the appointments (submitted before the background
  // so a finger on one takes it, not the scroll).
  dl->PushClipRect(ImVec2(g.bodyLeft(), g.bodyTop()), ImVec2(g.bodyRight(), g.bodyBottom()), true);
  drawLines(dl, d, g);
  const BookBlock* held = nullptr;
  for (const BookBlock& b : d.blocks)
    if (block(ui, dl, d, b, chosen, g, out)) held = &b;
  if (!dragging_.empty() && !held) dragging_.clear();  // it left the book (moved elsewhere meanwhile)
  if (held) drawLanding(ui, dl, d, *held, g);
  if (d.nowMinute >= d.openMinute && d.nowMinute <= d.closeMinute) {  // the red line: now
    float y = g.minuteY(d.nowMinute);
    dl->AddLine(ImVec2(g.bodyLeft(), y), ImVec2(g.bodyRight(), y), IM_COL32(200, 40, 30, 255), 2);
  }
  dl->PopClipRect();
  // The background: a finger here scrolls the book.
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetCursorScreenPos(ImVec2(g.bodyLeft(), g.bodyTop()));
  ImGui::InvisibleButton("appointments.grid.body",
                         ImVec2(std::max(1.0f, g.size.x - g.gutterW), std::max(1.0f, g.size.y - g.headerH)));
  if (ImGui::IsItemActive() && dragging_.empty()) {
    scrollX_ -= io.MouseDelta.x;
    scrollY_ -= io.MouseDelta.y;
  }
  // The hours down the left and the staff across the top stay in place.
  drawHours(ui, dl, d, g);
  staffRow(ui, dl, d, g, out);
  if (d.columns.empty())
    textIn(ui, dl, ImVec2(g.bodyLeft() + 12, g.bodyTop() + 12), ui.t("ui.appointments.no_staff"), kInk,
           ImVec4(g.origin.x, g.origin.y, g.bodyRight(), g.bodyBottom()));
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

void DayBookGrid::placeScroll(const DayBook& d, const std::string& chosen, const Metrics& m, Geometry& g) {
  const ImGuiIO& io = ImGui::GetIO();
  // Another day: start at the current hour (today) or the first appointment.
  if (d.dateLabel != shownDate_) {
    shownDate_ = d.dateLabel;
    scrollY_ = -1;
  }
  if (scrollY_ < 0) {
    int first = d.closeMinute;
    for (const BookBlock& b : d.blocks) first = std::min(first, b.startMinute);
    int top = d.nowMinute >= 0 ? d.nowMinute - 60 : first < d.closeMinute ? first - 30 : d.openMinute;
    scrollY_ = static_cast<float>(top - d.openMinute) * g.perMinute;
  }
  // A newly chosen appointment (just booked, moved or tapped) is brought into sight.
  if (chosen != shownChosen_) {
    shownChosen_ = chosen;
    for (const BookBlock& b : d.blocks) {
      if (b.id != chosen) continue;
      float y = static_cast<float>(b.startMinute - d.openMinute) * g.perMinute, h = g.size.y - g.headerH;
      float x = static_cast<float>(b.column) * g.colW, w = g.size.x - g.gutterW;
      if (y < scrollY_ || y + g.perMinute * 30 > scrollY_ + h) scrollY_ = y - g.perMinute * 30;
      if (x < scrollX_ || x + g.colW > scrollX_ + w) scrollX_ = x - g.colW;
    }
  }
  if (!io.MouseDown[ImGuiMouseButton_Left] && !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) touching_.clear();
  // Holding an appointment near an edge scrolls towards it.
  if (!dragging_.empty()) {
    const float edge = 48 * m.scale, step = 10 * m.scale;
    if (io.MousePos.x > g.bodyRight() - edge) scrollX_ += step;
    if (io.MousePos.x < g.bodyLeft() + edge) scrollX_ -= step;
    if (io.MousePos.y > g.bodyBottom() - edge) scrollY_ += step;
    if (io.MousePos.y < g.bodyTop() + edge) scrollY_ -= step;
  }
  const float contentW = g.colW * static_cast<float>(d.columns.size());
  const float contentH = g.perMinute * static_cast<float>(d.closeMinute - d.openMinute);
  scrollX_ = std::clamp(scrollX_, 0.0f, std::max(0.0f, contentW - (g.size.x - g.gutterW)));
  scrollY_ = std::clamp(scrollY_, 0.0f, std::max(0.0f, contentH - (g.size.y - g.headerH)));
  g.scrollX = scrollX_;
  g.scrollY = scrollY_;
}

// One appointment: its tap target, pick-up, drop and drawing. True while it is held.
bool DayBookGrid::block(UiContext& ui, ImDrawList* dl, const DayBook& d, const BookBlock& b,
                        const std::string& chosen, const Geometry& g, Intents& out) {
  const ImGuiIO& io = ImGui::GetIO();
  ImVec2 a(g.colX(b.column) + 3, g.minuteY(b.startMinute) + 1);
  ImVec2 z(a.x + g.colW - 6, g.minuteY(b.endMinute) - 1);
  bool isHeld = dragging_ == b.id;
  // The block under the finger stays submitted while it scrolls out of sight.
  if (!isHeld && touching_ != b.id && (z.x < g.bodyLeft() || a.x > g.bodyRight() || z.y < g.bodyTop() || a.y > g.bodyBottom()))
    return false;
  ImGui::SetCursorScreenPos(a);
  ImGui::InvisibleButton(("appointments.block." + b.id).c_str(), ImVec2(std::max(1.0f, z.x - a.x), std::max(1.0f, z.y - a.y)));
  ui.record.tappable({"appointments.block." + b.id, b.customer, std::max(a.x, g.bodyLeft()), std::max(a.y, g.bodyTop()),
                      std::min(z.x, g.bodyRight()), std::min(z.y, g.bodyBottom()), false});
  bool moved = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > ui.metrics.gap * ui.metrics.gap;
  if (ImGui::IsItemActivated()) touching_ = b.id;
  if (ImGui::IsItemActive() && dragging_.empty()) {
    if (!moved && b.state == "booked" && io.MouseDownDuration[ImGuiMouseButton_Left] >= kHoldSeconds) {
      dragging_ = b.id;
      grabDy_ = io.MouseClickedPos[ImGuiMouseButton_Left].y - a.y;
      isHeld = true;
    } else if (moved) {
      scrollX_ -= io.MouseDelta.x;
      scrollY_ -= io.MouseDelta.y;
    }
  }
  if (ImGui::IsItemDeactivated()) {
    touching_.clear();
    if (isHeld) {
      Landing to = landingOf(d, g, grabDy_, b.endMinute - b.startMinute);
      if (to.column != b.column || to.start != b.startMinute) add(out, MoveBlock{b.id, d.columns[to.column].staff, to.start});
      dragging_.clear();
      isHeld = false;
    } else if (!moved) {
      add(out, ChooseBlock{b.id});
    }
  }
  drawBlock(ui, dl, b, a, z, b.id == chosen, isHeld);
  return isHeld;
}

// Where the held appointment would land, snapped, with the time and the staff member.
void DayBookGrid::drawLanding(UiContext& ui, ImDrawList* dl, const DayBook& d, const BookBlock& held, const Geometry& g) {
  int length = held.endMinute - held.startMinute;
  Landing to = landingOf(d, g, grabDy_, length);
  ImVec2 a(g.colX(to.column) + 3, g.minuteY(to.start) + 1), z(a.x + g.colW - 6, g.minuteY(to.start + length) - 1);
  dl->AddRectFilled(a, z, IM_COL32(158, 92, 77, 70), 6);
  dl->AddRect(a, z, IM_COL32(158, 92, 77, 255), 6, 0, 3);
  std::string where = clockText(to.start) + " " + d.columns[to.column].name;
  textIn(ui, dl, ImVec2(a.x + 6, a.y + 3), where, IM_COL32(120, 50, 40, 255), ImVec4(a.x, a.y, z.x, z.y));
}

// The staff names across the top: a tap chooses the column, a slide scrolls sideways.
void DayBookGrid::staffRow(UiContext& ui, ImDrawList* dl, const DayBook& d, const Geometry& g, Intents& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const float dragSq = ui.metrics.gap * ui.metrics.gap;
  dl->AddRectFilled(g.origin, ImVec2(g.bodyRight(), g.bodyTop()), IM_COL32(244, 238, 232, 255));
  dl->PushClipRect(ImVec2(g.bodyLeft(), g.origin.y), ImVec2(g.bodyRight(), g.bodyTop()), true);
  for (int c = 0; c < static_cast<int>(d.columns.size()); ++c) {
    float x = g.colX(c);
    if (x + g.colW < g.bodyLeft() || x > g.bodyRight()) continue;
    const BookColumn& col = d.columns[c];
    ImGui::SetCursorScreenPos(ImVec2(x, g.origin.y));
    bool tapped = ImGui::InvisibleButton(("appointments.staff." + col.staff).c_str(), ImVec2(g.colW, g.headerH));
    bool slid = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > dragSq;
    if (ImGui::IsItemActive() && slid) scrollX_ -= io.MouseDelta.x;
    if (tapped && !slid) add(out, ChooseColumn{col.staff});
    ui.record.tappable({"appointments.staff." + col.staff, col.name, std::max(x, g.bodyLeft()), g.origin.y,
                        std::min(x + g.colW, g.bodyRight()), g.bodyTop(), false});
    std::string label = col.absent ? col.name + " (" + ui.t("ui.appointments.absent") + ")" : col.name;
    textIn(ui, dl, ImVec2(x + 8, g.origin.y + (g.headerH - ImGui::GetFontSize()) / 2), label, kInk,
           ImVec4(x, g.origin.y, x + g.colW - 4, g.bodyTop()));
    dl->AddLine(ImVec2(x, g.origin.y), ImVec2(x, g.bodyTop()), IM_COL32(215, 208, 202, 255));
  }
  dl->PopClipRect();
  dl->AddLine(ImVec2(g.origin.x, g.bodyTop()), ImVec2(g.bodyRight(), g.bodyTop()), IM_COL32(200, 190, 182, 255));
}

}  // namespace salon::ui
