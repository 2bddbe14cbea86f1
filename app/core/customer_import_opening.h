#pragma once
// What a member row brings across from a salon's old system besides the file:
// the card number as printed, the tier, the money the salon owes (stored value
// principal and 赠金 bonus, points, packages) and the arrears it is owed. Checked
// here (decimal money, never a float), stored by storage as opening-balance
// entries of the ledgers, each pointing at the import it came from.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/core/member_tier.h"
#include "app/core/money.h"

namespace salon {

struct MemberOpening {
  std::string memberNo;  // as printed: leading zeros and letters kept ("" = none)
  std::string tier;      // as the file names it ("" = none)
  Money svPrincipal, svBonus, arrears;
  std::int64_t points = 0;
  std::string memberSince, lastVisit;  // YYYY-MM-DD or ""
  // A member row: a card number, a tier or any balance.
  bool member() const;
  bool hasBalances() const;
};

// Control totals the owner compares with the old system's own.
struct ImportTotals {
  std::int64_t members = 0;
  Money storedValue, storedValueBonus, arrears, packageValue;
  std::int64_t points = 0, packageSessions = 0;
  std::map<std::string, std::int64_t> tiers;  // tier as the file names it → members
  void add(const MemberOpening& o);
};

// True when `target` is one of the membership columns (member_no, tier, ...).
bool isOpeningTarget(const std::string& target);
// Reads one cell into the opening; DomainError amount_invalid, amount_negative,
// points_invalid, date_invalid, member_no_invalid.
void readOpeningCell(const std::string& target, const std::string& cell, MemberOpening& o);

// "1,280.50", "¥1280.5", "1280", "1280元" → fen. false with a reason on anything
// else: a negative amount, more than 2 decimals, a misplaced comma, letters.
bool parseImportAmount(const std::string& text, Money& out, std::string& problem);

// "银卡会员=silver,金卡=gold" → {银卡会员: silver, 金卡: gold}; DomainError
// import_map_invalid on a malformed pair.
std::map<std::string, std::string> parsePairs(const std::string& text);

// How the tiers named in a file become the store's tiers: by code or name, by
// --map-tiers, or (with --create-tiers) new tiers with no discount.
struct TierResolution {
  std::map<std::string, std::string> codeOf;  // name in the file → store tier code
  std::vector<MemberTier> toCreate;
};
// DomainError import_tiers_unknown (detail: the unknown names, comma separated);
// import_map_unknown when --map-tiers names a tier the store lacks.
TierResolution resolveTiers(const std::vector<std::string>& namesInFile, const std::vector<MemberTier>& storeTiers,
                            const std::map<std::string, std::string>& tierMap, bool createTiers);

// Hex SHA-256 of a file's bytes: the same file is never imported twice.
std::string fileSha256(const std::string& bytes);
// A cell without the spaces, tabs and line ends around it.
std::string trimCell(const std::string& s);

}  // namespace salon
