#pragma once
// JSON handed to a subcommand as a file or on standard input ("-").
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace salon::cli {

constexpr std::size_t kMaxJsonInput = std::size_t{1} << 20;  // 1 MiB

// The JSON object or list in `path` (or stdin for "-"); DomainError bad_json
// when it cannot be read, does not parse, or is a bare value; input_too_large
// past kMaxJsonInput bytes.
nlohmann::json readJsonInput(const std::string& path);

}  // namespace salon::cli
