#pragma once
// JSON handed to a subcommand as a file or on standard input ("-").
#include <nlohmann/json.hpp>

#include <string>

namespace salon::cli {

// The JSON object or list in `path` (or stdin for "-"); DomainError bad_json
// when it cannot be read, does not parse, or is a bare value.
nlohmann::json readJsonInput(const std::string& path);

}  // namespace salon::cli
