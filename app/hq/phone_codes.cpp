#include "app/hq/phone_codes.h"

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cstdlib>
#include <iostream>
#include <pqxx/pqxx>

#include "app/hq/refusal.h"
#include "app/hq/sms.h"
#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

std::string randomBytes(int n) {
  std::string raw(static_cast<std::size_t>(n), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), n) != 1) throw std::runtime_error("no randomness");
  return raw;
}

// The secret codes and phones are keyed with: made by whichever process first needs it.
std::string codeSecret(pqxx::work& w) {
  w.exec_params("INSERT INTO hq_settings (key, value) VALUES ('code_secret', $1) ON CONFLICT (key) DO NOTHING",
                hexOf(randomBytes(32)));
  return w.exec("SELECT value FROM hq_settings WHERE key = 'code_secret'")[0][0].as<std::string>();
}

std::string keyed(const std::string& secret, const std::string& text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(text.data()),
       text.size(), md, &n);
  return hexOf(std::string(reinterpret_cast<char*>(md), n));
}

std::string sixDigits() {
  std::string raw = randomBytes(4);
  std::uint32_t v = 0;
  for (unsigned char c : raw) v = (v << 8) | c;
  std::string out = std::to_string(v % 1000000u);
  return std::string(6 - out.size(), '0') + out;
}

std::string codeText(const std::string& code, const std::string& lang) {
  if (lang == "en") return "Your salon booking code is " + code + ". It is valid for 5 minutes. Do not share it.";
  if (lang == "zh-Hant") return "您的預約驗證碼是 " + code + "，5 分鐘內有效。請勿告訴他人。";
  return "您的预约验证码是 " + code + "，5 分钟内有效。请勿告诉他人。";
}

std::int64_t count(pqxx::work& w, const char* column, const std::string& value, Instant since) {
  return w.exec_params(std::string("SELECT count(*) FROM code_requests WHERE ") + column + " = $1 AND at > $2 AND sent",
                       value, since)[0][0]
      .as<std::int64_t>();
}

}  // namespace

void askCode(pqxx::connection& db, SmsProvider& sms, const std::string& phone, const std::string& address,
             const std::string& lang, Instant now, const CodeRules& rules) {
  pqxx::work w(db);
  std::string secret = codeSecret(w);
  std::string phoneKey = keyed(secret, "phone:" + phone);
  // One phone's requests one at a time (two taps at once send one code).
  w.exec_params("INSERT INTO phone_codes (phone_key) VALUES ($1) ON CONFLICT DO NOTHING", phoneKey);
  auto row = w.exec_params("SELECT sent_at, locked_until FROM phone_codes WHERE phone_key = $1 FOR UPDATE", phoneKey);
  int perAddress = rules.perAddressPerHour;  // hq_settings codes.per_address_per_hour: a shared NAT may need more
  auto setting = w.exec("SELECT value FROM hq_settings WHERE key = 'codes.per_address_per_hour'");
  if (!setting.empty()) perAddress = std::atoi(setting[0][0].c_str());
  auto byAddress = w.exec_params("SELECT count(*) FROM code_requests WHERE address = $1 AND at > $2", address,
                                 now - kHour)[0][0].as<std::int64_t>();
  if (byAddress >= perAddress)
    throw Refusal(429, "rate_limited", "too many codes asked from this address; try again later",
                  {{"retry_after", 3600}});
  bool send = row[0][1].as<std::int64_t>() <= now && row[0][0].as<std::int64_t>() + rules.gap <= now &&
              count(w, "phone_key", phoneKey, now - kHour) < rules.perPhonePerHour;
  w.exec_params("INSERT INTO code_requests (phone_key, address, at, sent) VALUES ($1, $2, $3, $4)", phoneKey, address,
                now, send);
  if (!send) return w.commit();  // the same answer: nothing tells the caller it was not sent
  std::string code = sixDigits();
  w.exec_params("UPDATE phone_codes SET code_hash = $2, sent_at = $3, expires_at = $4 WHERE phone_key = $1", phoneKey,
                keyed(secret, "code:" + phone + ":" + code), now, now + rules.lifetime);
  w.commit();
  try {
    sms.send({phone, "code", {{"code", code}}, codeText(code, lang), ""}, now);
  } catch (const std::exception& e) {
    std::cerr << "salon-hq: the code SMS failed: " << e.what() << "\n";
  }
}

void checkCode(pqxx::connection& db, const std::string& phone, const std::string& code, Instant now,
               const CodeRules& rules) {
  pqxx::work w(db);
  std::string secret = codeSecret(w);
  std::string phoneKey = keyed(secret, "phone:" + phone);
  w.exec_params("INSERT INTO phone_codes (phone_key) VALUES ($1) ON CONFLICT DO NOTHING", phoneKey);
  auto r = w.exec_params("SELECT code_hash, expires_at, wrong, locked_until FROM phone_codes WHERE phone_key = $1 FOR UPDATE",
                         phoneKey);
  if (r[0][3].as<std::int64_t>() > now)
    throw Refusal(429, "code_locked", "too many wrong codes: try again in 15 minutes");
  bool good = !r[0][0].is_null() && r[0][1].as<std::int64_t>() > now &&
              sameSignature(r[0][0].as<std::string>(), keyed(secret, "code:" + phone + ":" + code));
  if (good) {
    w.exec_params("UPDATE phone_codes SET code_hash = NULL, wrong = 0 WHERE phone_key = $1", phoneKey);
    return w.commit();
  }
  int wrong = r[0][2].as<int>() + 1;
  bool lock = wrong >= rules.wrongBeforeLock;
  w.exec_params("UPDATE phone_codes SET wrong = $2, locked_until = $3, code_hash = CASE WHEN $4 THEN NULL ELSE code_hash END"
                " WHERE phone_key = $1",
                phoneKey, lock ? 0 : wrong, lock ? now + rules.lock : std::int64_t{0}, lock);
  w.commit();
  if (lock) throw Refusal(429, "code_locked", "too many wrong codes: try again in 15 minutes");
  throw Refusal(401, "code_invalid", "the code is wrong or has expired");
}

std::string openSession(pqxx::connection& db, const std::string& phone, Instant now) {
  std::string token = base64url(randomBytes(32));
  pqxx::work w(db);
  w.exec_params("DELETE FROM public_sessions WHERE expires_at < $1", now);
  w.exec_params("INSERT INTO public_sessions (token_hash, phone, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                tokenHash(token), phone, now, now + kDay);
  w.commit();
  return token;
}

std::string sessionPhone(pqxx::connection& db, const std::string& cookieHeader, Instant now) {
  std::string name = std::string(kSessionCookie) + "=";
  auto at = cookieHeader.find(name);
  if (at == std::string::npos || (at > 0 && cookieHeader[at - 1] != ' ' && cookieHeader[at - 1] != ';')) return "";
  std::string token = cookieHeader.substr(at + name.size());
  token = token.substr(0, token.find(';'));
  if (token.size() != 43) return "";
  pqxx::read_transaction r(db);
  auto row = r.exec_params("SELECT phone FROM public_sessions WHERE token_hash = $1 AND expires_at > $2", tokenHash(token), now);
  return row.empty() ? "" : row[0][0].as<std::string>();
}

}  // namespace salon::hq
