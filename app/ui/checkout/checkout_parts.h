#pragma once
// Small drawing pieces the checkout screen's parts share (cart, tender, settled).
#include <string>

#include "app/ui/checkout/checkout_screen.h"

namespace salon::ui::checkout_parts {

void intent(Intents& out, CheckoutIntent i);
std::string yuan(const std::string& amount);
// A label and a value on one row, the value right-aligned in `width`.
void row(UiContext& ui, const std::string& label, const std::string& value, float width, bool big = false);
float labelWidth(UiContext& ui, const std::string& s, float min);
// A 4×3 pad of big keys sized to fit `height`; returns the keys tapped ("7", "<", "=", ".").
std::string pad(UiContext& ui, const std::string& idPrefix, const char* const keys[12], float width, float height,
                const std::string& okLabel);

// A back-entry in one line: "补录 · 完成于 14:05 · 忘记录入 · 将记为超时补录".
std::string backEntryLine(UiContext& ui, const CheckoutBackEntryView& b);

// Buttons flowing left to right, wrapping at `width`.
class Flow {
 public:
  Flow(float width, float gap) : width_(width), gap_(gap) {}
  void next(float w);

 private:
  float width_, gap_, used_ = 0;
};

}  // namespace salon::ui::checkout_parts
