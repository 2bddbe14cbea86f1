// The customer's own view identifies by the member QR only once its signature
// and version are checked: a payload typed by anyone must not open a file.
#include <catch2/catch.hpp>

#include <map>

#include "app/core/error.h"
#include "app/core/member_card.h"
#include "app/core/self_service.h"

using namespace salon;

namespace {

class Cards : public MemberCardStore {
 public:
  std::string signingSeed() override { return std::string(32, '\x05'); }
  std::optional<CardHolder> holder(const std::string& no) override {
    auto it = holders.find(no);
    return it == holders.end() ? std::nullopt : std::optional<CardHolder>(it->second);
  }
  std::optional<CardHolder> holderByPhone(const std::string&) override { return std::nullopt; }
  CardHolder recordCardEvent(const std::string& no, CardEvent, const std::string&, const std::string&,
                             const AuditEntry&) override {
    return holders.at(no);
  }
  std::map<std::string, CardHolder> holders;
};

class Audit : public AuditLog {
 public:
  void append(const AuditEntry& e) override { entries.push_back(e); }
  std::vector<AuditEntry> entries;
};

std::string codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "ok";
}

}  // namespace

TEST_CASE("self-service identification checks the member QR's signature and version") {
  Cards store;
  Audit audit;
  ManualClock clock{1'790'000'000'000};
  MemberCards cards(store, audit, clock);
  store.holders["M00000007"] = {"M00000007", "李美华", "13800138000", "", "S01-2026-000007", 2, true};
  const CardKeyPair key = cardKeyFromSeed(store.signingSeed());

  // The card in force gives its member number.
  CHECK(identificationKey(signCard(key, "M00000007", 2), cards) == "M00000007");
  // A file or member number typed in is taken as it is (the phone digits still decide).
  CHECK(identificationKey("S01-2026-000007", cards) == "S01-2026-000007");
  CHECK(identificationKey("M00000007", cards) == "M00000007");

  // Someone who knows the member number makes up a QR: refused, never the number.
  std::string forged = signCard(cardKeyFromSeed(std::string(32, 'x')), "M00000007", 2);
  CHECK(codeOf([&] { identificationKey(forged, cards); }) == "card_forged");
  std::string bare = "SK1.M00000007.2.AAAA";
  CHECK(codeOf([&] { identificationKey(bare, cards); }) != "ok");
  CHECK(codeOf([&] { identificationKey("SK1.M00000007", cards); }) == "card_malformed");
  // A card replaced by a reissue no longer identifies anyone.
  CHECK(codeOf([&] { identificationKey(signCard(key, "M00000007", 1), cards); }) == "card_revoked");
  CHECK(codeOf([&] { identificationKey(signCard(key, "M00000099", 1), cards); }) == "member_unknown");
  CHECK(audit.entries.size() >= 2);  // refused cards are logged by the card module
}
