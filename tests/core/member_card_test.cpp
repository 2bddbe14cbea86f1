#include <catch2/catch.hpp>

#include "support/domain_fakes.h"

#include <map>

#include "app/core/error.h"
#include "app/core/member_card.h"

using namespace salon;
using salon::test::codeOf;

namespace {

class MemoryCards : public MemberCardStore {
 public:
  std::string signingSeed() override { return seed; }
  std::optional<CardHolder> holder(const std::string& no) override {
    auto it = holders.find(no);
    if (it == holders.end()) return std::nullopt;
    return it->second;
  }
  std::optional<CardHolder> holderByPhone(const std::string& phone) override {
    for (auto& [no, h] : holders)
      if (h.phone == phone) return h;
    return std::nullopt;
  }
  CardHolder recordCardEvent(const std::string& no, CardEvent e, const std::string& staff, const std::string& reason,
                             const AuditEntry& a) override {
    CardHolder& h = holders.at(no);
    if (e == CardEvent::Reissue) ++h.cardVersion;
    h.cardIssued = true;
    log.push_back({cardEventName(e), staff, reason, a.action});
    return h;
  }
  std::string seed = std::string(32, '\x07');
  std::map<std::string, CardHolder> holders;
  struct Entry { std::string event, staff, reason, action; };
  std::vector<Entry> log;
};

class MemoryAudit : public AuditLog {
 public:
  void append(const AuditEntry& e) override { entries.push_back(e); }
  std::vector<AuditEntry> entries;
};

const Staff kCashier{"cash", "小周", Role::Cashier, "前台", true};
const Staff kSupervisor{"sup", "王主管", Role::Supervisor, "前台", true};

struct Fixture {
  MemoryCards store;
  MemoryAudit audit;
  ManualClock clock{1'790'000'000'000};
  MemberCards cards{store, audit, clock};
  Fixture() { store.holders["M00000001"] = {"M00000001", "李美华", "13800138000", "", "S01-2026-000001", 1, false}; }
};

}  // namespace

