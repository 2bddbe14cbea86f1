#pragma once
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"
#include "app/ui/approvals/approvals_view.h"

namespace salon::ui {

class ApprovalsScreen {
 public:
  Intents draw(UiContext& ui, const ApprovalsView& v);

 private:
  void dueList(UiContext& ui, const ApprovalsView& v, Intents& out);
  void inboxPager(UiContext& ui, const ApprovalsView& v, Intents& out);
  void inboxList(UiContext& ui, const ApprovalsView& v, Intents& out);
  Intents detailsForm(UiContext& ui, const ApprovalsView& v);
  Intents notesForm(UiContext& ui, const ApprovalsView& v);
  void formHeader(UiContext& ui, const std::string& title, const std::string& note, bool alert, Intents& out);
  void keyboard(UiContext& ui, const ApprovalsView& v, Intents& out);
  void phrases(UiContext& ui, const std::vector<std::string>& list, Intents& out, const std::string& lit = "");
};

// The home screen's "due soon" section: a few rows with their countdown; a tap
// opens the Approvals screen.
Intent dueSoonSection(UiContext& ui, const std::vector<DueRow>& rows, int total);

// Every text the view will show (the font book adds new characters first).
void addTexts(const ApprovalsView& v, std::vector<std::string>& out);

}  // namespace salon::ui
