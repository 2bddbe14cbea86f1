#pragma once
// Keys from the on-screen keypads and keyboards into a text. One rule for every
// screen: '<' erases the last character (a pinyin letter still being composed
// first), 'C' clears the text and the letters, '=' is done (keys after it are
// left for the caller). What else a text accepts depends on its kind.
#include <cstddef>
#include <string>

#include "app/core/text_rules.h"

namespace salon::kiosk {

class KeyEntry {
 public:
  enum class Kind {
    Digits,  // 0-9 (PINs, counts)
    Phone,   // 0-9, a '+' first (+852 …), a '-' after digits (021-62881234)
    Yuan,    // an amount: digits, one '.', at most two decimals ("." alone becomes "0.")
    Text,    // letters a-z and digits; with a pinyin engine, letters compose first
    Free,    // any key but the three above (addresses, passwords, names); letters compose as Text
  };
  KeyEntry(Kind kind, std::size_t maxBytes) : kind_(kind), max_(maxBytes) {}

  // Applies `keys`; returns true when '=' was reached (the rest is not applied).
  // `composing`: letters go to the pinyin buffer (the engine is ready).
  bool apply(const std::string& keys, bool composing = false) {
    for (char k : keys) {
      if (k == '=') return true;
      if (k == 'C') clear();
      else if (k == '<') letters_.empty() ? eraseLastCharacter(text_) : letters_.pop_back();
      else add(k, composing);
    }
    return false;
  }
  // A candidate picked for the composed letters (or any text appended whole).
  void pick(const std::string& word) {
    if (text_.size() + word.size() <= max_) text_ += word;
    letters_.clear();
  }
  void set(std::string text) {
    text_ = std::move(text);
    letters_.clear();
  }
  void clear() {
    text_.clear();
    letters_.clear();
  }
  void clearLetters() { letters_.clear(); }
  const std::string& text() const { return text_; }
  const std::string& letters() const { return letters_; }
  bool empty() const { return text_.empty() && letters_.empty(); }

 private:
  static constexpr std::size_t kMaxLetters = 24;  // one pinyin syllable group at a time

  void add(char k, bool composing) {
    bool digit = k >= '0' && k <= '9', letter = k >= 'a' && k <= 'z';
    if ((kind_ == Kind::Text || kind_ == Kind::Free) && letter && composing) {
      if (letters_.size() < kMaxLetters) letters_ += k;
      return;
    }
    if (text_.size() >= max_) return;
    if (kind_ == Kind::Yuan) return addYuan(k, digit);
    if (kind_ == Kind::Phone) return addPhone(k, digit);
    if (digit || (kind_ == Kind::Text && letter) || kind_ == Kind::Free) text_ += k;
  }
  void addPhone(char k, bool digit) {
    const bool afterDigit = !text_.empty() && text_.back() >= '0' && text_.back() <= '9';
    if (digit || (k == '+' && text_.empty()) || (k == '-' && afterDigit)) text_ += k;
  }
  void addYuan(char k, bool digit) {
    auto dot = text_.find('.');
    if (k == '.' && dot == std::string::npos) text_ += text_.empty() ? "0." : ".";
    else if (digit && (dot == std::string::npos || text_.size() - dot <= 2)) text_ += k;
  }

  Kind kind_;
  std::size_t max_;
  std::string text_;
  std::string letters_;
};

// Keys into a plain text with no other rules (free text fields typed letter by letter).
inline void applyKeys(std::string& text, const std::string& keys) {
  for (char k : keys) {
    if (k == '<') eraseLastCharacter(text);
    else if (k == 'C') text.clear();
    else if (k != '=') text += k;
  }
}

}  // namespace salon::kiosk
