#pragma once
// The files under assets/, embedded at build time.
#include <map>
#include <optional>
#include <string>

#include "app/core/i18n.h"

namespace salon::assets {

const std::map<std::string, std::string>& embedded();
std::optional<std::string> text(const std::string& path);

// "zh-Hans" (default), "zh-Hant", "en"; anything else falls back to zh-Hans.
Catalog catalog(const std::string& language);
// SALON_LANG if set, else zh-Hans.
std::string languageFromEnvironment();

}  // namespace salon::assets
