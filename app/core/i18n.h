#pragma once
// Translated sentences by key ("error.pin_wrong", "checkin.title", ...), for the
// languages the kiosk speaks: zh-Hans (default), zh-Hant, en. The texts live in
// assets/i18n/<lang>.json; whoever loads them hands them to a Catalog.
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "app/core/error.h"

namespace salon {

class Catalog {
 public:
  Catalog() = default;
  Catalog(std::string language, std::map<std::string, std::string> texts, std::map<std::string, std::string> fallback = {})
      : language_(std::move(language)), texts_(std::move(texts)), fallback_(std::move(fallback)) {}
  const std::string& language() const { return language_; }
  // The text for `key`, the English fallback, or the key itself. The reference
  // stays valid as long as the catalog, even for a missing key built in a
  // temporary (the key is then kept in the catalog's own set).
  const std::string& text(const std::string& key) const;
  // "<translated error sentence>: <detail>"
  std::string describe(const DomainError& e) const;
  const std::map<std::string, std::string>& all() const { return texts_; }

 private:
  std::string language_;
  std::map<std::string, std::string> texts_;
  std::map<std::string, std::string> fallback_;
  struct MissingKeys {
    std::mutex guard;  // text() is called from the window and from workers
    std::set<std::string> keys;
  };
  std::shared_ptr<MissingKeys> missing_ = std::make_shared<MissingKeys>();
};

}  // namespace salon
