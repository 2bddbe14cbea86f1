#pragma once
// The keys a customer's name is found and sorted by: its search form (simplified
// Han, lower-case Latin, no spaces or dots), full pinyin and initials
// (张三丰 → zhangsanfeng, zsf; a surname table for the polyphones 曾 zeng, 单 shan,
// 解 xie, ...), its 1- to 4-character pieces (n-grams, so one or two characters
// find it too), and collation keys for lists by pinyin and by stroke count.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
class Collator;
U_NAMESPACE_END

namespace salon {

// How well a piece matches a whole name: the ranking of lookups.
enum class GramPlace { Whole = 0, Prefix = 1, Inside = 2 };

struct NameGram {
  std::string text;
  GramPlace place = GramPlace::Inside;
};

struct NameKeys {
  std::string searchForm;     // 陈小美 for 陳小美; "cathy王" for "Cathy 王"
  std::string pinyin;         // chenxiaomei
  std::string initials;       // cxm
  std::string pinyinSortKey;  // binary ICU sort key, zh@collation=pinyin
  std::string strokeSortKey;  // binary ICU sort key, zh@collation=stroke
  std::vector<NameGram> grams;
};

constexpr std::size_t kMaxGram = 4;

// Holds ICU's transliterators and collators (expensive to open: each on first
// use) and caches each
// character's reading, so keys for a million names are made in seconds. Not
// thread-safe: one per thread.
class NameKeyMaker {
 public:
  NameKeyMaker();
  ~NameKeyMaker();
  NameKeyMaker(const NameKeyMaker&) = delete;
  NameKeyMaker& operator=(const NameKeyMaker&) = delete;

  NameKeys keysOf(const std::string& name);
  // A query in search form: simplified, lower-case, without spaces and dots.
  std::string searchForm(const std::string& text);
  // The pinyin of one character ("" for a non-Han one), surname table aside.
  const std::string& pinyinOf(char32_t cp);
  char32_t simplifiedOf(char32_t cp);

 private:
  icu::Transliterator& toLatin();
  icu::Transliterator& toSimplified();
  icu::Collator& pinyinOrder();
  icu::Collator& strokeOrder();

  std::unique_ptr<icu::Transliterator> toLatin_;
  std::unique_ptr<icu::Transliterator> toSimplified_;
  std::unique_ptr<icu::Collator> pinyinOrder_;
  std::unique_ptr<icu::Collator> strokeOrder_;
  std::unordered_map<char32_t, std::string> pinyin_;
  std::unordered_map<char32_t, char32_t> simplified_;
};

bool isHan(char32_t cp);

}  // namespace salon
