#pragma once
// What the Reports screen shows (plain data prepared by app/kiosk/reports_desk)
// and what a person can ask for on it: a period, a tab, a bar to drill into, a
// table to export, the summary to print. Figures come already formatted in the
// current language; chart values are integers (fen or counts).
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/core/report_table.h"

namespace salon::ui {

enum class ReportsTab { Sales, Staff, Customers, Liabilities, RecordKeeping };
enum class ReportsPeriod { Today, ThisWeek, ThisMonth, LastMonth, Custom };

// One headline figure: "营业额 ¥2,608.60 (+12.5 %)".
struct ReportFigure {
  std::string label, value;
  std::string change;  // "+12.5 %", "" when there is nothing to compare with
  bool down = false;   // the change is a fall (shown in red)
  bool alert = false;  // the value misses its target
};

struct ReportSeries {
  std::string label;
  std::vector<std::int64_t> values;
  int colour = 0;  // an index into the screen's palette
};

struct ReportChartView {
  std::string title;
  bool stacked = false;
  bool money = false;     // values are fen: the axis shows yuan
  bool drillable = false; // a tapped bar opens its rows
  std::vector<std::string> xLabels;
  std::vector<ReportSeries> bars, lines;
  bool basisPoints = false; // values are basis points: the axis shows percent
};

// The custom range, typed on a date keypad: YYYYMMDD for each end.
struct ReportsRangeEntry {
  bool open = false;
  int field = 0;  // 0 from, 1 to
  std::string from, to;  // digits typed so far
};

struct ReportsView {
  ReportsTab tab = ReportsTab::Sales;
  ReportsPeriod period = ReportsPeriod::Today;
  std::string periodLabel;  // "2026-05-29 – 2026-06-04"
  std::string compareLabel; // "对比 上期 2026-05-22 – 2026-05-28"
  bool computing = false;
  std::string message;  // translated: what was exported or printed, or why not
  bool messageIsError = false;
  bool printing = false;
  std::vector<ReportFigure> figures;
  std::vector<ReportChartView> charts;
  std::vector<ReportTable> tables;
  // Drill-down: a day's sales (the table replaces the tab's content).
  bool drilling = false;
  ReportTable drill;
  ReportsRangeEntry range;
};

struct ReportsShowTab { ReportsTab tab = ReportsTab::Sales; };
struct ReportsPickPeriod { ReportsPeriod period = ReportsPeriod::Today; };
struct ReportsRangeKeys { std::string keys; };  // '0'..'9', '<' erase, 'C' clear, '=' done
struct ReportsRangeField { int field = 0; };
struct ReportsRangeCancel {};
struct ReportsTapBar { int chart = 0, index = 0; };
struct ReportsCloseDrill {};
struct ReportsExport { std::string table; };  // a table's key ("day_sales" for the drill-down)
struct ReportsPrint {};
using ReportsIntent = std::variant<ReportsShowTab, ReportsPickPeriod, ReportsRangeKeys, ReportsRangeField,
                                   ReportsRangeCancel, ReportsTapBar, ReportsCloseDrill, ReportsExport, ReportsPrint>;

}  // namespace salon::ui
