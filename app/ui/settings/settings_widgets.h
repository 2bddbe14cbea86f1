#pragma once
// Small pieces the Settings screen draws more than once.
#include <string>
#include <vector>

#include "app/ui/intents.h"
#include "app/ui/widgets.h"

namespace salon::ui {

inline void settingsIntent(Intents& out, SettingsIntent i) { out.push_back(std::move(i)); }

// Keys a printer address or a password needs beyond letters and digits.
void symbolRow(UiContext& ui, float width, Intents& out);

// A row "label   value   修改": tapping it starts typing `field`.
void fieldRow(UiContext& ui, const std::string& field, const std::string& label, const std::string& value,
              Intents& out);

// Buttons for choices that wrap onto more lines; the current one is highlighted.
// Returns the value tapped ("" when none).
struct Choice {
  std::string value;
  std::string label;
};
std::string choiceButtons(UiContext& ui, const std::string& idPrefix, const std::vector<Choice>& choices,
                          const std::string& current, float buttonWidth);

// A tappable list row drawn over with up to five cells at fixed x positions
// (fractions of the width); the chosen row is shaded.
bool listRow(UiContext& ui, const std::string& id, const std::vector<std::string>& cells,
             const std::vector<float>& columns, bool chosen, bool muted);

}  // namespace salon::ui
