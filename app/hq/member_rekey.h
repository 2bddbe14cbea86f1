#pragma once
// A membership that later gets a card number (issue 19, migration 012). While it had
// none, head office kept its figures under its file key (member_keys.h). The batch that
// first names the number for that file (any event with both "member_no" and "file_no":
// a sale's customer, points.expired, member.phone_key) moves the file key's balances to
// the number in the batch's transaction: chain_members, member_value (summed per selling
// store), member_packages, member_phones; member_aliases keeps file key -> number.
// Append-only tables (member_movements, member_debits, member_overdraws, member_views,
// self_views, online_corrections) keep the key they were written under; what reads them
// for a member follows member_aliases (memberKeysSql). A resent batch moves nothing
// twice: the file key holds nothing any more, and its alias exists.
#include <string>
#include <vector>

#include <pqxx/transaction_base>

#include "app/hq/sale_projection.h"

namespace salon::hq {

// Before the batch's movements are projected: moves every file key `fresh` names a
// number for, taking the members' chain_members rows in key order (the lock a debit
// and an overdraw take), so a debit waits for the move or comes before it.
void rekeyNamedMembers(pqxx::dbtransaction& w, const std::string& store, const std::vector<const OutboxEvent*>& fresh);

// A key as head office keeps it now: the number a file key was moved to, else the key.
std::string currentMemberKey(pqxx::transaction_base& t, const std::string& key);

}  // namespace salon::hq
