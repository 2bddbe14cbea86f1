#pragma once
// Cross-store settlement (issue 18): per month, what each store owes each other store
// for members' stored value sold in one store and used in another.
//
// The rule. Store A sold the value (it took the customer's money); the value was used
// in store B (B did the work). For every stored-value movement with sold_by = A and
// used_at = B (A ≠ B), A owes B the principal it took away: a spend at B of A's value
// (or a refund paid out at B) adds, a reversal at B that gives the value back to A
// subtracts. Bonus used the same way is settled at the chain setting
// `settlement.bonus_rate_bp` (basis points; default 0: bonus is the seller's gift and
// is not settled; 10000 settles it like principal), rounded half away from zero per
// cell. Points, package sessions and arrears are not settled here.
//
// Months. A movement belongs to the month of its event's business day. Months are
// signed in order (the first signature may be any month; after that only the month
// after the last signed one). Signing stores the month's cells and the movements it
// took; from then on the month is read from those rows, never recomputed. A movement
// dated in or before the last signed month that no signature took (a store uploaded
// late) is an adjustment in the next open month (the month after the last signed).
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/connection>

namespace salon::hq {

struct SettlementCell {
  std::string payer, payee;           // payer sold the value; payee is where it was used
  std::int64_t principal = 0, bonus = 0, bonusSettled = 0, adjustment = 0, amount = 0;
};

struct Settlement {
  std::string month;                  // YYYY-MM
  bool isSigned = false;
  bool skipped = false;               // before the last signed month and never signed: no cells of its own
  std::string signedBy, signedAt;
  int bonusRateBp = 0;
  std::vector<std::string> stores;    // every store of the chain, by code
  std::vector<SettlementCell> cells;  // by payer, payee; only pairs that moved value
};

bool validMonth(const std::string& month);       // YYYY-MM, 01..12
std::string nextMonth(const std::string& month);  // 2026-12 → 2027-01
// bonus × rate / 10000, rounded half away from zero.
std::int64_t settledBonus(std::int64_t bonus, int rateBp);

// The month as signed, or as it stands now when open.
Settlement settlementOf(pqxx::connection& db, const std::string& month);
// Signs and locks the month (Refusal 409 already_signed / out_of_order, 400 bad_month).
// `by` is the login recorded; who may sign is checked by the caller.
Settlement signSettlement(pqxx::connection& db, const std::string& month, const std::string& by);

// `visible`: an area manager's stores: the cells touching one of them, the stores on
// either side of those, the net of the visible stores only; null = all.
nlohmann::json settlementJson(const Settlement& s, const std::set<std::string>* visible = nullptr);
// The matrix as CSV: one row per payer, one column per payee, amounts in yuan,
// then a row and a column of totals and the net per store (receivable − payable).
std::string settlementCsv(const Settlement& s);

}  // namespace salon::hq
