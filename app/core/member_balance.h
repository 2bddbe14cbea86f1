#pragma once
// A member's money with the chain, as `salon-kiosk member show` prints it and
// head office answers it (GET /api/v1/members/<no>/balance): stored value
// (principal and bonus apart), points, package sessions left, arrears. Figures
// in fen. Where they come from: head office when the store is enrolled and HQ
// answers in time, else the store's own ledgers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/money.h"

namespace salon {

struct PackageBalance {
  std::string id;       // the package ("<sale id>/<line>"), not printed
  std::string service;  // the service code the sessions are for
  int sessionsLeft = 0;
  std::string expires;  // YYYY-MM-DD in the selling store's zone
};

// What the asking store may spend of it here (head office's "usable_here", under the
// chain settings chain.scope.*: bonus and packages by default only where they were
// sold), less the other stores' open debits.
struct UsableHere {
  Money principal, bonus;
  std::int64_t points = 0;
  std::vector<std::string> packagesElsewhere;  // packages head office lists that may not be used here
};

enum class BalanceSource { HeadOffice, Local };
const char* balanceSourceName(BalanceSource s);  // "hq", "local"

struct MemberBalance {
  std::string memberNo;
  std::string homeStore;  // the store that registered the member
  Money principal, bonus;
  std::int64_t points = 0;
  std::vector<PackageBalance> packages;  // with sessions left, by expiry then service
  Money arrears;
  Instant asOf = 0;
  BalanceSource source = BalanceSource::Local;
  // Head office's figures: the asking store's events HQ held when it answered
  // (the store adds its own movements sent since, or not yet sent).
  std::int64_t hqStoredThrough = 0;
  // Head office's figures from a head office that says it (absent: all of it).
  std::optional<UsableHere> usableHere;
};

// Port: the store's own ledgers (storage implements it).
class MemberBalances {
 public:
  virtual ~MemberBalances() = default;
  // nullopt when no customer of this store has the member number.
  virtual std::optional<MemberBalance> balance(const std::string& memberNo, Instant now) = 0;
  // Head office's figures plus this store's movements HQ did not hold yet (events
  // after `hqStoredThrough`), so a top-up just made shows at once.
  virtual void addMovementsNotAtHeadOffice(MemberBalance& hq) = 0;
};

// Keeps packages in the order both sides print them: expiry, then service.
void sortPackages(std::vector<PackageBalance>& packages);

}  // namespace salon
