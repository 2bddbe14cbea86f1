#pragma once
// The member card's QR: the ASCII payload
//   SK1.<member no>.<card version>.<base64url Ed25519 signature>
// signed with the store's key (its seed in card.key beside the database, carried
// by encrypted backups; the database keeps only public keys). Reissuing a card
// bumps its version, so the old card is refused at the counter. After a key
// change the retired public keys still recognise a card they signed (tried in
// turn: the QR carries no key id): the member is greeted and a new card issued.
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/clock.h"
#include "app/core/scan.h"
#include "app/core/staff.h"

namespace salon {

// Raw libsodium keys: 32-byte public key, 64-byte secret key.
struct CardKeyPair {
  std::string publicKey;
  std::string secretKey;
};

// The key pair derived from the 32-byte seed the store keeps.
CardKeyPair cardKeyFromSeed(const std::string& seed);

struct CardPayload {
  std::string memberNo;
  int version = 0;
  std::string signature;  // 64 raw bytes
};

// "SK1.M00000001.2": what the signature covers.
std::string cardMessage(const std::string& memberNo, int version);
// The full QR payload.
std::string signCard(const CardKeyPair& key, const std::string& memberNo, int version);
// Splits a payload; nullopt when it is not an SK1 card at all.
std::optional<CardPayload> parseCardPayload(const std::string& text);
// True when `payload`'s signature was made by the holder of `publicKey`.
bool signatureValid(const std::string& publicKey, const CardPayload& payload);

// A member as the card and the check-in screen know them.
struct CardHolder {
  std::string memberNo;
  std::string name;
  std::string phone;
  std::string tier;       // "" until the members module records tiers
  std::string fileNo;
  int cardVersion = 1;    // the version in force
  bool cardIssued = false;  // a card has been printed for this member
};

enum class CardEvent { Issue, Reprint, Reissue };
const char* cardEventName(CardEvent e);

// Port: the store's key, card versions and the reprint/reissue log. Storage
// implements it.
class MemberCardStore {
 public:
  virtual ~MemberCardStore() = default;
  virtual std::string signingSeed() = 0;
  // Public keys of earlier signing keys (retired by a key change): a card they
  // signed is genuine but must be reissued.
  virtual std::vector<std::string> retiredPublicKeys() { return {}; }
  // The other stores' card public keys (every generation), from head office: a
  // card another store of the chain signed is accepted here (issue 18).
  virtual std::vector<std::string> chainPublicKeys() { return {}; }
  virtual std::optional<CardHolder> holder(const std::string& memberNo) = 0;
  // The member with this phone number (whole, normalised), if any.
  virtual std::optional<CardHolder> holderByPhone(const std::string& phone) = 0;
  // Logs the event with its audit entry in one transaction; a reissue bumps the
  // version first (the first card printed for a member is an issue at version 1).
  // Returns the holder with the version now in force.
  virtual CardHolder recordCardEvent(const std::string& memberNo, CardEvent event,
                                     const std::string& staffCode, const std::string& reason,
                                     const AuditEntry& audit) = 0;
  // A card signed with a retired key, scanned at `scannedVersion`: a reissue
  // under the current key (as recordCardEvent, one transaction with its audit
  // entry and outbox row), unless the version in force is no longer
  // `scannedVersion` (another counter reissued it first): then nullopt, nothing written.
  virtual std::optional<CardHolder> reissueRetiredCard(const std::string& memberNo, int scannedVersion,
                                                       const std::string& staffCode, const std::string& reason,
                                                       const AuditEntry& audit);
};

// What the counter does with cards: issue a payload to print, check a scanned one.
class MemberCards {
 public:
  MemberCards(MemberCardStore& store, AuditLog& audit, const Clock& clock)
      : store_(store), audit_(audit), clock_(clock) {}

  struct Printed {
    CardHolder holder;
    std::string payload;
    CardEvent event = CardEvent::Issue;  // a first "reprint" is the card's issue
  };
  // Reprint keeps the version (cashier and up); reissue bumps it (supervisor and
  // up) so the old card stops working. Both need a reason and are logged.
  Printed reprint(const Staff& who, const std::string& memberNo, const std::string& reason);
  Printed reissue(const Staff& who, const std::string& memberNo, const std::string& reason);

  // The member a scanned payload names, or DomainError: card_malformed,
  // card_forged (bad signature), member_unknown, card_revoked (an older version),
  // card_key_rotated (signed with a key retired since: reissue the card).
  CardHolder verify(const std::string& payload);

  // As verify, for the staff member at the counter: a card signed with a key
  // retired since (a key change after a suspected leak) still names its member,
  // and a new card is issued under the current key at once (audited as
  // card.reissue by `who`, reason "card key changed"; the key change was the
  // admin's decision, the counter only carries it out), so the old card is
  // refused from then on. A copy of the database without card.key cannot do
  // this: card_key_missing, nothing written.
  struct Recognised {
    CardHolder holder;
    std::optional<Printed> newCard;  // the card to offer for printing
  };
  Recognised recognise(const Staff& who, const std::string& payload);

  // What the check-in screen does with anything a reader or scanner gave it:
  // a member (QR checked as in verify, card number, phone), or a payment code
  // handed back untouched for the tender screen (no member lookup). Refusals
  // throw: card_* as in verify, member_unknown, scan_unknown.
  struct Resolution {
    ScanClass scan;
    std::optional<CardHolder> member;  // empty for a payment code
    std::optional<Printed> newCard;    // a retired key's card reissued (resolve with a staff member)
  };
  Resolution resolve(const std::string& payload);
  // With a staff member at the counter: a member QR goes through recognise.
  Resolution resolve(const Staff& who, const std::string& payload);

 private:
  Printed print(const Staff& who, const std::string& memberNo, const std::string& reason, CardEvent e);
  Recognised check(const std::string& payload, const Staff* who);
  Resolution resolveAs(const Staff* who, const std::string& payload);
  MemberCardStore& store_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace salon
