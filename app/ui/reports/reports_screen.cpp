#include "app/ui/reports/reports_screen.h"

#include <algorithm>

namespace salon::ui {
namespace {

void act(Intents& out, ReportsIntent i) { out.push_back(Intent{std::move(i)}); }

const char* const kPeriodIds[] = {"today", "this_week", "this_month", "last_month", "custom"};
const char* const kTabIds[] = {"sales", "staff", "customers", "liabilities", "record_keeping"};

// "20260529" as typed so far, shown as 2026-05-29 with blanks for what is missing.
std::string shownDate(const std::string& digits) {
  std::string d = digits + std::string(8 - std::min<std::size_t>(8, digits.size()), '_');
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

}  // namespace

// The period chips, then print and back on the right.
void ReportsScreen::header(UiContext& ui, const ReportsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  std::vector<std::string> ids, labels;
  for (const char* id : kPeriodIds) {
    ids.push_back(id);
    labels.push_back(ui.t(std::string("reports.period.") + id));
  }
  const std::string print = ui.t("reports.print_summary"), back = ui.t("ui.nav.back");
  const float printW = ImGui::CalcTextSize(print.c_str()).x + 2 * m.gap, backW = ImGui::CalcTextSize(back.c_str()).x + 3 * m.gap;
  const float right = ImGui::GetContentRegionMax().x;
  const float actions = printW + m.gap + backW;
  int tapped = buttonRow(ui, "reports.period.", ids, labels, static_cast<int>(v.period),
                         ImGui::GetContentRegionAvail().x - actions - m.gap);
  if (tapped >= 0) act(out, ReportsPickPeriod{static_cast<ReportsPeriod>(tapped)});
  ImGui::SameLine(right - actions);
  ImGui::BeginDisabled(v.computing || v.printing);
  if (touchButton(ui, "reports.print", print, ImVec2(printW, m.touch))) act(out, ReportsPrint{});
  ImGui::EndDisabled();
  ImGui::SameLine(0, m.gap);
  if (touchButton(ui, "reports.back", back, ImVec2(backW, m.touch))) add(out, Navigate{Screen::Home});
}

void ReportsScreen::tabs(UiContext& ui, const ReportsView& v, Intents& out) {
  std::vector<std::string> ids, labels;
  for (const char* id : kTabIds) {
    ids.push_back(id);
    labels.push_back(ui.t(std::string("reports.tab.") + id));
  }
  int tapped = buttonRow(ui, "reports.tab.", ids, labels, static_cast<int>(v.tab), ImGui::GetContentRegionAvail().x);
  if (tapped >= 0) act(out, ReportsShowTab{static_cast<ReportsTab>(tapped)});
}

// The custom range: two date fields and a keypad (YYYYMMDD for each).
void ReportsScreen::rangeEntry(UiContext& ui, const ReportsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  text(ui, ui.t("reports.range.title"));
  const float fieldW = std::min(360 * m.scale, (ImGui::GetContentRegionAvail().x - m.gap) / 2);
  for (int f = 0; f < 2; ++f) {
    if (f) ImGui::SameLine(0, m.gap);
    const std::string label = ui.t(f ? "reports.range.to" : "reports.range.from") + " " +
                              shownDate(f ? v.range.to : v.range.from);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, v.range.field == f ? 3.0f : 1.0f);
    if (touchButton(ui, f ? "reports.range.to" : "reports.range.from", label, ImVec2(fieldW, m.touch)))
      act(out, ReportsRangeField{f});
    ImGui::PopStyleVar();
  }
  messageText(ui, v.message, v.messageIsError);
  // The keypad with Cancel beside it (below it would not fit at 800×600).
  const float padW = std::min(420 * m.scale, ImGui::GetContentRegionAvail().x * 0.6f);
  ImGui::BeginGroup();
  std::string keys = keypad(ui, "reports.range.key", padW, ui.t("reports.range.ok"));
  ImGui::EndGroup();
  if (!keys.empty()) act(out, ReportsRangeKeys{keys});
  ImGui::SameLine(0, 2 * m.gap);
  const std::string cancel = ui.t("reports.range.cancel");
  const float cancelW = std::max(160 * m.scale, ImGui::CalcTextSize(cancel.c_str()).x + 2 * m.gap);
  if (touchButton(ui, "reports.range.cancel", cancel, ImVec2(cancelW, m.keypadKey))) act(out, ReportsRangeCancel{});
}

void ReportsScreen::content(UiContext& ui, const ReportsView& v, Intents& out) {
  const Metrics& m = ui.metrics;
  ImGui::BeginChild("reports.content", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
  dragToScroll();
  if (v.drilling) {
    if (touchButton(ui, "reports.drill.close", ui.t("reports.drill.close"), ImVec2(200 * m.scale, m.touch)))
      act(out, ReportsCloseDrill{});
    if (reportTable(ui, v.drill, ui.t("reports.export_csv"))) act(out, ReportsExport{v.drill.key});
    ImGui::EndChild();
    return;
  }
  reportFigures(ui, v.figures);
  const float chartH = std::max(200.0f, 260 * m.scale);
  for (std::size_t i = 0; i < v.charts.size(); ++i) {
    int bar = reportChart(ui, "reports.chart." + std::to_string(i), v.charts[i], chartH);
    if (bar >= 0 && v.charts[i].drillable) act(out, ReportsTapBar{static_cast<int>(i), bar});
  }
  for (const ReportTable& t : v.tables)
    if (reportTable(ui, t, ui.t("reports.export_csv"))) act(out, ReportsExport{t.key});
  ImGui::EndChild();
}

Intents ReportsScreen::draw(UiContext& ui, const ReportsView& v) {
  Intents out;
  header(ui, v, out);
  if (v.range.open) {
    rangeEntry(ui, v, out);
    return out;
  }
  tabs(ui, v, out);
  std::string period = v.periodLabel;
  if (!v.compareLabel.empty()) period += "   " + v.compareLabel;
  mutedText(ui, period);
  if (v.computing) text(ui, ui.t("reports.computing"));
  messageText(ui, v.message, v.messageIsError);
  content(ui, v, out);
  return out;
}

void addTexts(const ReportsView& v, std::vector<std::string>& out) {
  out.push_back(v.periodLabel);
  out.push_back(v.compareLabel);
  out.push_back(v.message);
  for (const ReportFigure& f : v.figures) {
    out.push_back(f.label);
    out.push_back(f.value);
    out.push_back(f.change);
  }
  for (const ReportChartView& c : v.charts) {
    out.push_back(c.title);
    for (const std::string& x : c.xLabels) out.push_back(x);
    for (const ReportSeries& s : c.bars) out.push_back(s.label);
    for (const ReportSeries& s : c.lines) out.push_back(s.label);
  }
  auto table = [&](const ReportTable& t) {
    out.push_back(t.title);
    for (const std::string& c : t.columns) out.push_back(c);
    for (const auto& row : t.rows)
      for (const ReportCell& c : row) out.push_back(c.text);
  };
  for (const ReportTable& t : v.tables) table(t);
  table(v.drill);
}

}  // namespace salon::ui
