#include "storage/sync_self_views.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "app/core/phone.h"
#include "storage/audit_store.h"
#include "storage/customer_store.h"
#include "storage/self_service_store.h"
#include "storage/sql.h"
#include "storage/sync_member_phones.h"

namespace salon::storage {
namespace {

using Json = nlohmann::json;

constexpr int kViewsShown = 50;

std::string publicKeyOf(const Json& body, const std::string& key) {
  std::string text = body.value("public_key", ""), raw(crypto_box_PUBLICKEYBYTES, '\0');
  std::size_t n = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), text.data(), text.size(), nullptr, &n,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 || n != raw.size())
    throw DomainError("hq_refused", "bad_change customer.self_view " + key);
  return raw;
}

std::string sealedTo(const std::string& publicKey, const std::string& plain) {
  std::string sealed(plain.size() + crypto_box_SEALBYTES, '\0');
  crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), reinterpret_cast<const unsigned char*>(plain.data()),
                  plain.size(), reinterpret_cast<const unsigned char*>(publicKey.data()));
  std::string out(sodium_base64_encoded_len(sealed.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

// By head office's member key: a member number, or a membership's file number.
std::optional<CustomerSummary> memberFile(SQLite::Database& db, const std::string& memberKey) {
  auto id = customerByMemberKey(db, memberKey);
  if (!id) return std::nullopt;
  SQLite::Statement q(db, std::string("SELECT ") + kSummaryColumns + " FROM customers WHERE id = ?");
  q.bind(1, *id);
  if (!q.executeStep()) return std::nullopt;
  return readSummary(q);
}

// What the customer sees: the file's summary, consent, and who looked, newest first.
Json summaryOf(SQLite::Database& db, const CustomerSummary& c) {
  SQLite::Statement q(db, "SELECT consent_status, COALESCE(consent_at, 0), marketing_opt_in FROM customers WHERE id = ?");
  q.bind(1, c.id);
  q.executeStep();
  Json views = Json::array();
  for (const FileView& v : fileViews(db, c, kViewsShown))
    views.push_back({{"at", v.at}, {"by", v.staffName.empty() ? "self" : v.staffName}, {"role", v.role},
                     {"purpose", v.purpose}, {"action", v.action}});
  return {{"found", true}, {"file_no", c.fileNo}, {"member_no", c.memberNo}, {"name", c.name},
          {"phone", maskPhone(c.phone)}, {"status", c.status},
          {"consent", {{"status", q.getColumn(0).getString()}, {"at", q.getColumn(1).getInt64()},
                       {"marketing", q.getColumn(2).getInt() != 0}}},
          {"viewed_by", views}};
}

}  // namespace

void answerSelfView(SQLite::Database& db, const HeadOfficeChange& c, Instant now) {
  if (!c.body) return;
  if (sodium_init() < 0) throw DomainError("hq_refused", "libsodium failed to start");
  Json body = Json::parse(*c.body, nullptr, false);
  if (!body.is_object() || body.value("request", "") != c.key || !body.contains("member_no") ||
      !body["member_no"].is_string())
    throw DomainError("hq_refused", "bad_change customer.self_view " + c.key);
  std::string publicKey = publicKeyOf(body, c.key);
  SQLite::Statement seen(db, "SELECT 1 FROM outbox WHERE id = ?");
  seen.bind(1, c.key);
  if (seen.executeStep()) return;  // answered before
  Json answer = {{"found", false}};
  if (auto file = memberFile(db, body["member_no"].get<std::string>())) {
    answer = summaryOf(db, *file);  // the looks before this one, then this one is logged
    appendAudit(db, ownViewEntry(*file, "own file, online", "basic,consent,views", now));
  }
  appendOutbox(db, {c.key, "customer.self_view_answer",
                    Json{{"request", c.key}, {"sealed", sealedTo(publicKey, answer.dump())}}.dump(), now});
}

}  // namespace salon::storage
