#include "app/ui/palette.h"

#include <algorithm>
#include <cstdint>

namespace salon::ui {
namespace {

// Strong colours, each with white text at a contrast of 5:1 or more; the soft
// colour is a third of it on white (dark ink at 10:1). The first seven are the
// catalog's own categories, in the order of kKnown.
constexpr ImU32 kStrong[] = {
    IM_COL32(168, 72, 80, 255),   // rose clay
    IM_COL32(156, 92, 32, 255),   // amber
    IM_COL32(86, 114, 62, 255),   // sage
    IM_COL32(132, 68, 122, 255),  // plum
    IM_COL32(44, 112, 118, 255),  // teal
    IM_COL32(120, 104, 30, 255),  // mustard
    IM_COL32(88, 92, 148, 255),   // slate
    IM_COL32(160, 52, 96, 255),   // berry
    IM_COL32(52, 116, 90, 255),   // pine
    IM_COL32(140, 82, 48, 255),   // copper
};
constexpr std::size_t kColours = sizeof kStrong / sizeof kStrong[0];
constexpr const char* kKnown[] = {"hair", "face", "body", "nail", "product", "package", "stored_value"};
constexpr ImU32 kNeutral = IM_COL32(128, 112, 104, 255);

ImU32 softOf(ImU32 strong) {
  auto mix = [&](int shift) { return static_cast<ImU32>((((strong >> shift) & 0xFF) * 32 + 255 * 68) / 100) << shift; };
  return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | (strong & IM_COL32_A_MASK);
}

// FNV-1a: the same text gives the same number on every machine and run.
std::uint32_t stableHash(const std::string& s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

// The first UTF-8 character of `s`, an ASCII letter in capitals ("" when empty).
std::string firstCharacter(const std::string& s) {
  if (s.empty()) return "";
  const auto lead = static_cast<unsigned char>(s[0]);
  if (lead < 0x80) return std::string(1, static_cast<char>(lead >= 'a' && lead <= 'z' ? lead - 32 : lead));
  std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return s.substr(0, n);
}

}  // namespace

Swatch paletteSwatch(std::size_t index) {
  const ImU32 strong = kStrong[index % kColours];
  return {strong, softOf(strong)};
}

Swatch categorySwatch(const std::string& category) {
  const std::string name = category.substr(category.rfind('.') == std::string::npos ? 0 : category.rfind('.') + 1);
  if (name.empty()) return {kNeutral, softOf(kNeutral)};
  constexpr std::size_t known = sizeof kKnown / sizeof kKnown[0];
  for (std::size_t i = 0; i < known; ++i)
    if (name == kKnown[i]) return paletteSwatch(i);
  return paletteSwatch(stableHash(name));
}

Swatch customerSwatch(const std::string& fileNo) { return paletteSwatch(stableHash(fileNo)); }

void avatar(UiContext& ui, const std::string& name, const std::string& fileNo, float diameter) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(diameter, diameter));
  const std::string initial = firstCharacter(name);
  const ImVec2 centre(at.x + diameter / 2, at.y + diameter / 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(centre, diameter / 2, customerSwatch(fileNo.empty() ? name : fileNo).strong, 32);
  ImFont* font = ui.fonts.big() ? ui.fonts.big() : ImGui::GetFont();
  const float size = std::min(font->FontSize, diameter * 0.6f);
  const ImVec2 extent = font->CalcTextSizeA(size, diameter, 0, initial.c_str());
  dl->AddText(font, size, ImVec2(centre.x - extent.x / 2, centre.y - extent.y / 2), IM_COL32_WHITE, initial.c_str());
  ui.record.text(initial);
}

StateChip stateChip(const std::string& stateKey) {
  // White text on each fill is at least 4.5:1 (palette_test).
  constexpr ImU32 kWaiting = IM_COL32(166, 96, 20, 255), kDone = IM_COL32(52, 116, 70, 255);
  constexpr ImU32 kBooked = IM_COL32(70, 96, 150, 255), kAlert = IM_COL32(178, 40, 36, 255);
  constexpr ImU32 kGrey = IM_COL32(108, 100, 96, 255), kService = IM_COL32(120, 70, 150, 255);
  const std::string s = stateKey.substr(stateKey.rfind('.') + 1);
  if (s == "waiting" || s == "checked_in" || s == "due") return {Icon::Clock, kWaiting};
  if (s == "in_service") return {Icon::Cut, kService};
  if (s == "paid" || s == "completed") return {Icon::Check, kDone};
  if (s == "booked") return {Icon::Event, kBooked};
  if (s == "no_show" || s == "overdue") return {Icon::Warning, kAlert};
  if (s == "cancelled") return {Icon::Cancelled, kGrey};
  return {};
}

}  // namespace salon::ui
