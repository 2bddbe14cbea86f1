#pragma once
// Members' money with the salon: tiers, balances, packages, arrears reminders
// and overrides, points expiry.
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

#include "app/core/checkout_policy.h"
#include "app/core/member_account.h"
#include "app/core/member_accounts.h"
#include "app/core/member_tier.h"
#include "app/core/membership.h"
#include "storage/database.h"

namespace salon::storage {

// A customer by phone, file number or member number (the counter's three ways).
// DomainError unknown_customer / customer_ambiguous.
CustomerId findCustomerId(SQLite::Database& db, const std::string& key);

std::optional<MemberAccount> loadAccount(SQLite::Database& db, CustomerId id, const CheckoutPolicy& policy, Instant now);

// Inside the caller's transaction: spend and visits in the 12 months before `now`,
// and the member's tier after them (up at once; down only at the period end).
void refreshTier(SQLite::Database& db, CustomerId id, const std::vector<MemberTier>& tiers, Instant now);

// Each in its own transaction, audited:
// A membership application; DomainError application_pending when one is open.
MembershipApplication applyForMembership(Database& db, CustomerId id, const std::string& staff, Instant now);
// Approval gives the entry tier at once; a rejection keeps the reason.
MembershipApplication decideMembership(Database& db, const std::string& applicationId, bool approve,
                                       const std::string& staff, const std::string& reason,
                                       const std::vector<MemberTier>& tiers, Instant now);
void recordArrearsReminder(Database& db, CustomerId id, const std::string& staff, const std::string& channel,
                           const std::string& note, Instant now);
void overrideArrears(Database& db, CustomerId id, const std::string& staff, const std::string& reason, Instant now);
void setArrearsLimit(Database& db, CustomerId id, Money limit, const std::string& staff, Instant now);
// Expires points whose time has come (first in, first out); returns points expired.
std::int64_t expirePoints(Database& db, Instant now);
// Tiers whose period ended: moved to what the member earned; returns how many changed.
int applyTierPeriodEnds(Database& db, const std::vector<MemberTier>& tiers, Instant now);

// Core's MemberAccounts port on one connection (the store's money settings are
// read for each call: they change on the settings screen).
class SqliteMemberAccounts : public MemberAccounts {
 public:
  explicit SqliteMemberAccounts(Database& db) : db_(db) {}
  std::optional<MemberAccount> account(CustomerId id, Instant now) override;
  CustomerId customerOf(const std::string& key) override { return findCustomerId(db_.sql(), key); }
  bool topUp(const SaleRequest& request, const Staff& cashier, Instant now) override;

 private:
  Database& db_;
};

}  // namespace salon::storage
