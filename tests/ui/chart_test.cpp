// The chart widget's layout: a nice y range over bars, stacks and lines; every
// column a fingertip wide; a tap lands on the column under it.
#include <catch2/catch.hpp>

#include "app/ui/chart.h"

using namespace salon::ui;

TEST_CASE("chart range: covers stacks and lines and zero, rounded to 1, 2 or 5 x 10^n") {
  ChartSpec s;
  s.kind = ChartSpec::Kind::StackedBars;
  s.xLabels = {"一", "二", "三"};
  s.bars = {{"a", {100, 300, 50}}, {"b", {50, 900, 10}}};
  s.lines = {{"prev", {0, 0, 1300}}};
  std::int64_t low = 0, high = 0;
  chartRange(s, low, high);
  CHECK(low == 0);
  CHECK(high == 2000);  // the line's 1,300 rounds up to 2,000
  s.kind = ChartSpec::Kind::Bars;
  s.lines.clear();
  s.bars[0].values = {-120, 30, 40};
  chartRange(s, low, high);
  CHECK(low == -200);
  CHECK(high == 50);
}

TEST_CASE("chart layout: columns at least a fingertip wide, taps find their column") {
  ChartSpec s;
  for (int i = 0; i < 31; ++i) s.xLabels.push_back(std::to_string(i + 1));
  s.bars = {{"sales", std::vector<std::int64_t>(31, 500)}};
  ChartLayout l = layoutChart(s, 100, 10, 800, 300, 48);
  CHECK(l.slot == 48);          // 31 columns do not fit in 800 px: the chart scrolls
  CHECK(l.width == 31 * 48);
  CHECK(l.columnAt(100 + 48 * 5 + 1, 100, 31) == 5);
  CHECK(l.columnAt(99, 100, 31) == -1);
  CHECK(l.columnAt(200, 400, 31) == -1);
  CHECK(l.yOf(0) == Approx(310));
  CHECK(l.yOf(500) == Approx(10));
  ChartLayout wide = layoutChart(s, 0, 0, 3100, 300, 48);
  CHECK(wide.slot == 100);
}
