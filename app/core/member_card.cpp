#include "app/core/member_card.h"

#include <sodium.h>

#include <cstdlib>

#include "app/core/error.h"
#include "app/core/staff_auth.h"

namespace salon {
namespace {

void ensureSodium() {
  if (sodium_init() < 0) throw DomainError("crypto_unavailable", "sodium_init");
}

std::string base64url(const std::string& raw) {
  std::string out(sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> fromBase64url(const std::string& text) {
  std::string raw(text.size(), '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), text.c_str(), text.size(),
                        nullptr, &len, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.c_str() + text.size())
    return std::nullopt;
  raw.resize(len);
  return raw;
}

bool isMemberNo(const std::string& s) {
  if (s.size() < 2 || s.size() > 20) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

}  // namespace

CardKeyPair cardKeyFromSeed(const std::string& seed) {
  ensureSodium();
  if (seed.size() != crypto_sign_SEEDBYTES) throw DomainError("card_key_missing", "seed");
  CardKeyPair k;
  k.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
  k.secretKey.resize(crypto_sign_SECRETKEYBYTES);
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(k.publicKey.data()),
                           reinterpret_cast<unsigned char*>(k.secretKey.data()),
                           reinterpret_cast<const unsigned char*>(seed.data()));
  return k;
}

std::string cardMessage(const std::string& memberNo, int version) {
  return "SK1." + memberNo + "." + std::to_string(version);
}

std::string signCard(const CardKeyPair& key, const std::string& memberNo, int version) {
  ensureSodium();
  std::string msg = cardMessage(memberNo, version);
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                       reinterpret_cast<const unsigned char*>(key.secretKey.data()));
  return msg + "." + base64url(sig);
}

std::optional<CardPayload> parseCardPayload(const std::string& scanned) {
  // A reader may end the code with a newline; anything else must be exactly the
  // form signCard writes (no "01" or "000001" for version 1, no other base64).
  std::string text = scanned;
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  if (text.rfind("SK1.", 0) != 0) return std::nullopt;
  auto a = text.find('.', 4);
  if (a == std::string::npos) return std::nullopt;
  auto b = text.find('.', a + 1);
  if (b == std::string::npos) return std::nullopt;
  CardPayload p;
  p.memberNo = text.substr(4, a - 4);
  std::string ver = text.substr(a + 1, b - a - 1);
  if (!isMemberNo(p.memberNo) || ver.empty() || ver.size() > 6) return std::nullopt;
  for (char c : ver)
    if (c < '0' || c > '9') return std::nullopt;
  p.version = std::atoi(ver.c_str());
  if (p.version < 1 || ver != std::to_string(p.version)) return std::nullopt;
  auto sig = fromBase64url(text.substr(b + 1));
  if (!sig || sig->size() != crypto_sign_BYTES) return std::nullopt;
  p.signature = *sig;
  if (text.compare(b + 1, std::string::npos, base64url(p.signature)) != 0) return std::nullopt;
  return p;
}

bool signatureValid(const std::string& publicKey, const CardPayload& p) {
  ensureSodium();
  if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || p.signature.size() != crypto_sign_BYTES) return false;
  std::string msg = cardMessage(p.memberNo, p.version);
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(p.signature.data()),
                                     reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                                     reinterpret_cast<const unsigned char*>(publicKey.data())) == 0;
}

const char* cardEventName(CardEvent e) {
  switch (e) {
    case CardEvent::Issue: return "issue";
    case CardEvent::Reprint: return "reprint";
    case CardEvent::Reissue: return "reissue";
  }
  return "issue";
}

MemberCards::Printed MemberCards::reprint(const Staff& who, const std::string& memberNo, const std::string& reason) {
  return print(who, memberNo, reason, CardEvent::Reprint);
}

MemberCards::Printed MemberCards::reissue(const Staff& who, const std::string& memberNo, const std::string& reason) {
  return print(who, memberNo, reason, CardEvent::Reissue);
}

MemberCards::Printed MemberCards::print(const Staff& who, const std::string& memberNo, const std::string& reason,
                                        CardEvent e) {
  Guard(audit_, clock_).require(who, e == CardEvent::Reissue ? Action::ReissueCard : Action::ReprintCard,
                                "member_card", memberNo);
  if (reason.find_first_not_of(" \t") == std::string::npos) throw DomainError("reason_required", memberNo);
  auto before = store_.holder(memberNo);
  if (!before) throw DomainError("member_unknown", memberNo);
  if (e == CardEvent::Reprint && !before->cardIssued) e = CardEvent::Issue;
  std::string action = std::string("card.") + cardEventName(e);
  CardHolder h = store_.recordCardEvent(memberNo, e, who.code, reason,
                                        auditOf(clock_.now(), who.code, action, "member_card", memberNo, reason));
  return {h, signCard(cardKeyFromSeed(store_.signingSeed()), h.memberNo, h.cardVersion), e};
}

