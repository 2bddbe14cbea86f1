#pragma once
// Six-digit codes by SMS for the customers' side (issue 19). Rules: a code lives
// 5 minutes; a phone gets at most one code a minute and 5 an hour; an address asks
// for at most 20 codes an hour (429 beyond); 5 wrong codes lock the phone for 15
// minutes. Answers are the same whether or not a phone is known or was sent a
// code (no enumeration). Phones and codes are kept only as HMAC-SHA256 keyed by a
// secret made once in hq_settings (code_secret).
#include <string>

#include <pqxx/connection>

#include "app/core/clock.h"

namespace salon::hq {

class SmsProvider;

struct CodeRules {
  std::int64_t lifetime = 5 * kMinute;
  std::int64_t gap = kMinute;  // between two codes to one phone
  int perPhonePerHour = 5;
  int perAddressPerHour = 20;
  int wrongBeforeLock = 5;
  std::int64_t lock = 15 * kMinute;
};

// Sends a code when the rules allow; throws Refusal 429 rate_limited when this
// address asked too often. `lang`: zh-Hans (default), zh-Hant, en.
void askCode(pqxx::connection& db, SmsProvider& sms, const std::string& phone, const std::string& address,
             const std::string& lang, Instant now, const CodeRules& rules = {});

// Uses up a good code. Throws Refusal 401 code_invalid (wrong, expired or none)
// or 429 code_locked (too many wrong codes: for 15 minutes even a good one).
void checkCode(pqxx::connection& db, const std::string& phone, const std::string& code, Instant now,
               const CodeRules& rules = {});

// A customer's session after a good code: a random token for the cookie (HQ
// keeps its sha256), good for a day.
std::string openSession(pqxx::connection& db, const std::string& phone, Instant now);
// The session's phone, or "" when the cookie carries none that is good.
std::string sessionPhone(pqxx::connection& db, const std::string& cookieHeader, Instant now);

constexpr const char* kSessionCookie = "salon_session";

}  // namespace salon::hq
