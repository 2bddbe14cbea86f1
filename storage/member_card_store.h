#pragma once
// Member cards in SQLite (core's MemberCardStore port): the signing key, the
// version in force and the reprint/reissue log. Members are read from the base
// customers table (a member is a customer with a member_no).
#include <optional>
#include <string>

#include "app/core/member_card.h"
#include "storage/database.h"
#include "storage/verify.h"

namespace salon::storage {

class SqliteMemberCardStore : public MemberCardStore {
 public:
  explicit SqliteMemberCardStore(Database& db) : db_(db) {}
  std::string signingSeed() override;
  std::vector<std::string> retiredPublicKeys() override;
  std::vector<std::string> chainPublicKeys() override;
  std::optional<CardHolder> holder(const std::string& memberNo) override;
  CardHolder recordCardEvent(const std::string& memberNo, CardEvent event, const std::string& staffCode,
                             const std::string& reason, const AuditEntry& audit) override;
  std::optional<CardHolder> reissueRetiredCard(const std::string& memberNo, int scannedVersion,
                                               const std::string& staffCode, const std::string& reason,
                                               const AuditEntry& audit) override;
  std::optional<CardHolder> holderByPhone(const std::string& phone) override;

 private:
  Database& db_;
};

// `verify`: each member's card version matches the latest version in its log.
LedgerCheck checkMemberCardVersions(SQLite::Database& db);

}  // namespace salon::storage
