#pragma once
// The owner's reports: period chips, five tabs, headline figures with their
// change on the previous period, charts (app/ui/chart.h) and tables; a tapped
// day's bar opens that day's sales; every table exports to CSV; the summary
// prints on the receipt printer. Draws its view model, returns intents.
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/reports/reports_view.h"
#include "app/ui/widgets.h"

namespace salon::ui {

class ReportsScreen {
 public:
  Intents draw(UiContext& ui, const ReportsView& v);

 private:
  void header(UiContext& ui, const ReportsView& v, Intents& out);
  void tabs(UiContext& ui, const ReportsView& v, Intents& out);
  void rangeEntry(UiContext& ui, const ReportsView& v, Intents& out);
  void content(UiContext& ui, const ReportsView& v, Intents& out);
};

// The parts the screen is made of (app/ui/reports/reports_parts.cpp).
void reportFigures(UiContext& ui, const std::vector<ReportFigure>& figures);
// Returns the tapped bar's column, or -1.
int reportChart(UiContext& ui, const std::string& id, const ReportChartView& c, float height);
// A table with its title and an export button; true when the export was tapped.
bool reportTable(UiContext& ui, const ReportTable& t, const std::string& exportLabel);
// Buttons side by side as wide as their labels, wrapping to a new row when the
// line is full; returns the index tapped or -1. `chosen` is drawn as primary.
int buttonRow(UiContext& ui, const std::string& idPrefix, const std::vector<std::string>& ids,
              const std::vector<std::string>& labels, int chosen, float avail);

// Every text the view will show (the font book adds new characters first).
void addTexts(const ReportsView& v, std::vector<std::string>& out);

}  // namespace salon::ui
