#include "app/cli/json_input.h"

#include <fstream>
#include <iostream>
#include <iterator>

#include "app/core/error.h"

namespace salon::cli {

nlohmann::json readJsonInput(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw DomainError("bad_json", "cannot read " + path);
    text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) throw DomainError("bad_json", "not valid JSON");
  if (!j.is_object() && !j.is_array()) throw DomainError("bad_json", "a JSON object or list is expected");
  return j;
}

}  // namespace salon::cli
