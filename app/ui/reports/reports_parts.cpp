// The Reports screen's parts: headline figures as cards, charts through the
// chart widget, tables with clipped cells, and rows of chip buttons.
#include <algorithm>

#include "app/core/money.h"
#include "app/ui/chart.h"
#include "app/ui/reports/reports_screen.h"

namespace salon::ui {
namespace {

const ImU32 kPalette[] = {IM_COL32(80, 140, 220, 255),  IM_COL32(230, 140, 60, 255), IM_COL32(90, 170, 100, 255),
                          IM_COL32(200, 90, 120, 255),  IM_COL32(140, 110, 200, 255), IM_COL32(120, 120, 120, 255),
                          IM_COL32(60, 180, 190, 255),  IM_COL32(190, 170, 60, 255)};
const ImVec4 kRise(0.15f, 0.45f, 0.25f, 1.0f);
const ImVec4 kFall(0.80f, 0.12f, 0.10f, 1.0f);

ImU32 colourOf(int i) { return kPalette[static_cast<std::size_t>(std::max(0, i)) % (sizeof kPalette / sizeof kPalette[0])]; }

// Axis labels in yuan without decimals ("1,200"), percent, or plain counts.
std::string axisLabel(std::int64_t v, bool money, bool bp) {
  if (bp) return std::to_string(v / 100) + "%";
  if (!money) return std::to_string(v);
  std::string s = formatAmount(Money(v - v % 100));
  s = s.substr(0, s.size() - 3);
  for (int i = static_cast<int>(s.size()) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

std::string cellText(const ReportCell& c) { return c.amount ? formatYuan(*c.amount) : c.text; }

// One line of a table: each cell clipped to its column.
void tableLine(UiContext& ui, const std::vector<std::string>& cells, float colW, bool header) {
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeightWithSpacing();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(header ? ImGuiCol_TextDisabled : ImGuiCol_Text);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const float x = start.x + colW * static_cast<float>(i);
    dl->PushClipRect({x, start.y}, {x + colW - 6, start.y + h}, true);
    dl->AddText({x, start.y}, ink, cells[i].c_str());
    dl->PopClipRect();
    ui.record.text(cells[i]);
  }
  ImGui::Dummy({colW * static_cast<float>(cells.size()), h});
}

}  // namespace

int buttonRow(UiContext& ui, const std::string& idPrefix, const std::vector<std::string>& ids,
              const std::vector<std::string>& labels, int chosen, float avail) {
  const Metrics& m = ui.metrics;
  int tapped = -1;
  float x = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const float w = std::max(96 * m.scale, ImGui::CalcTextSize(labels[i].c_str()).x + 2 * m.gap);
    if (i > 0 && x + m.gap + w <= avail) {
      ImGui::SameLine(0, m.gap);
      x += m.gap;
    } else if (i > 0) {
      x = 0;
    }
    const Tone tone = static_cast<int>(i) == chosen ? Tone::Primary : Tone::Plain;
    if (touchButton(ui, idPrefix + ids[i], labels[i], ImVec2(w, m.touch), tone)) tapped = static_cast<int>(i);
    x += w;
  }
  return tapped;
}

// Cards as wide as the widest one's texts need (at least 150 px, scaled), as
// many to a row as fit, sharing the width.
void reportFigures(UiContext& ui, const std::vector<ReportFigure>& figures) {
  const Metrics& m = ui.metrics;
  const float avail = ImGui::GetContentRegionAvail().x;
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 padding(m.gap * 0.75f, m.gap * 0.5f);  // snug, so five cards fit a row at 1024 px
  float widest = 150 * m.scale;
  for (const ReportFigure& f : figures) {
    const float value = ImGui::CalcTextSize(f.value.c_str()).x +
                        (f.change.empty() ? 0 : style.ItemSpacing.x + ImGui::CalcTextSize(f.change.c_str()).x);
    widest = std::max({widest, ImGui::CalcTextSize(f.label.c_str()).x, value});
  }
  widest += 2 * padding.x + 2;
  const float gap = m.gap * 0.5f;
  const int perRow = std::max(1, static_cast<int>((avail + gap) / (widest + gap)));
  const float cardW = (avail - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow) - 1;
  const float h = ImGui::GetTextLineHeightWithSpacing() * 2 + padding.y * 2;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const ReportFigure& f = figures[i];
    if (i % static_cast<std::size_t>(perRow) != 0) ImGui::SameLine(0, gap);
    ImGui::BeginChild(("reports.figure." + std::to_string(i)).c_str(), ImVec2(cardW, h), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    mutedText(ui, f.label);
    f.alert ? alertText(ui, f.value) : text(ui, f.value);
    if (!f.change.empty()) {
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, f.down ? kFall : kRise);
      text(ui, f.change);
      ImGui::PopStyleColor();
    }
    ImGui::EndChild();
  }
  ImGui::PopStyleVar();
  if (!figures.empty()) ImGui::Dummy(ImVec2(0, m.gap * 0.5f));
}

int reportChart(UiContext& ui, const std::string& id, const ReportChartView& c, float height) {
  ChartSpec spec;
  spec.kind = c.stacked ? ChartSpec::Kind::StackedBars : ChartSpec::Kind::Bars;
  spec.xLabels = c.xLabels;
  for (const ReportSeries& s : c.bars) spec.bars.push_back({s.label, s.values, colourOf(s.colour)});
  for (const ReportSeries& s : c.lines) spec.lines.push_back({s.label, s.values, colourOf(s.colour)});
  const bool money = c.money, bp = c.basisPoints;
  spec.yLabel = [money, bp](std::int64_t v) { return axisLabel(v, money, bp); };
  text(ui, c.title);
  int tapped = chart(ui, id, spec, ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImGui::Dummy(ImVec2(0, ui.metrics.gap * 0.5f));
  return tapped;
}

bool reportTable(UiContext& ui, const ReportTable& t, const std::string& exportLabel) {
  const Metrics& m = ui.metrics;
  bool exported = false;
  // The title centred on the export button's height.
  const float y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(y + (m.touch - ImGui::GetTextLineHeight()) / 2);
  text(ui, t.title);
  ImGui::SameLine(0, 2 * m.gap);
  ImGui::SetCursorPosY(y);
  const float w = ImGui::CalcTextSize(exportLabel.c_str()).x + 2 * m.gap;
  if (touchButton(ui, "reports.export." + t.key, exportLabel, ImVec2(w, m.touch))) exported = true;
  const float colW = ImGui::GetContentRegionAvail().x / static_cast<float>(std::max<std::size_t>(1, t.columns.size()));
  tableLine(ui, t.columns, colW, true);
  ImGui::Separator();
  // Only the rows in view are laid out: a year's voids or a day's sales can be
  // thousands of rows, and drawing them all made a 30 MB vertex buffer (kept by
  // the draw list and copied by the GL driver) and a 250 ms frame.
  ImGuiListClipper rows;
  rows.Begin(static_cast<int>(t.rows.size()), ImGui::GetTextLineHeightWithSpacing());
  std::vector<std::string> cells;
  while (rows.Step()) {
    for (int r = rows.DisplayStart; r < rows.DisplayEnd; ++r) {
      cells.clear();
      for (const ReportCell& c : t.rows[static_cast<std::size_t>(r)]) cells.push_back(cellText(c));
      tableLine(ui, cells, colW, false);
    }
  }
  if (t.rows.empty()) mutedText(ui, ui.t("reports.no_rows"));
  ImGui::Dummy(ImVec2(0, m.gap));
  return exported;
}

}  // namespace salon::ui
