#pragma once
// Translated sentences by key ("error.pin_wrong", "checkin.title", ...), for the
// languages the kiosk speaks: zh-Hans (default), zh-Hant, en. The texts live in
// assets/i18n/<lang>.json; whoever loads them hands them to a Catalog.
#include <map>
#include <string>

#include "app/core/error.h"

namespace salon {

class Catalog {
 public:
  Catalog() = default;
  Catalog(std::string language, std::map<std::string, std::string> texts, std::map<std::string, std::string> fallback = {})
      : language_(std::move(language)), texts_(std::move(texts)), fallback_(std::move(fallback)) {}
  const std::string& language() const { return language_; }
  // The text for `key`, the English fallback, or the key itself.
  const std::string& text(const std::string& key) const;
  // "<translated error sentence>: <detail>"
  std::string describe(const DomainError& e) const;
  const std::map<std::string, std::string>& all() const { return texts_; }

 private:
  std::string language_;
  std::map<std::string, std::string> texts_;
  std::map<std::string, std::string> fallback_;
};

// `text` with its first `slot` ("{n}") replaced by `value`: a translated sentence's blank filled.
std::string replaced(std::string text, const std::string& slot, const std::string& value);

}  // namespace salon
