#pragma once
// Draws a member's figures (MemberFiguresView): stored value as principal +
// bonus, points, package sessions and arrears as short pieces that flow and wrap
// in the width given, and a small chip saying whose figures they are (总部 /
// 本店) and as of when. Shared by the checkout's customer bar and the check-in
// greeting; labels are ui.checkout.figures.*.
#include <string>
#include <vector>

#include "app/ui/member_figures_view.h"
#include "app/ui/widgets.h"

namespace salon::ui {

struct FiguresPiece {
  std::string text;
  bool alert = false;  // arrears: in the alert colour
};

// "储值 ¥750.00 + 赠送 ¥150.00"
std::string storedValueText(UiContext& ui, const MemberFiguresView& f);
// "疗程 补水护理 ×9、洗剪吹 ×3 等2项"; "" without packages.
std::string packagesText(UiContext& ui, const MemberFiguresView& f);
// Stored value, points, packages, arrears (each only when there is something to say
// beyond stored value and points).
std::vector<FiguresPiece> figuresPieces(UiContext& ui, const MemberFiguresView& f, bool withStoredValue = true,
                                        bool withPoints = true);
// How many lines the pieces take in `width`.
int figuresLines(const std::vector<FiguresPiece>& pieces, float width);
// The pieces from the cursor, wrapping at `width`.
void drawFigures(UiContext& ui, const std::vector<FiguresPiece>& pieces, float width);

// "总部 · 14:05", "本店 · 14:05 · 正在问总部…"
std::string sourceText(UiContext& ui, const MemberFiguresView& f);
float sourceChipWidth(UiContext& ui, const MemberFiguresView& f);
void sourceChip(UiContext& ui, const MemberFiguresView& f);

}  // namespace salon::ui
