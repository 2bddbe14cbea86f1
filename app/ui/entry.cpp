#include "app/ui/entry.h"

#include <algorithm>

#include "app/ui/glyph_set.h"

namespace salon::ui {

bool DigitEntry::apply(const std::string& keys) {
  bool done = false;
  for (char k : keys) {
    if (k >= '0' && k <= '9') {
      if (digits_.size() < max_) digits_ += k;
    } else if (k == '<') {
      if (!digits_.empty()) digits_.pop_back();
    } else if (k == 'C') {
      digits_.clear();
    } else if (k == '=') {
      done = true;
    }
  }
  return done;
}

std::string maskName(const std::string& name) {
  std::u32string chars = decodeUtf8(name);
  chars.erase(std::remove(chars.begin(), chars.end(), U' '), chars.end());
  if (chars.empty()) return "*";
  std::string out = encodeUtf8(chars[0]);
  std::size_t stars = std::clamp<std::size_t>(chars.size() - 1, 1, 4);
  out.append(stars, '*');
  return out;
}

}  // namespace salon::ui
