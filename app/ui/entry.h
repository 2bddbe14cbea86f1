#pragma once
// Digits typed on a keypad (PIN, phone), and how names and phones are masked on
// screens a customer can see.
#include <string>

namespace salon::ui {

class DigitEntry {
 public:
  explicit DigitEntry(std::size_t maxLength) : max_(maxLength) {}
  // Applies keypad keys ('0'..'9', '<' erase, 'C' clear); returns true if '='
  // (done) was among them. Other characters are ignored.
  bool apply(const std::string& keys);
  const std::string& digits() const { return digits_; }
  void clear() { digits_.clear(); }

 private:
  std::size_t max_;
  std::string digits_;
};

// 张三 → 张*, 欧阳娜娜 → 欧***, Alice → A****: the first character and one star
// per remaining character (at most four).
std::string maskName(const std::string& name);

}  // namespace salon::ui
