#include "app/ui/chart.h"

#include <algorithm>
#include <cmath>

namespace salon::ui {
namespace {

std::int64_t niceCeil(std::int64_t v) {
  if (v <= 0) return 0;
  std::int64_t step = 1;
  while (step * 10 <= v) step *= 10;
  for (std::int64_t m : {1, 2, 5, 10})
    if (step * m >= v) return step * m;
  return step * 10;
}

std::int64_t valueAt(const ChartSeries& s, std::size_t i) { return i < s.values.size() ? s.values[i] : 0; }

void drawAxis(ImDrawList* dl, const ChartLayout& l, const ChartSpec& spec, ImU32 ink) {
  for (int k = 0; k <= 4; ++k) {
    std::int64_t v = l.low + (l.high - l.low) * k / 4;
    float y = l.yOf(v);
    dl->AddLine({l.left, y}, {l.left + l.width, y}, IM_COL32(200, 200, 200, 120));
    std::string t = spec.yLabel ? spec.yLabel(v) : std::to_string(v);
    dl->AddText({l.left - ImGui::CalcTextSize(t.c_str()).x - 6, y - ImGui::GetFontSize() / 2}, ink, t.c_str());
  }
  dl->AddLine({l.left, l.yOf(0)}, {l.left + l.width, l.yOf(0)}, ink);
}

void drawBars(ImDrawList* dl, const ChartLayout& l, const ChartSpec& spec, std::size_t i) {
  float x0 = l.left + l.slot * static_cast<float>(i) + l.slot * 0.15f, x1 = x0 + l.slot * 0.7f;
  std::int64_t base = 0;
  std::size_t n = spec.kind == ChartSpec::Kind::StackedBars ? spec.bars.size() : std::min<std::size_t>(1, spec.bars.size());
  for (std::size_t s = 0; s < n; ++s) {
    std::int64_t v = valueAt(spec.bars[s], i);
    float ya = l.yOf(base), yb = l.yOf(base + v);
    dl->AddRectFilled({x0, std::min(ya, yb)}, {x1, std::max(ya, yb)}, spec.bars[s].color);
    base += v;
  }
}

void drawLines(ImDrawList* dl, const ChartLayout& l, const ChartSpec& spec, std::size_t columns) {
  for (const ChartSeries& s : spec.lines) {
    std::vector<ImVec2> pts;
    for (std::size_t i = 0; i < columns; ++i)
      pts.push_back({l.left + l.slot * (static_cast<float>(i) + 0.5f), l.yOf(valueAt(s, i))});
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), s.color, 0, 3.0f);
    for (const ImVec2& p : pts) dl->AddCircleFilled(p, 4.0f, s.color);
  }
}

void drawLegend(UiContext& ui, const ChartSpec& spec) {
  std::size_t n = spec.kind == ChartSpec::Kind::StackedBars ? spec.bars.size() : std::min<std::size_t>(1, spec.bars.size());
  auto one = [&](const ChartSeries& s) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetFontSize();
    ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + h, p.y + h}, s.color);
    ImGui::Dummy({h + 4, h});
    ImGui::SameLine();
    text(ui, s.label);
    ImGui::SameLine();
  };
  for (std::size_t s = 0; s < n; ++s) one(spec.bars[s]);
  for (const ChartSeries& s : spec.lines) one(s);
  ImGui::NewLine();
}

}  // namespace

float ChartLayout::yOf(std::int64_t v) const {
  double f = static_cast<double>(v - low) / static_cast<double>(high - low);
  return top + height - static_cast<float>(f) * height;
}

int ChartLayout::columnAt(float x, float y, int columns) const {
  if (y < top || y > top + height || x < left || slot <= 0) return -1;
  int c = static_cast<int>((x - left) / slot);
  return c < columns ? c : -1;
}

void chartRange(const ChartSpec& spec, std::int64_t& low, std::int64_t& high) {
  low = 0;
  high = 0;
  std::size_t columns = spec.xLabels.size();
  for (std::size_t i = 0; i < columns; ++i) {
    std::int64_t up = 0, down = 0;
    for (std::size_t s = 0; s < spec.bars.size(); ++s) {
      if (s > 0 && spec.kind != ChartSpec::Kind::StackedBars) break;
      std::int64_t v = valueAt(spec.bars[s], i);
      (v >= 0 ? up : down) += v;
    }
    for (const ChartSeries& s : spec.lines) {
      up = std::max(up, valueAt(s, i));
      down = std::min(down, valueAt(s, i));
    }
    high = std::max(high, up);
    low = std::min(low, down);
  }
  high = niceCeil(high);
  low = -niceCeil(-low);
  if (high == low) high = low + 1;
}

ChartLayout layoutChart(const ChartSpec& spec, float left, float top, float width, float height, float minSlot) {
  ChartLayout l;
  chartRange(spec, l.low, l.high);
  std::size_t columns = std::max<std::size_t>(1, spec.xLabels.size());
  l.left = left;
  l.top = top;
  l.height = height;
  l.slot = std::max(minSlot, width / static_cast<float>(columns));
  l.width = l.slot * static_cast<float>(columns);
  return l;
}

int chart(UiContext& ui, const std::string& id, const ChartSpec& spec, ImVec2 size) {
  drawLegend(ui, spec);
  float axis = ImGui::CalcTextSize("-88,888,888").x + 8, label = ImGui::GetFontSize() + 8;
  ImGui::BeginChild(id.c_str(), size, false, ImGuiWindowFlags_HorizontalScrollbar);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float minSlot = std::max(48.0f, ui.metrics.touch * 0.75f);  // a fingertip
  // Half a line of room above the plot: the top axis label is centred on its line.
  const float headroom = ImGui::GetFontSize() / 2 + 4;
  ChartLayout l = layoutChart(spec, origin.x + axis, origin.y + headroom, size.x - axis - 8,
                              size.y - label - 20 - headroom, minSlot);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  drawAxis(dl, l, spec, ink);
  int tapped = -1;
  for (std::size_t i = 0; i < spec.xLabels.size(); ++i) {
    drawBars(dl, l, spec, i);
    const std::string& x = spec.xLabels[i];
    float tw = ImGui::CalcTextSize(x.c_str()).x;
    dl->AddText({l.left + l.slot * (static_cast<float>(i) + 0.5f) - tw / 2, l.top + l.height + 4}, ink, x.c_str());
    ImGui::SetCursorScreenPos({l.left + l.slot * static_cast<float>(i), l.top});
    std::string bid = id + "." + std::to_string(i);
    if (ImGui::InvisibleButton(bid.c_str(), {l.slot, l.height + label})) tapped = static_cast<int>(i);
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui.record.tappable({bid, x, a.x, a.y, b.x, b.y, false});
  }
  drawLines(dl, l, spec, spec.xLabels.size());
  ImGui::SetCursorScreenPos({origin.x, l.top + l.height + label});
  ImGui::Dummy({l.width + axis, 1});
  ImGui::EndChild();
  return tapped;
}

}  // namespace salon::ui
