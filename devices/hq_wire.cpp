#include "devices/hq_wire.h"

#include <algorithm>

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "devices/hq_link.h"

namespace salon::devices {
namespace {

using Json = nlohmann::json;

Json parsed(const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  if (j.is_discarded()) throw DomainError("hq_refused", "bad_answer: not JSON");
  return j;
}

template <class T>
T field(const Json& j, const char* name) {
  try {
    return j.at(name).get<T>();
  } catch (const Json::exception&) {
    throw DomainError("hq_refused", std::string("bad_answer: ") + name);
  }
}

std::optional<ChainHead> headOf(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  return ChainHead{field<std::int64_t>(j, "seq"), field<std::string>(j, "hash")};
}

OffsiteBackup backupOf(const Json& j) {
  return {field<std::string>(j, "id"), j.value("name", std::string()), field<std::int64_t>(j, "bytes"),
          j.value("at", std::int64_t{0})};
}

bool isLowerHex(const std::string& s, std::size_t length) {
  if (s.size() != length) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string base64UrlDecoded(const std::string& text) {
  if (sodium_init() < 0) throw DomainError("enrol_code_invalid", "libsodium");
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.c_str(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    throw DomainError("enrol_code_invalid", "not base64url");
  out.resize(len);
  return out;
}

}  // namespace

std::string batchJson(const EventBatch& b) {
  Json events = Json::array();
  for (const OutboxEvent& e : b.events) {
    Json payload = Json::parse(e.payload, nullptr, false);
    if (payload.is_discarded()) payload = e.payload;  // never lose an event over its payload: HQ quarantines it
    events.push_back({{"id", e.id}, {"seq", e.seq}, {"type", e.type}, {"at", e.at}, {"day", e.day},
                      {"payload", std::move(payload)}});
  }
  Json j{{"store", b.store}, {"batch", b.batch}, {"sent_at", b.sentAt}, {"events", std::move(events)}};
  if (b.auditHead) j["audit_head"] = {{"seq", b.auditHead->seq}, {"hash", b.auditHead->hash}};
  if (b.eventsWaiting) j["events_waiting"] = *b.eventsWaiting;
  return j.dump();
}

HeadOfficeHello helloFrom(const std::string& body) {
  Json j = parsed(body);
  HeadOfficeHello h;
  h.store = field<std::string>(j, "store");
  h.name = j.value("name", std::string());
  h.storedThrough = field<std::int64_t>(j, "stored_through");
  if (j.contains("head")) h.head = headOf(j["head"]);
  h.serverTime = j.value("server_time", std::int64_t{0});
  if (j.contains("number_block") && j["number_block"].is_number_integer()) h.numberBlock = j["number_block"].get<int>();
  return h;
}

BatchAnswer batchAnswerFrom(int status, const std::string& body) {
  Json j = parsed(body);
  BatchAnswer a;
  a.storedThrough = field<std::int64_t>(j, "stored_through");
  if (status == 409) {
    std::string code = j.value("error", std::string());
    if (code == "sequence_gap") a.outcome = BatchOutcome::SequenceGap;
    else if (code == "replayed") a.outcome = BatchOutcome::Replayed;
    else throw DomainError("hq_refused", refusalOf(status, body));
    return a;
  }
  a.fresh = j.value("new", 0);
  a.duplicates = j.value("duplicates", 0);
  a.quarantined = j.value("quarantined", 0);
  return a;
}

ChangesPage changesFrom(const std::string& body) {
  Json j = parsed(body);
  ChangesPage p;
  p.cursor = field<std::string>(j, "cursor");
  p.more = j.value("more", false);
  for (const Json& c : j.value("changes", Json::array())) {
    HeadOfficeChange change{field<std::string>(c, "kind"), field<std::string>(c, "key"), std::nullopt};
    if (c.contains("body") && !c["body"].is_null()) change.body = c["body"].dump();
    p.changes.push_back(std::move(change));
  }
  return p;
}

bool waitingFrom(const std::string& body) { return field<bool>(parsed(body), "changes"); }

std::vector<HeldChainHead> headsFrom(const std::string& body) {
  Json j = parsed(body);
  if (!j.is_array()) throw DomainError("hq_refused", "bad_answer: heads");
  std::vector<HeldChainHead> out;
  for (const Json& h : j)
    out.push_back({field<std::int64_t>(h, "seq"), field<std::string>(h, "hash"), h.value("at", std::int64_t{0})});
  return out;
}

OffsiteBackup backupFrom(const std::string& body) { return backupOf(parsed(body)); }

std::vector<OffsiteBackup> backupsFrom(const std::string& body) {
  Json j = parsed(body);
  if (!j.is_array()) throw DomainError("hq_refused", "bad_answer: backups");
  std::vector<OffsiteBackup> out;
  for (const Json& b : j) out.push_back(backupOf(b));
  return out;
}

std::string refusalOf(int status, const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  std::string code = "http_" + std::to_string(status);
  std::string message;
  if (j.is_object()) {
    code = j.value("error", code);
    message = j.value("message", std::string());
  }
  return code + " (HTTP " + std::to_string(status) + ")" + (message.empty() ? "" : ": " + message);
}

HeadOfficeAddress readEnrolmentCode(const std::string& given) {
  std::string code = given;
  while (!code.empty() && (code.back() == '\n' || code.back() == '\r' || code.back() == ' ')) code.pop_back();
  const std::string prefix = "SALONHQ1.";
  if (code.rfind(prefix, 0) != 0) throw DomainError("enrol_code_invalid", "not a SALONHQ1 code");
  Json j = Json::parse(base64UrlDecoded(code.substr(prefix.size())), nullptr, false);
  if (!j.is_object() || j.value("v", 0) != 1) throw DomainError("enrol_code_invalid", "version");
  HeadOfficeAddress a{j.value("url", std::string()), j.value("store", std::string()), j.value("token", std::string()),
                      j.value("fp", std::string())};
  if (a.url.rfind("https://", 0) != 0) throw DomainError("enrol_code_invalid", "url");
  if (a.store.empty() || a.token.size() < 16) throw DomainError("enrol_code_invalid", "store or token");
  if (!isLowerHex(a.fingerprint, 64)) throw DomainError("enrol_code_invalid", "fp");
  return a;
}

std::string signBody(const std::string& token, const std::string& body) {
  if (sodium_init() < 0) throw DomainError("hq_unreachable", "libsodium");
  unsigned char key[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(key, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(body.data()), body.size(), key);
  sodium_memzero(key, sizeof key);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

namespace {

// "usable_here": {"stored_value": {"principal", "bonus"}, "points", "packages": [ids]} (chain.scope.*).
UsableHere usableHereFrom(const Json& here, const MemberBalance& b) {
  UsableHere u;
  Json value = field<Json>(here, "stored_value");
  u.principal = Money(field<std::int64_t>(value, "principal"));
  u.bonus = Money(field<std::int64_t>(value, "bonus"));
  u.points = field<std::int64_t>(here, "points");
  std::vector<std::string> usable;
  for (const Json& id : field<Json>(here, "packages"))
    if (id.is_string()) usable.push_back(id.get<std::string>());
  for (const PackageBalance& p : b.packages)
    if (std::find(usable.begin(), usable.end(), p.id) == usable.end()) u.packagesElsewhere.push_back(p.id);
  return u;
}

}  // namespace

MemberBalance memberBalanceFrom(const std::string& body) {
  Json j = parsed(body);
  MemberBalance b;
  b.memberNo = field<std::string>(j, "member_no");
  b.homeStore = field<std::string>(j, "home_store");
  Json value = field<Json>(j, "stored_value");
  b.principal = Money(field<std::int64_t>(value, "principal"));
  b.bonus = Money(field<std::int64_t>(value, "bonus"));
  b.points = field<std::int64_t>(j, "points");
  for (const Json& p : field<Json>(j, "packages"))
    b.packages.push_back({p.value("package", std::string()), field<std::string>(p, "service"),
                          field<int>(p, "sessions_left"), field<std::string>(p, "expires")});
  b.arrears = Money(field<std::int64_t>(j, "arrears"));
  b.asOf = field<std::int64_t>(j, "as_of_ms");
  b.source = BalanceSource::HeadOffice;
  b.hqStoredThrough = field<std::int64_t>(j, "stored_through");
  if (j.contains("usable_here") && j["usable_here"].is_object()) b.usableHere = usableHereFrom(j["usable_here"], b);
  return b;
}

std::vector<SealedChainFile> sealedChainFilesFrom(const std::string& body) {
  std::vector<SealedChainFile> out;
  for (const Json& f : field<Json>(parsed(body), "files"))
    out.push_back({field<std::string>(f, "file_no"), field<std::string>(f, "store"), field<std::string>(f, "sealed")});
  return out;
}

std::string chainDebitJson(const ChainDebit& d) {
  Json j{{"sale", d.sale}, {"staff", d.staff}, {"stored_value", d.storedValue.fen}, {"points", d.points}};
  for (const ChainSessions& p : d.packages) j["packages"].push_back({{"package", p.package}, {"sessions", p.sessions}});
  return j.dump();
}

ChainDebitAnswer chainDebitFrom(int status, const std::string& body) {
  Json j = parsed(body);
  if (status == 409 && j.value("error", std::string()) != "balance_short")
    throw DomainError("hq_refused", refusalOf(status, body));
  ChainDebitAnswer a;
  a.debited = status == 200;
  a.replayed = a.debited && j.value("replayed", false);
  Json left = field<Json>(j, "stored_value");
  a.principalLeft = Money(field<std::int64_t>(left, "principal"));
  a.bonusLeft = Money(field<std::int64_t>(left, "bonus"));
  a.pointsLeft = field<std::int64_t>(j, "points");
  if (!a.debited) return a;
  Json taken = field<Json>(j, "debited");
  a.principalTaken = Money(field<std::int64_t>(taken, "principal"));
  a.bonusTaken = Money(field<std::int64_t>(taken, "bonus"));
  a.pointsTaken = field<std::int64_t>(taken, "points");
  return a;
}

}  // namespace salon::devices
