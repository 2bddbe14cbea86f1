// The Reports screen drawn headless: chips and tabs give their intents, a day's
// bar drills into its sales, the range keypad types dates, and every touch
// target is a fingertip (≥ 48 px) inside the window, in three languages at
// 1024×768 and 800×600.
#include <catch2/catch.hpp>

#include <optional>

#include "support/headless_ui.h"

using namespace salon;
using namespace salon::ui;
using salon::test::Headless;

namespace {

KioskView reportsView() {
  KioskView v;
  v.screen = Screen::Reports;
  v.status.storeName = "悦容美容美发沙龙";
  v.status.staffName = "王店长";
  v.status.language = "zh-Hans";
  ReportsView& r = v.reports;
  r.period = ReportsPeriod::ThisWeek;
  r.periodLabel = "2026-05-29 – 2026-06-04";
  r.compareLabel = "对比上期 2026-05-22 – 2026-05-28";
  r.figures = {{"营业额", "¥2608.60", "+2864.32%", false, false}, {"实收", "¥2269.00", "", false, false},
               {"销售笔数", "7", "", false, false}, {"作废与退款", "2", "", false, false},
               {"折扣", "¥14.40", "", false, false}};
  ReportChartView days{"每日营业额", false, true, true, {"05-29", "05-30", "05-31", "06-01", "06-02", "06-03", "06-04"},
                       {{"本期", {231960, 41700, -12800, 0, 0, 0, 0}, 0}}, {{"上期", {0, 0, 0, 0, 0, 0, 8800}, 1}}};
  r.charts = {days};
  ReportTable top{"top_services", "热门项目", {"服务", "数量", "金额"}, {}};
  top.rows.push_back({ReportCell::of("补水护理"), ReportCell::of("2"), ReportCell::money(Money(25600))});
  r.tables = {top};
  return v;
}

template <class T>
std::optional<T> only(const Intents& in) {
  for (const Intent& i : in)
    if (auto a = std::get_if<ReportsIntent>(&i))
      if (auto t = std::get_if<T>(a)) return *t;
  return std::nullopt;
}

}  // namespace

TEST_CASE("reports screen: chips, tabs, a day's bar, export and back") {
  Headless h;
  KioskView v = reportsView();
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("¥2608.60"));
  CHECK(h.record().drew("+2864.32%"));
  CHECK(h.record().drew("对比上期 2026-05-22 – 2026-05-28"));
  CHECK(h.record().drew("¥256.00"));
  const auto period = only<ReportsPickPeriod>(h.tap(v, "reports.period.last_month"));
  REQUIRE(period);
  CHECK(period->period == ReportsPeriod::LastMonth);
  const auto tab = only<ReportsShowTab>(h.tap(v, "reports.tab.record_keeping"));
  REQUIRE(tab);
  CHECK(tab->tab == ReportsTab::RecordKeeping);
  const auto bar = only<ReportsTapBar>(h.tap(v, "reports.chart.0.1"));
  REQUIRE(bar);
  CHECK(bar->chart == 0);
  CHECK(bar->index == 1);
  v.reports.charts.clear();  // the table comes up into view
  h.frame(v);
  const auto exported = only<ReportsExport>(h.tap(v, "reports.export.top_services"));
  REQUIRE(exported);
  CHECK(exported->table == "top_services");
  CHECK(only<ReportsPrint>(h.tap(v, "reports.print")));
  bool home = false;
  for (const Intent& i : h.tap(v, "reports.back"))
    if (auto n = std::get_if<Navigate>(&i)) home = n->to == Screen::Home;
  CHECK(home);
}

TEST_CASE("reports screen: the custom range on the date keypad") {
  Headless h;
  KioskView v = reportsView();
  v.reports.range = {true, 1, "20260529", "2026"};
  h.frame(v);
  h.frame(v);
  CHECK(h.record().find("reports.range.from")->label.find("2026-05-29") != std::string::npos);
  CHECK(h.record().find("reports.range.to")->label.find("2026-__-__") != std::string::npos);
  const auto keys = only<ReportsRangeKeys>(h.tap(v, "reports.range.key.0"));
  REQUIRE(keys);
  CHECK(keys->keys == "0");
  CHECK(only<ReportsRangeKeys>(h.tap(v, "reports.range.key.ok"))->keys == "=");
  CHECK(only<ReportsRangeField>(h.tap(v, "reports.range.from"))->field == 0);
  CHECK(only<ReportsRangeCancel>(h.tap(v, "reports.range.cancel")));
}

TEST_CASE("reports screen: every touch target is at least 48 px and inside the window") {
  for (const char* language : {"zh-Hans", "zh-Hant", "en"})
    for (auto [w, hgt] : {std::pair{1024, 768}, {800, 600}}) {
      INFO(language << " " << w << "x" << hgt);
      Headless h(w, hgt, language);
      KioskView v = reportsView();
      v.status.language = language;
      for (bool range : {false, true}) {
        v.reports.range.open = range;
        h.frame(v);
        h.frame(v);
        for (const Tappable& t : h.record().tappables()) {
          if (t.id.rfind("reports.", 0) != 0) continue;
          INFO(t.id << " " << t.label);
          CHECK(t.x1 - t.x0 >= 48);
          CHECK(t.y1 - t.y0 >= 48);
          CHECK(t.x0 >= 0);
          CHECK(t.x1 <= static_cast<float>(w));
        }
      }
    }
}

TEST_CASE("reports screen: a long table lays out only the rows in view, and scrolling reaches the last") {
  Headless h;
  KioskView v = reportsView();
  ReportTable voids{"voids", "作废与退款", {"单号", "原因", "金额"}, {}};
  for (int i = 0; i < 5000; ++i)
    voids.rows.push_back({ReportCell::of("S" + std::to_string(100000 + i)), ReportCell::of("顾客改约"),
                          ReportCell::money(Money(100 + i))});
  v.reports.tables.push_back(voids);
  h.frame(v);
  h.frame(v);
  CHECK(h.record().drew("S100000"));
  CHECK_FALSE(h.record().drew("S104999"));
  // 5,000 rows of three cells laid out would be some 200,000 vertices.
  CHECK(ImGui::GetDrawData()->TotalVtxCount < 40000);
  ImGuiWindow* content = nullptr;
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (!content && std::string(w->Name).find("reports.content") != std::string::npos) content = w;
  REQUIRE(content);
  CHECK(content->ScrollMax.y > 5000 * ImGui::GetTextLineHeightWithSpacing() * 0.9f);
  content->Scroll.y = content->ScrollMax.y;
  h.frame(v);
  CHECK(h.record().drew("S104999"));
  CHECK_FALSE(h.record().drew("S100000"));
}
