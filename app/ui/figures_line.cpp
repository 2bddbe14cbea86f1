#include "app/ui/figures_line.h"

namespace salon::ui {
namespace {

std::string yuan(const std::string& amount) { return "¥" + amount; }

float widthOf(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }

Icon chipIcon(const MemberFiguresView& f) { return f.asking ? Icon::Clock : f.headOffice ? Icon::Check : Icon::None; }

}  // namespace

std::string storedValueText(UiContext& ui, const MemberFiguresView& f) {
  return ui.t("ui.checkout.figures.stored_value") + " " + yuan(f.principal) + " + " +
         ui.t("ui.checkout.figures.bonus") + " " + yuan(f.bonus);
}

std::string packagesText(UiContext& ui, const MemberFiguresView& f) {
  if (f.packages.empty()) return "";
  std::string s = ui.t("ui.checkout.figures.packages");
  for (std::size_t i = 0; i < f.packages.size(); ++i) s += (i ? ui.t("ui.checkout.figures.and") : " ") + f.packages[i];
  if (f.morePackages > 0) {
    std::string more = ui.t("ui.checkout.figures.more");
    const auto at = more.find("{n}");
    if (at != std::string::npos) more.replace(at, 3, std::to_string(f.morePackages));
    s += " " + more;
  }
  return s;
}

std::vector<FiguresPiece> figuresPieces(UiContext& ui, const MemberFiguresView& f, bool withStoredValue,
                                        bool withPoints) {
  std::vector<FiguresPiece> out;
  if (withStoredValue) out.push_back({storedValueText(ui, f)});
  if (withPoints) out.push_back({ui.t("ui.checkout.figures.points") + " " + f.points});
  if (std::string p = packagesText(ui, f); !p.empty()) out.push_back({p});
  if (!f.arrears.empty()) out.push_back({ui.t("ui.checkout.figures.arrears") + " " + yuan(f.arrears), true});
  return out;
}

int figuresLines(const std::vector<FiguresPiece>& pieces, float width) {
  if (pieces.empty()) return 0;
  const float sep = ImGui::GetStyle().ItemSpacing.x * 2;
  int lines = 1;
  float x = 0;
  for (const FiguresPiece& p : pieces) {
    const float w = widthOf(p.text);
    if (x > 0 && x + sep + w > width) {
      ++lines;
      x = 0;
    }
    x += (x > 0 ? sep : 0) + w;
  }
  return lines;
}

void drawFigures(UiContext& ui, const std::vector<FiguresPiece>& pieces, float width) {
  const float sep = ImGui::GetStyle().ItemSpacing.x * 2;
  float x = 0;
  for (const FiguresPiece& p : pieces) {
    const float w = widthOf(p.text);
    if (x > 0 && x + sep + w <= width) {
      ImGui::SameLine(0, sep);
      x += sep + w;
    } else {
      x = w;
    }
    p.alert ? alertText(ui, p.text) : text(ui, p.text);
  }
}

std::string sourceText(UiContext& ui, const MemberFiguresView& f) {
  std::string s = ui.t(f.headOffice ? "ui.checkout.figures.source_hq" : "ui.checkout.figures.source_local");
  if (!f.asOf.empty()) s += " · " + f.asOf;
  if (f.asking) s += " · " + ui.t("ui.checkout.figures.asking");
  return s;
}

float sourceChipWidth(UiContext& ui, const MemberFiguresView& f) {
  const Icon icon = chipIcon(f);
  const std::string glyph = icon != Icon::None && ui.fonts.hasIcons() ? iconText(icon) + " " : "";
  return widthOf(glyph + sourceText(ui, f)) + ui.metrics.gap * 1.2f;
}

// Head office's figures in the "done" colour, the store's own in grey, and the
// store's own while head office is asked with a clock.
void sourceChip(UiContext& ui, const MemberFiguresView& f) {
  const ImVec4& fill = f.headOffice ? ui.c().ok : f.asking ? ui.c().accent : ui.c().muted;
  statusChip(ui, chipIcon(f), sourceText(ui, f), ImGui::GetColorU32(fill));
}

}  // namespace salon::ui
