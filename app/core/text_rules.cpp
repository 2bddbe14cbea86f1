#include "app/core/text_rules.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "app/core/error.h"

namespace salon {

namespace {

// The length of the well-formed sequence at s[i] and its code point in `cp`; 0 when
// it is malformed. Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
std::size_t decodeAt(const std::string& text, std::size_t i, char32_t& cp) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  unsigned char c = s[i];
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > n) return 0;
  cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

bool decodeUtf8(const std::string& text, std::vector<char32_t>& out) {
  out.clear();
  for (std::size_t i = 0, len = 0; i < text.size(); i += len) {
    char32_t cp = 0;
    len = decodeAt(text, i, cp);
    if (len == 0) return false;
    out.push_back(cp);
  }
  return true;
}

char32_t nextCharacter(const std::string& text, std::size_t& pos) {
  char32_t cp = 0;
  std::size_t len = decodeAt(text, pos, cp);
  pos += len == 0 ? 1 : len;
  return len == 0 ? U'\uFFFD' : cp;
}

std::u32string codePoints(const std::string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) out += nextCharacter(text, i);
  return out;
}

void appendUtf8(std::string& o, char32_t cp) {
  if (cp < 0x80) {
    o += static_cast<char>(cp);
  } else if (cp < 0x800) {
    o += static_cast<char>(0xC0 | (cp >> 6));
    o += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    o += static_cast<char>(0xE0 | (cp >> 12));
    o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    o += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    o += static_cast<char>(0xF0 | (cp >> 18));
    o += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    o += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encodeUtf8(char32_t cp) {
  std::string o;
  appendUtf8(o, cp);
  return o;
}

std::string encodeUtf8(const std::vector<char32_t>& cps) {
  std::string o;
  for (char32_t c : cps) o += encodeUtf8(c);
  return o;
}

bool isEmoji(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) ||  // pictographs, emoticons, transport, flags
         (cp >= 0x2600 && cp <= 0x27BF) ||    // miscellaneous symbols, dingbats
         (cp >= 0x2B00 && cp <= 0x2BFF) ||    // arrows and stars used as emoji
         cp == 0xFE0F || cp == 0x200D || cp == 0x20E3 || (cp >= 0xE0020 && cp <= 0xE007F);
}

std::vector<std::string> codeList(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text + ",") {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur += c;
    }
  }
  return out;
}

void eraseLastCharacter(std::string& utf8) {
  while (!utf8.empty() && (static_cast<unsigned char>(utf8.back()) & 0xC0) == 0x80) utf8.pop_back();
  if (!utf8.empty()) utf8.pop_back();
}

std::size_t countCharacters(const std::string& utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

std::string nfc(const std::string& text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString out = norm->normalize(u, err);
  if (U_FAILURE(err)) return text;
  std::string s;
  out.toUTF8String(s);
  return s;
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }

}  // namespace

std::string checkText(const std::string& field, const std::string& text, const TextRule& rule) {
  std::vector<char32_t> cps;
  if (!decodeUtf8(text, cps)) throw DomainError("text_not_utf8", field);
  // A limit on the raw input too, so 10,000 characters of blanks cannot slip through.
  if (cps.size() > rule.maxChars + 64) throw DomainError("text_too_long", field + " > " + std::to_string(rule.maxChars));
  std::size_t b = 0, e = cps.size();
  while (b < e && isSpace(cps[b])) ++b;
  while (e > b && isSpace(cps[e - 1])) --e;
  std::vector<char32_t> kept(cps.begin() + static_cast<long>(b), cps.begin() + static_cast<long>(e));
  for (char32_t c : kept) {
    if (!rule.allowEmoji && isEmoji(c)) throw DomainError("text_emoji", field);
    bool newline = c == '\n' || c == '\r' || c == '\t';
    if ((c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) && !(newline && rule.allowNewlines))
      throw DomainError("text_control", field);
  }
  std::string out = nfc(encodeUtf8(kept));
  if (countCharacters(out) > rule.maxChars)
    throw DomainError("text_too_long", field + " > " + std::to_string(rule.maxChars));
  return out;
}

std::string checkName(const std::string& text) {
  std::string trimmed = checkText("name", text, {40, false, false});
  std::vector<char32_t> cps;
  decodeUtf8(trimmed, cps);
  if (cps.empty()) throw DomainError("name_required", "name");
  std::vector<char32_t> out;
  bool lastSpace = false;
  for (char32_t c : cps) {
    if (c == 0x30FB || c == 0x2022 || c == 0x2027 || c == 0xFF65 || c == 0x22C5) c = 0xB7;
    if (isSpace(c)) {
      if (!lastSpace) out.push_back(' ');
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    bool ok = u_isUAlphabetic(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
              c == 0xB7 || c == '\'' || c == '-' || c == '.';
    if (!ok) throw DomainError("name_invalid", trimmed);
    out.push_back(c);
  }
  return encodeUtf8(out);
}

}  // namespace salon
