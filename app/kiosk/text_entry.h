#pragma once
// On-screen keyboard keys into a text: letters and digits as typed, '<' erases
// the last character (whole UTF-8), 'C' clears; '=' (done) changes nothing.
#include <string>

namespace salon::kiosk {

inline void eraseLastCharacter(std::string& s) {
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty()) s.pop_back();
}

inline void applyKeys(std::string& text, const std::string& keys) {
  for (char k : keys) {
    if (k == '<') eraseLastCharacter(text);
    else if (k == 'C') text.clear();
    else if (k != '=') text += k;
  }
}

}  // namespace salon::kiosk
