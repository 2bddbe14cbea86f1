#include "app/hq/sms_replies.h"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>

#include <chrono>
#include <pqxx/pqxx>

#include "app/core/error.h"
#include "app/core/phone.h"
#include "app/hq/booking_changes.h"
#include "app/hq/connection_pool.h"
#include "app/hq/http_failure.h"
#include "app/hq/public_api.h"
#include "app/hq/refusal.h"
#include "app/hq/store_roll.h"
#include "app/hq/store_token.h"

namespace salon::hq {
namespace {

using nlohmann::json;

constexpr long long kFreshMs = 10 * 60 * 1000;  // a forwarded reply older (or newer) than this is refused

bool signedBy(const std::string& secret, const std::string& body, const std::string& given) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), md, &n);
  std::string want = hexOf(std::string(reinterpret_cast<char*>(md), n));
  return given.size() == want.size() && CRYPTO_memcmp(given.data(), want.data(), want.size()) == 0;
}

struct Reply {
  std::string id, phone, text;
};

Reply replyOf(pqxx::connection& db, const httplib::Request& req) {
  std::string secret = hqSetting(db, "sms.inbound_secret");
  if (secret.empty() || !signedBy(secret, req.body, req.get_header_value("X-Sms-Signature")))
    throw Refusal(400, "bad_signature", "not signed with the provider's secret");
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.value("id", json()).is_string() || !body.value("from", json()).is_string() ||
      !body.value("text", json()).is_string() || !body.value("at", json()).is_number_integer())
    throw Refusal(400, "bad_request", "wants {\"id\",\"from\",\"text\",\"at\"}");
  long long wall = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  if (std::llabs(body["at"].get<long long>() - wall) > kFreshMs) throw Refusal(400, "bad_request", "stale reply");
  try {
    return {body["id"].get<std::string>(), parsePhone(body["from"].get<std::string>()).normalised,
            body["text"].get<std::string>()};
  } catch (const DomainError&) {
    throw Refusal(400, "phone_invalid", "not a phone number");
  }
}

// Records the reply and does what it asks, in one transaction; the booking it
// cancelled (for the text telling so) or "".
std::pair<json, std::string> apply(pqxx::connection& db, const Reply& r, Instant now, std::string& store) {
  pqxx::work w(db);
  if (w.exec_params("INSERT INTO sms_inbound (id, phone, body, received_at, action) VALUES ($1, $2, $3, $4, 'ignored')"
                    " ON CONFLICT (id) DO NOTHING RETURNING 1",
                    r.id, r.phone, r.text.substr(0, 500), now)
          .empty())
    return {{{"status", "duplicate"}}, ""};
  std::string command = replyCommand(r.text), action = "ignored", booking;
  if (command == "cancel") {
    auto next = nextCancellable(w, r.phone, now);
    action = "nothing_to_cancel";
    try {
      if (next) {
        store = cancelIn(w, *next, r.phone, "sms", now);
        booking = *next;
        action = "cancelled";
      }
    } catch (const Refusal&) {  // changed since it was read (cut-off passed, decided): nothing to cancel
    }
  } else if (command == "opt_out") {
    w.exec_params("INSERT INTO sms_opt_outs (phone, at, via) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", r.phone, now, r.id);
    action = "opted_out";
  }
  w.exec_params("UPDATE sms_inbound SET action = $2, booking = NULLIF($3, '') WHERE id = $1", r.id, action, booking);
  w.commit();
  return {{{"status", "ok"}, {"action", action}}, booking};
}

}  // namespace

std::string replyCommand(const std::string& text) {
  std::string t;
  for (char c : text) t += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  auto strip = [&](const std::string& blank) {
    while (t.rfind(blank, 0) == 0) t.erase(0, blank.size());
    while (t.size() >= blank.size() && t.compare(t.size() - blank.size(), blank.size(), blank) == 0)
      t.erase(t.size() - blank.size());
  };
  for (int i = 0; i < 3; ++i)
    for (const char* blank : {" ", "\t", "\r", "\n", "　", "。", ".", "!", "！"}) strip(blank);
  for (const char* w : {"取消", "取消预约", "取消預約", "CANCEL"})
    if (t == w) return "cancel";
  for (const char* w : {"TD", "退订", "退訂", "STOP", "UNSUBSCRIBE"})
    if (t == w) return "opt_out";
  return "";
}

void mountSmsReplies(httplib::Server& server, PublicDesk& desk) {
  server.Post("/api/sms/v1/inbound", [&desk](const httplib::Request& req, httplib::Response& res) {
    try {
      auto db = desk.pool.borrow();
      try {
        Reply r = replyOf(*db, req);
        Instant now = desk.clock.now();
        std::string store;
        auto [body, cancelled] = apply(*db, r, now, store);
        if (!cancelled.empty()) tellCancelled(*db, desk.sms, cancelled, store, now);
        answerJson(res, 200, body);
      } catch (const Refusal& e) {
        answerJson(res, e.status, {{"error", e.code}, {"message", e.what()}});
      } catch (...) {
        db.discard();
        throw;
      }
    } catch (...) {
      answerFailure(req, res, false);
    }
  });
}

}  // namespace salon::hq