TEST_CASE("a card payload is SK1.<member>.<version>.<base64url signature> and verifies") {
  auto key = cardKeyFromSeed(std::string(32, 'k'));
  std::string payload = signCard(key, "M00000001", 3);
  CHECK(payload.rfind("SK1.M00000001.3.", 0) == 0);
  std::string sig = payload.substr(std::string("SK1.M00000001.3.").size());
  CHECK(sig.size() == 86);  // 64 bytes, base64url without padding
  CHECK(sig.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
  auto p = parseCardPayload(payload);
  REQUIRE(p);
  CHECK(p->memberNo == "M00000001");
  CHECK(p->version == 3);
  CHECK(signatureValid(key.publicKey, *p));
  // Ed25519 is deterministic: the same key signs the same card the same way.
  CHECK(signCard(key, "M00000001", 3) == payload);
  CHECK_FALSE(signatureValid(cardKeyFromSeed(std::string(32, 'x')).publicKey, *p));
}

TEST_CASE("malformed payloads are not cards") {
  CHECK_FALSE(parseCardPayload("SK2.M1.1.abc"));
  CHECK_FALSE(parseCardPayload("SK1.M00000001.x.abc"));
  CHECK_FALSE(parseCardPayload("SK1.M00000001.1.!!!"));
  CHECK_FALSE(parseCardPayload("SK1.M00000001.1"));
  CHECK_FALSE(parseCardPayload("SK1..1.AAAA"));
}

TEST_CASE("the counter accepts a genuine card and refuses forged, altered, revoked and unknown ones") {
  Fixture f;
  auto printed = f.cards.reprint(kCashier, "M00000001", "first card");
  CHECK(printed.event == CardEvent::Issue);  // the first print issues version 1
  CHECK(f.cards.verify(printed.payload).memberNo == "M00000001");

  // Forged: signed with another key.
  std::string forged = signCard(cardKeyFromSeed(std::string(32, 'z')), "M00000001", 1);
  CHECK(codeOf([&] { f.cards.verify(forged); }) == "card_forged");
  // Altered: the member number changed, the signature kept.
  std::string altered = printed.payload;
  altered.replace(4, 9, "M00000002");
  CHECK(codeOf([&] { f.cards.verify(altered); }) == "card_forged");
  // Revoked: reissued, so version 1 no longer works; version 2 does.
  auto reissued = f.cards.reissue(kSupervisor, "M00000001", "lost");
  CHECK(reissued.holder.cardVersion == 2);
  CHECK(codeOf([&] { f.cards.verify(printed.payload); }) == "card_revoked");
  CHECK(f.cards.verify(reissued.payload).cardVersion == 2);
  // Unknown member, signed by the store: refused as unknown.
  std::string stranger = signCard(cardKeyFromSeed(f.store.seed), "M99999999", 1);
  CHECK(codeOf([&] { f.cards.verify(stranger); }) == "member_unknown");
  CHECK(codeOf([&] { f.cards.verify("hello"); }) == "card_malformed");
  // Refusals of forged and revoked cards are audited.
  int refused = 0;
  for (const auto& e : f.audit.entries) refused += e.action == "card.refused" && e.outcome == "refused";
  CHECK(refused == 3);
}

TEST_CASE("reprint and reissue need a reason, the right role, and are logged") {
  Fixture f;
  CHECK(codeOf([&] { f.cards.reprint(kCashier, "M00000001", "  "); }) == "reason_required");
  CHECK(codeOf([&] { f.cards.reissue(kCashier, "M00000001", "lost"); }) == "permission_denied");
  CHECK(codeOf([&] { f.cards.reprint(kCashier, "M404", "x"); }) == "member_unknown");
  f.cards.reprint(kCashier, "M00000001", "first");
  auto again = f.cards.reprint(kCashier, "M00000001", "faded");
  CHECK(again.event == CardEvent::Reprint);
  CHECK(again.holder.cardVersion == 1);
  f.cards.reissue(kSupervisor, "M00000001", "lost");
  REQUIRE(f.store.log.size() == 3);
  CHECK(f.store.log[0].event == "issue");
  CHECK(f.store.log[1].event == "reprint");
  CHECK(f.store.log[1].reason == "faded");
  CHECK(f.store.log[2].event == "reissue");
  CHECK(f.store.log[2].staff == "sup");
  CHECK(f.store.log[2].action == "card.reissue");
}

TEST_CASE("resolving scans: member QR, card number, phone, payment codes are never looked up") {
  Fixture f;
  auto printed = f.cards.reprint(kCashier, "M00000001", "first");
  CHECK(f.cards.resolve(printed.payload).member->memberNo == "M00000001");
  CHECK(f.cards.resolve("M00000001").scan.kind == ScanKind::CardNumber);
  CHECK(f.cards.resolve("M00000001").member->name == "李美华");
  CHECK(f.cards.resolve("13800138000").member->memberNo == "M00000001");
  // A payment code that happens to equal... nothing: it is returned for the tender untouched.
  auto pay = f.cards.resolve("134567890123456789");
  CHECK(pay.scan.kind == ScanKind::PaymentCode);
  CHECK(pay.scan.wallet == "wechat");
  CHECK_FALSE(pay.member);
  CHECK(codeOf([&] { f.cards.resolve("13900000000"); }) == "member_unknown");
  CHECK(codeOf([&] { f.cards.resolve("???"); }) == "scan_unknown");
}

TEST_CASE("a card QR has one canonical form: a reader's trailing newline is trimmed, other variants are refused") {
  auto key = cardKeyFromSeed(std::string(32, 'k'));
  std::string payload = signCard(key, "M00000001", 1);
  std::string sig = payload.substr(std::string("SK1.M00000001.1.").size());
  CHECK(parseCardPayload(payload));
  CHECK(parseCardPayload(payload + "\n"));
  CHECK(parseCardPayload(payload + "\r\n"));
  CHECK_FALSE(parseCardPayload(payload + "\n\n"));
  CHECK_FALSE(parseCardPayload(payload + " "));
  CHECK_FALSE(parseCardPayload("SK1.M00000001.01." + sig));
  CHECK_FALSE(parseCardPayload("SK1.M00000001.000001." + sig));
  CHECK_FALSE(parseCardPayload("SK1.M00000001.0." + sig));
  // The same 64 bytes with padding, or with the spare low bits of the last
  // character set, decode alike but are not what the kiosk prints.
  CHECK_FALSE(parseCardPayload(payload + "=="));
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string odd = payload;
  odd.back() = alphabet[alphabet.find(odd.back()) + 1];
  CHECK_FALSE(parseCardPayload(odd));
}
