#include "app/core/name_keys.h"

#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "app/core/text_rules.h"

namespace salon {
namespace {

// Surnames read differently from the character's everyday reading (多音字姓氏).
struct SurnameReading {
  const char* surname;
  const char* pinyin[2];
};
constexpr SurnameReading kSurnames[] = {
    {"曾", {"zeng"}}, {"单", {"shan"}}, {"解", {"xie"}},  {"仇", {"qiu"}},  {"区", {"ou"}},
    {"朴", {"piao"}}, {"查", {"zha"}},  {"盖", {"ge"}},   {"覃", {"qin"}},  {"尉", {"yu"}},
    {"缪", {"miao"}}, {"翟", {"zhai"}}, {"繁", {"po"}},   {"乐", {"yue"}},  {"员", {"yun"}},
    {"秘", {"bi"}},   {"种", {"chong"}}, {"褚", {"chu"}}, {"燕", {"yan"}},  {"任", {"ren"}},
    {"沈", {"shen"}}, {"宓", {"mi"}},   {"纪", {"ji"}},   {"柏", {"bai"}},  {"长", {"zhang"}},
    {"尉迟", {"yu", "chi"}}, {"万俟", {"mo", "qi"}}, {"长孙", {"zhang", "sun"}}, {"单于", {"chan", "yu"}},
};

std::unique_ptr<icu::Transliterator> openTransliterator(const char* id) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, err));
  if (U_FAILURE(err) || !t) throw std::runtime_error(std::string("ICU transliterator missing: ") + id);
  return t;
}

std::unique_ptr<icu::Collator> openCollator(const char* locale) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale(locale), err));
  if (U_FAILURE(err) || !c) throw std::runtime_error(std::string("ICU collator missing: ") + locale);
  return c;
}

std::string sortKey(icu::Collator& c, const icu::UnicodeString& s) {
  uint8_t buf[256];
  int32_t n = c.getSortKey(s, buf, sizeof buf);
  if (n <= static_cast<int32_t>(sizeof buf)) return std::string(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
  std::string big(static_cast<std::size_t>(n), '\0');
  c.getSortKey(s, reinterpret_cast<uint8_t*>(big.data()), n);
  return big;
}

bool isLatinLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool isHan(char32_t cp) {
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &err) == USCRIPT_HAN;
}

// Each of ICU's transliterators and collators is opened on first use: Han-Latin
// alone costs a few hundred ms and tens of MB, and a kiosk that only lists and
// searches customers (search forms) never needs it (it was opened at start-up).
NameKeyMaker::NameKeyMaker() = default;

icu::Transliterator& NameKeyMaker::toLatin() {
  if (!toLatin_) toLatin_ = openTransliterator("Han-Latin; Latin-ASCII");
  return *toLatin_;
}

icu::Transliterator& NameKeyMaker::toSimplified() {
  if (!toSimplified_) toSimplified_ = openTransliterator("Hant-Hans");
  return *toSimplified_;
}

icu::Collator& NameKeyMaker::pinyinOrder() {
  if (!pinyinOrder_) pinyinOrder_ = openCollator("zh@collation=pinyin");
  return *pinyinOrder_;
}

icu::Collator& NameKeyMaker::strokeOrder() {
  if (!strokeOrder_) strokeOrder_ = openCollator("zh@collation=stroke");
  return *strokeOrder_;
}

NameKeyMaker::~NameKeyMaker() = default;

char32_t NameKeyMaker::simplifiedOf(char32_t cp) {
  if (!isHan(cp)) return cp;
  auto it = simplified_.find(cp);
  if (it != simplified_.end()) return it->second;
  icu::UnicodeString u(static_cast<UChar32>(cp));
  toSimplified().transliterate(u);
  char32_t out = u.countChar32() == 1 ? static_cast<char32_t>(u.char32At(0)) : cp;
  simplified_.emplace(cp, out);
  return out;
}

const std::string& NameKeyMaker::pinyinOf(char32_t cp) {
  auto it = pinyin_.find(cp);
  if (it != pinyin_.end()) return it->second;
  std::string out;
  if (isHan(cp)) {
    icu::UnicodeString u(static_cast<UChar32>(cp));
    toLatin().transliterate(u);
    std::string s;
    u.toUTF8String(s);
    for (char c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= 'a' && c <= 'z') out += c;
      else if (c != ' ') { out.clear(); break; }  // ICU has no reading (a rare character)
    }
  }
  return pinyin_.emplace(cp, out).first->second;
}

std::string NameKeyMaker::searchForm(const std::string& text) {
  std::vector<char32_t> cps, out;
  if (!decodeUtf8(text, cps)) return "";
  for (char32_t c : cps) {
    if (c == ' ' || c == 0xB7 || c == 0x3000 || c == '\t' || c == 0x30FB || c == 0x2022) continue;
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    out.push_back(simplifiedOf(c));
  }
  return encodeUtf8(out);
}

NameKeys NameKeyMaker::keysOf(const std::string& name) {
  NameKeys k;
  k.searchForm = searchForm(name);
  std::vector<char32_t> cps;
  decodeUtf8(k.searchForm, cps);

  // Pinyin: a surname reading first, then each character; a Latin word is one
  // syllable whose initial is its first letter.
  std::size_t i = 0;
  for (const SurnameReading& s : kSurnames) {
    std::vector<char32_t> sur;
    decodeUtf8(s.surname, sur);
    if (cps.size() > sur.size() && std::equal(sur.begin(), sur.end(), cps.begin())) {
      for (const char* py : s.pinyin) {
        if (!py) break;
        k.pinyin += py;
        k.initials += py[0];
      }
      i = sur.size();
      break;
    }
  }
  bool inWord = false;
  for (; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (isLatinLetter(c)) {
      if (!inWord) k.initials += static_cast<char>(c);
      k.pinyin += static_cast<char>(c);
      inWord = true;
      continue;
    }
    inWord = false;
    const std::string& py = pinyinOf(c);
    if (py.empty()) continue;
    k.pinyin += py;
    k.initials += py[0];
  }

  for (std::size_t b = 0; b < cps.size(); ++b)
    for (std::size_t len = 1; len <= kMaxGram && b + len <= cps.size(); ++len) {
      std::vector<char32_t> piece(cps.begin() + static_cast<long>(b), cps.begin() + static_cast<long>(b + len));
      GramPlace place = b > 0 ? GramPlace::Inside : len == cps.size() ? GramPlace::Whole : GramPlace::Prefix;
      std::string text = encodeUtf8(piece);
      bool seen = false;  // 丽丽: one row per piece, at its best place
      for (NameGram& g : k.grams)
        if (g.text == text) {
          if (place < g.place) g.place = place;
          seen = true;
        }
      if (!seen) k.grams.push_back({text, place});
    }

  icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
  k.pinyinSortKey = sortKey(pinyinOrder(), u);
  k.strokeSortKey = sortKey(strokeOrder(), u);
  return k;
}

}  // namespace salon
