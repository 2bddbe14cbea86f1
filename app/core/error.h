#pragma once
// A refusal the person at the counter must understand. `code` is stable and is
// the key of the translated sentence in assets/i18n/*.json ("error.<code>");
// `detail` names the thing concerned (a staff code, a field, a file number).
#include <stdexcept>
#include <string>

namespace salon {

class DomainError : public std::runtime_error {
 public:
  DomainError(std::string code, const std::string& detail)
      : std::runtime_error(code + ": " + detail), code_(std::move(code)), detail_(detail) {}
  const std::string& code() const { return code_; }
  const std::string& detail() const { return detail_; }

 private:
  std::string code_;
  std::string detail_;
};

}  // namespace salon
