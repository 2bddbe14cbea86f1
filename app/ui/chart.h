#pragma once
// A small general chart for touch screens, drawn with ImDrawList (Dear ImGui
// 1.86 has no chart widget): bars, stacked bars and a line, axis labels given
// by the caller in the current language, and every bar a tap target at least
// `metrics.touchMin` wide — when the bars do not fit, the chart scrolls sideways.
// Tapping a bar returns its index, so a screen can drill into its rows.
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/ui/widgets.h"

namespace salon::ui {

struct ChartSeries {
  std::string label;                  // shown in the legend
  std::vector<std::int64_t> values;   // one per x label (fen, counts, ...)
  ImU32 color = IM_COL32(80, 140, 220, 255);
};

struct ChartSpec {
  enum class Kind { Bars, StackedBars };
  Kind kind = Kind::Bars;
  std::vector<std::string> xLabels;
  std::vector<ChartSeries> bars;       // Bars: the first is drawn; StackedBars: all, bottom up
  std::vector<ChartSeries> lines;      // drawn over the bars (e.g. the previous period)
  std::function<std::string(std::int64_t)> yLabel;  // an axis value as text
};

// Where things go, kept apart from drawing so it can be tested without a window.
struct ChartLayout {
  float left = 0, top = 0, width = 0, height = 0;  // the plot area (screen pixels)
  float slot = 0;                                  // one x label's column
  std::int64_t low = 0, high = 1;                  // the y axis range, a "nice" one
  float yOf(std::int64_t v) const;
  int columnAt(float x, float y, int columns) const;  // -1 outside
};

// The y range covering every bar (stacked: the sums) and line, including 0,
// rounded out to 1, 2 or 5 × 10^n.
void chartRange(const ChartSpec& spec, std::int64_t& low, std::int64_t& high);
ChartLayout layoutChart(const ChartSpec& spec, float left, float top, float width, float height, float minSlot);

// Draws the chart in a child region of `size`; returns the tapped column or -1.
int chart(UiContext& ui, const std::string& id, const ChartSpec& spec, ImVec2 size);

}  // namespace salon::ui
