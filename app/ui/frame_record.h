#pragma once
// What the last frame drew: every text, and every tappable widget's rectangle by
// id and label. Scripted sessions tap and expect against it; the font book takes
// the characters it needs from it.
#include <string>
#include <vector>

namespace salon::ui {

struct Tappable {
  std::string id;     // stable, language-independent: "keypad.7", "home.checkin"
  std::string label;  // as shown, in the current language
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // Cut by the edge of the list it scrolls in: the rectangle is the part that
  // shows (where a finger can touch it), smaller than the widget.
  bool cut = false;
  float centreX() const { return (x0 + x1) / 2; }
  float centreY() const { return (y0 + y1) / 2; }
};

class FrameRecord {
 public:
  void clear() {
    tappables_.clear();
    texts_.clear();
  }
  void tappable(Tappable t) {
    texts_.push_back(t.label);
    tappables_.push_back(std::move(t));
  }
  void text(std::string s) { texts_.push_back(std::move(s)); }

  // By id first, then by label.
  const Tappable* find(const std::string& idOrLabel) const {
    for (const Tappable& t : tappables_)
      if (t.id == idOrLabel) return &t;
    for (const Tappable& t : tappables_)
      if (t.label == idOrLabel) return &t;
    return nullptr;
  }
  // True if some drawn text contains `needle`.
  bool drew(const std::string& needle) const {
    for (const std::string& s : texts_)
      if (s.find(needle) != std::string::npos) return true;
    return false;
  }
  const std::vector<std::string>& texts() const { return texts_; }
  const std::vector<Tappable>& tappables() const { return tappables_; }

 private:
  std::vector<Tappable> tappables_;
  std::vector<std::string> texts_;
};

}  // namespace salon::ui
