#include "app/cli/json_input.h"

#include <fstream>
#include <iostream>
#include <iterator>

#include "app/core/error.h"

namespace salon::cli {

namespace {

// Reads at most kMaxJsonInput bytes; one byte more is refused (an endless pipe
// or a huge file must not fill the kiosk's memory).
std::string readBounded(std::istream& in, const std::string& what) {
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxJsonInput) throw DomainError("input_too_large", what + " (over 1 MiB)");
  }
  return text;
}

}  // namespace

nlohmann::json readJsonInput(const std::string& path) {
  std::string text;
  if (path == "-") {
    text = readBounded(std::cin, "stdin");
  } else {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw DomainError("bad_json", "cannot read " + path);
    text = readBounded(f, path);
  }
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) throw DomainError("bad_json", "not valid JSON");
  if (!j.is_object() && !j.is_array()) throw DomainError("bad_json", "a JSON object or list is expected");
  return j;
}

}  // namespace salon::cli