CardHolder MemberCards::verify(const std::string& payload) { return check(payload, nullptr).holder; }

MemberCards::Recognised MemberCards::recognise(const Staff& who, const std::string& payload) {
  return check(payload, &who);
}

MemberCards::Recognised MemberCards::check(const std::string& payload, const Staff* who) {
  auto p = parseCardPayload(payload);
  if (!p) throw DomainError("card_malformed", payload.substr(0, 40));
  // A forged or replaced card at the counter is worth a line in the audit log.
  auto refuse = [&](const std::string& code, const std::string& detail) {
    AuditEntry e = auditOf(clock_.now(), who ? who->code : "", "card.refused", "member_card", p->memberNo, code,
                           "card_version=" + std::to_string(p->version));
    e.outcome = "refused";
    audit_.append(e);
    return DomainError(code, detail);
  };
  // The current key first (it also proves this kiosk holds card.key), then the retired ones.
  const CardKeyPair key = cardKeyFromSeed(store_.signingSeed());
  bool retired = false;
  if (!signatureValid(key.publicKey, *p)) {
    for (const std::string& old : store_.retiredPublicKeys())
      if (signatureValid(old, *p)) retired = true;
    bool chain = false;  // another store of the chain signed it: its version in force is checked below
    if (!retired)
      for (const std::string& other : store_.chainPublicKeys())
        if (signatureValid(other, *p)) chain = true;
    if (!retired && !chain) throw refuse("card_forged", p->memberNo);
  }
  auto h = store_.holder(p->memberNo);
  if (!h) throw DomainError("member_unknown", p->memberNo);
  if (p->version != h->cardVersion)
    throw refuse("card_revoked", p->memberNo + " v" + std::to_string(p->version) + " (v" +
                                     std::to_string(h->cardVersion) + " in force)");
  if (!retired) return {*h, std::nullopt};
  if (!who) throw refuse("card_key_rotated", p->memberNo);
  const std::string reason = "card key changed";
  auto renewed = store_.reissueRetiredCard(p->memberNo, p->version, who->code, reason,
                                           auditOf(clock_.now(), who->code, "card.reissue", "member_card",
                                                   p->memberNo, reason));
  // Another counter reissued it a moment ago: this card is the old one now.
  if (!renewed) throw refuse("card_revoked", p->memberNo + " v" + std::to_string(p->version) + " (reissued)");
  return {*renewed, Printed{*renewed, signCard(key, renewed->memberNo, renewed->cardVersion), CardEvent::Reissue}};
}

MemberCards::Resolution MemberCards::resolve(const std::string& payload) { return resolveAs(nullptr, payload); }

MemberCards::Resolution MemberCards::resolve(const Staff& who, const std::string& payload) {
  return resolveAs(&who, payload);
}

MemberCards::Resolution MemberCards::resolveAs(const Staff* who, const std::string& payload) {
  Resolution r{classifyScan(payload), std::nullopt, std::nullopt};
  const std::string& v = r.scan.value;
  switch (r.scan.kind) {
    case ScanKind::PaymentCode: return r;  // the customer's money: never looked up
    case ScanKind::Unknown: throw DomainError("scan_unknown", v.substr(0, 40));
    case ScanKind::MemberCard: {
      Recognised known = check(v, who);
      r.member = known.holder;
      r.newCard = known.newCard;
      break;
    }
    case ScanKind::CardNumber: r.member = store_.holder(v); break;
    case ScanKind::Phone: r.member = store_.holderByPhone(v); break;
  }
  if (!r.member) throw DomainError("member_unknown", v);
  return r;
}

// Stores that cannot check and write in one transaction (test fakes) do it in two steps.
std::optional<CardHolder> MemberCardStore::reissueRetiredCard(const std::string& memberNo, int scannedVersion,
                                                              const std::string& staffCode, const std::string& reason,
                                                              const AuditEntry& audit) {
  auto h = holder(memberNo);
  if (!h || h->cardVersion != scannedVersion) return std::nullopt;
  return recordCardEvent(memberNo, CardEvent::Reissue, staffCode, reason, audit);
}

}  // namespace salon
