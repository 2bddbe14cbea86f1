#include "app/core/i18n.h"

namespace salon {

const std::string& Catalog::text(const std::string& key) const {
  if (auto it = texts_.find(key); it != texts_.end()) return it->second;
  if (auto it = fallback_.find(key); it != fallback_.end()) return it->second;
  return key;
}

std::string Catalog::describe(const DomainError& e) const {
  std::string key = "error." + e.code();
  std::string sentence = text(key);
  if (sentence == key) sentence = text("error.unknown") + " [" + e.code() + "]";
  return e.detail().empty() ? sentence : sentence + ": " + e.detail();
}

std::string replaced(std::string text, const std::string& slot, const std::string& value) {
  if (auto at = text.find(slot); at != std::string::npos) text.replace(at, slot.size(), value);
  return text;
}

}  // namespace salon
