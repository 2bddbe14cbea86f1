#pragma once
// Members' money with the salon as the counter's desks reach it: a member's
// account (tier, points, stored value, packages, arrears), finding a customer
// by the counter's keys, and a stored-value top-up. Storage implements it
// (storage/member_store.h).
#include <optional>
#include <string>

#include "app/core/member_account.h"
#include "app/core/sale.h"
#include "app/core/staff.h"

namespace salon {

class MemberAccounts {
 public:
  virtual ~MemberAccounts() = default;
  // As of `now`, under the store's money settings; nothing for an unknown customer.
  virtual std::optional<MemberAccount> account(CustomerId id, Instant now) = 0;
  // By phone, file number or member number. DomainError unknown_customer / customer_ambiguous.
  virtual CustomerId customerOf(const std::string& key) = 0;
  // A top-up sold as stored-value plans: one transaction with its ledgers, audit
  // entry and outbox row, idempotent by the request's id. Returns true when the
  // same entry was settled before (a replay: nothing was added). DomainError
  // day_not_open, id_conflict, or any refusal of the money rules.
  virtual bool topUp(const SaleRequest& request, const Staff& cashier, Instant now) = 0;
};

}  // namespace salon
