#pragma once
// A request HQ refuses, with its HTTP status and stable error code (PROTOCOL.md):
// answered as {"error": code, "message": text, ...extra}.
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace salon::hq {

struct Refusal : std::runtime_error {
  Refusal(int status, std::string code, const std::string& message, nlohmann::json extra = nlohmann::json::object())
      : std::runtime_error(message), status(status), code(std::move(code)), extra(std::move(extra)) {}
  int status;
  std::string code;
  nlohmann::json extra;
};

}  // namespace salon::hq
