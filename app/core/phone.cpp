#include "app/core/phone.h"

#include <cctype>

#include "app/core/error.h"

namespace salon {
namespace {

bool allDigits(const std::string& s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

// Removes the separators people type: spaces (also full-width), dashes, dots,
// brackets. Returns "" when anything else is in the way.
std::string compact(const std::string& text, bool& hadPlus) {
  std::string out;
  hadPlus = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) {
      out += static_cast<char>(c);
    } else if (c == '+' && out.empty() && !hadPlus) {
      hadPlus = true;
    } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
      continue;
    } else if (text.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000 ideographic space
      i += 2;
    } else {
      return "";
    }
  }
  return out;
}

PhoneNumber make(PhoneKind kind, std::string normalised) {
  PhoneNumber p;
  p.kind = kind;
  std::string digits;
  for (char c : normalised)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  p.last4 = digits.substr(digits.size() - 4);
  p.normalised = std::move(normalised);
  return p;
}

bool mainlandMobile(const std::string& d) { return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'; }

// Area codes: 010 and 02X are three digits, the rest (03xx..09xx) four. The local
// number is 7 or 8 digits and never starts with 0.
bool landline(const std::string& d, std::string& out) {
  if (d.size() < 10 || d.size() > 12 || d[0] != '0') return false;
  std::size_t area = (d[1] == '1' || d[1] == '2') ? 3 : 4;
  if (d[1] == '1' && d[2] != '0') return false;
  std::string local = d.substr(area);
  if (local.size() < 7 || local.size() > 8 || local[0] == '0') return false;
  out = d.substr(0, area) + "-" + local;
  return true;
}

}  // namespace

PhoneNumber parsePhone(const std::string& text) {
  bool plus = false;
  std::string d = compact(text, plus);
  if (!allDigits(d) || d.size() > 15) throw DomainError("phone_invalid", text);
  // "00852..." is how an international number is dialled from the mainland.
  if (!plus && d.rfind("00", 0) == 0) {
    d = d.substr(2);
    plus = true;
  }
  if (plus || (d.size() > 11 && (d.rfind("86", 0) == 0 || d.rfind("85", 0) == 0 || d.rfind("886", 0) == 0))) {
    if (d.rfind("86", 0) == 0 && mainlandMobile(d.substr(2))) return make(PhoneKind::MainlandMobile, d.substr(2));
    std::string out;
    if (d.rfind("86", 0) == 0 && landline("0" + d.substr(2), out)) return make(PhoneKind::Landline, out);
    if (d.rfind("852", 0) == 0 && d.size() == 11 && std::string("235679").find(d[3]) != std::string::npos)
      return make(PhoneKind::HongKong, "+" + d);
    if (d.rfind("853", 0) == 0 && d.size() == 11 && (d[3] == '6' || d[3] == '2' || d[3] == '8'))
      return make(PhoneKind::Macau, "+" + d);
    if (d.rfind("886", 0) == 0) {
      std::string rest = d.substr(3);
      if (!rest.empty() && rest[0] == '0') rest = rest.substr(1);  // +886 0912... as people write it
      if ((rest.size() == 9 && rest[0] == '9') || (rest.size() >= 8 && rest.size() <= 9 && rest[0] >= '2' && rest[0] <= '8'))
        return make(PhoneKind::Taiwan, "+886" + rest);
    }
    throw DomainError("phone_invalid", text);
  }
  if (mainlandMobile(d)) return make(PhoneKind::MainlandMobile, d);
  std::string out;
  if (landline(d, out)) return make(PhoneKind::Landline, out);
  throw DomainError("phone_invalid", text);
}

bool isPhone(const std::string& text) {
  try {
    parsePhone(text);
    return true;
  } catch (const DomainError&) {
    return false;
  }
}

std::string maskPhone(const std::string& n) {
  if (n.size() <= 4) return std::string(n.size(), '*');
  std::size_t keepHead = n.size() >= 8 ? n.size() - 8 : 0;  // 138 / +852 / 021- / +8869
  std::string out = n.substr(0, keepHead);
  for (std::size_t i = keepHead; i < n.size() - 4; ++i) out += '*';
  return out + n.substr(n.size() - 4);
}

}  // namespace salon
