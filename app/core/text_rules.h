#pragma once
// What a text typed into a customer file may be: valid UTF-8, no control
// characters, a length limit in characters, and no emoji where they make no
// sense (names, phones, addresses). Errors name the field so the form can point
// at it.
#include <cstddef>
#include <string>
#include <vector>

namespace salon {

// Decodes UTF-8 into code points; false on a malformed sequence.
bool decodeUtf8(const std::string& text, std::vector<char32_t>& out);
// The code point at `pos`, moving `pos` past it. A malformed or cut-off sequence
// (overlong forms, surrogates and values past U+10FFFF too) gives U+FFFD and moves
// one byte, so a reader goes on with the rest.
char32_t nextCharacter(const std::string& text, std::size_t& pos);
// Every code point of `text`, bad bytes as U+FFFD: for drawing and printing, where
// one broken byte must not lose the rest of the line.
std::u32string codePoints(const std::string& text);
std::string encodeUtf8(const std::vector<char32_t>& cps);
std::string encodeUtf8(char32_t cp);
void appendUtf8(std::string& out, char32_t cp);
bool isEmoji(char32_t cp);
std::size_t countCharacters(const std::string& utf8);
// "S-CUT, S-DYE,," -> {"S-CUT", "S-DYE"}: codes separated by commas, spaces
// dropped, empty items skipped (settings such as appointments.priority_tiers).
std::vector<std::string> codeList(const std::string& text);
// Removes the last whole character (all bytes of a multi-byte one); nothing if empty.
void eraseLastCharacter(std::string& utf8);

struct TextRule {
  std::size_t maxChars = 200;
  bool allowEmoji = false;
  bool allowNewlines = false;
};

// The text trimmed of surrounding white space and NFC-normalised, or DomainError:
// text_not_utf8, text_too_long (detail: field, limit), text_emoji, text_control.
std::string checkText(const std::string& field, const std::string& text, const TextRule& rule);

// A customer's name: letters of any script (Han including the extensions: 䶮, 𠮷),
// Latin letters ("Cathy 王"), spaces, the middle dot of transliterated names
// (· ・ • are all stored as U+00B7), apostrophe, hyphen and period.
// DomainError name_required, name_invalid, plus checkText's errors.
std::string checkName(const std::string& text);

}  // namespace salon
