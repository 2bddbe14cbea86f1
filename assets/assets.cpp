#include "assets/assets.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace salon::assets {

std::optional<std::string> text(const std::string& path) {
  auto it = embedded().find(path);
  if (it == embedded().end()) return std::nullopt;
  return it->second;
}

namespace {

// Merges i18n/<lang>.json and every i18n/<lang>.<module>.json (one file per
// module, so modules add their sentences without touching each other's).
std::map<std::string, std::string> load(const std::string& language) {
  std::map<std::string, std::string> out;
  const std::string whole = "i18n/" + language + ".json", prefix = "i18n/" + language + ".";
  for (const auto& [path, raw] : embedded()) {
    bool ours = path == whole || (path.rfind(prefix, 0) == 0 && path.size() > 5 &&
                                  path.compare(path.size() - 5, 5, ".json") == 0);
    if (!ours) continue;
    auto json = nlohmann::json::parse(raw);
    for (auto& [k, v] : json.items()) out[k] = v.get<std::string>();
  }
  return out;
}

}  // namespace

Catalog catalog(const std::string& language) {
  std::string lang = (language == "zh-Hant" || language == "en") ? language : "zh-Hans";
  return Catalog(lang, load(lang), load("en"));
}

std::string languageFromEnvironment() {
  const char* v = std::getenv("SALON_LANG");
  return v && *v ? v : "zh-Hans";
}

}  // namespace salon::assets
