#pragma once
// Phone numbers as the counter hears them: mainland mobiles (1[3-9] + 9 digits,
// optionally +86), Hong Kong (+852), Macau (+853) and Taiwan (+886) numbers, and
// mainland landlines with their area code (021-62881234, 0755-1234567).
#include <string>

namespace salon {

enum class PhoneKind { MainlandMobile, HongKong, Macau, Taiwan, Landline };

struct PhoneNumber {
  PhoneKind kind = PhoneKind::MainlandMobile;
  // 13800138000, +85291234567, +85366123456, +886912345678, 021-62881234
  std::string normalised;
  std::string last4;  // the last four digits, for lookup at the counter
};

// DomainError("phone_invalid", text) if it is none of the above.
PhoneNumber parsePhone(const std::string& text);
bool isPhone(const std::string& text);

// 138****8000: what a customer-facing screen or receipt may show.
std::string maskPhone(const std::string& normalised);

}  // namespace salon
