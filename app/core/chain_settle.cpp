#include "app/core/chain_settle.h"

#include <algorithm>
#include <cstdlib>

#include "app/core/business_day.h"
#include "app/core/error.h"
#include "app/core/sale.h"

namespace salon {
namespace {

// What the sale's tenders take of a member's stored value and points.
ChainSpend wanted(const SaleRequest& r, const CheckoutPolicy& policy) {
  ChainSpend w;
  for (const auto& t : r.tenders) {
    if (t.type == TenderType::StoredValue) w.principal += t.amount;
    if (t.type == TenderType::Points) w.points += t.amount.fen / std::max(1, policy.fenPerPoint);
  }
  return w;
}

Money worth(const ChainSpend& s, const CheckoutPolicy& policy) {
  return s.principal + s.bonus + Money(s.points * std::max(1, policy.fenPerPoint));
}

Money settingFen(CheckoutStore& store, const char* key, Money fallback) {
  auto v = store.setting(key);
  if (!v || v->empty() || v->size() > 15 || v->find_first_not_of("0123456789") != std::string::npos) return fallback;
  return Money(std::strtoll(v->c_str(), nullptr, 10));
}

std::string leftText(const ChainDebitAnswer& a) {
  return std::to_string(a.principalLeft.fen) + "," + std::to_string(a.bonusLeft.fen) + "," +
         std::to_string(a.pointsLeft);
}

bool usesPackages(const SaleRequest& r) {
  return std::any_of(r.tenders.begin(), r.tenders.end(), [](const auto& t) { return t.type == TenderType::Package; });
}

}  // namespace

Money overdrawOwed(Money overdrawn, Money arrearsNow) {
  return std::max(Money(), std::min(overdrawn, arrearsNow));
}

OfflineAllowances offlineAllowances(CheckoutStore& store) {
  OfflineAllowances a;
  a.perMember = settingFen(store, "chain.offline.member_fen", a.perMember);
  a.perStore = settingFen(store, "chain.offline.store_fen", a.perStore);
  a.perSale = settingFen(store, "chain.offline.sale_fen", a.perSale);
  a.maxHours = static_cast<int>(settingFen(store, "chain.offline.max_hours", Money(a.maxHours)).fen);
  return a;
}

// Every rule of the checkout but the member's balances, before head office is asked.
std::vector<ChainSessions> ChainSettle::preview(const SaleRequest& request, MemberAccount account,
                                                const CheckoutSetup& setup, const Staff& cashier, const ChainSpend& want) {
  account.svPrincipal += want.principal;
  account.points += want.points;
  SaleContext ctx{setup.prices, setup.tiers, setup.policy, setup.zone, clock_.now(),
                  postingDay(store_.currentDay()), cashier.code};
  std::vector<ChainSessions> uses;
  for (const PackageMove& m : buildSale(request, &account, ctx).packageMoves)
    if (m.kind == "use" && m.sessions < 0) uses.push_back({m.packageId, -m.sessions});
  return uses;
}

ChainSettled ChainSettle::settle(SaleRequest request, const CheckoutSetup& setup, const Staff& cashier) {
  const Instant now = clock_.now();
  const ChainSpend want = wanted(request, setup.policy);
  std::optional<SyncEnrolment> enrolment;
  if ((!want.empty() || usesPackages(request)) && request.customer && !store_.sale(request.id))
    enrolment = sync_.enrolment();
  std::optional<MemberAccount> account;
  if (enrolment) account = store_.account(*request.customer, setup.policy, now);
  if (!account || account->memberNo.empty()) return {store_.settle(request, setup, cashier, now), ""};
  std::vector<ChainSessions> sessions = preview(request, *account, setup, cashier, want);
  if (lines_) {
    try {
      auto hq = lines_->open(enrolment->address);
      return online(request, setup, cashier, *hq, account->memberNo, want, std::move(sessions));
    } catch (const DomainError& e) {
      if (e.code() != "hq_unreachable") throw;
    }
  }
  if (want.empty()) return {store_.settle(request, setup, cashier, clock_.now()), ""};  // only its own packages' sessions
  return offline(request, setup, cashier, *account, want);
}

ChainSettled ChainSettle::online(SaleRequest& request, const CheckoutSetup& setup, const Staff& cashier,
                                 HeadOffice& hq, const std::string& memberNo, const ChainSpend& want,
                                 std::vector<ChainSessions> sessions) {
  ChainDebit d{request.id, memberNo, cashier.code, want.principal, want.points, std::move(sessions)};
  std::optional<ChainDebitAnswer> a = hq.debitMember(d);
  if (!a) return {store_.settle(request, setup, cashier, clock_.now()), ""};  // HQ has not heard of the member yet
  if (!a->debited) throw DomainError("chain_balance_short", leftText(*a));
  request.chain = ChainSpend{a->principalTaken, a->bonusTaken, a->pointsTaken, false, worth(want, setup.policy)};
  try {
    return {store_.settle(request, setup, cashier, clock_.now()), "hq"};
  } catch (const DomainError& e) {
    if (e.code() == "id_conflict") throw;
    try {
      hq.releaseDebit(memberNo, request.id);
    } catch (const DomainError&) {
      // Unanswered: the debit stops holding after debits.hold_hours.
    }
    throw;
  }
}

ChainSettled ChainSettle::offline(SaleRequest& request, const CheckoutSetup& setup, const Staff& cashier,
                                  const MemberAccount& account, const ChainSpend& want) {
  const Instant now = clock_.now();
  const OfflineAllowances caps = offlineAllowances(store_);
  std::optional<Instant> last = sync_.status().lastContact;
  const Instant since = last.value_or(0);
  if (!last || now - since > static_cast<Instant>(caps.maxHours) * kHour)
    throw DomainError("offline_too_long", last ? std::to_string((now - since) / kHour) : "never");
  const Money amount = worth(want, setup.policy);
  if (amount > caps.perSale) throw DomainError("offline_sale_cap", formatAmount(caps.perSale));
  OfflineSpent spent = spends_.offlineSince(since, account.memberNo);
  if (spent.store + amount > caps.perStore)
    throw DomainError("offline_store_allowance", formatAmount(caps.perStore - spent.store));
  if (spent.member + amount > caps.perMember && request.approvedBy.empty())
    throw DomainError("offline_member_allowance", formatAmount(std::max(Money(), caps.perMember - spent.member)));
  // The split the store knows of; head office posts what it holds.
  StoredValueSplit s = splitStoredValue(want.principal, std::max(Money(), account.svPrincipal),
                                        std::max(Money(), account.svBonus));
  request.chain = ChainSpend{s.principal, s.bonus, want.points, true, amount};
  return {store_.settle(request, setup, cashier, now), "offline"};
}

}  // namespace salon
