#include "app/core/reconciliation.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/core/checkout.h"
#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

StatementSource sourceOf(const std::string& file, const ChannelStatement& st, StoreZone zone) {
  StatementFigures f = figuresOf(st, zone);
  return {file, st.tender, f.rows, f.gross, f.fees, f.refunds, f.net, st.format, f.days};
}

namespace {

void addItem(ReconciliationResult& out, ReconciliationItem i) {
  i.itemNo = static_cast<int>(out.differences.size()) + 1;
  out.differences.push_back(std::move(i));
}

// Each day's count against what the kiosk expected; a day left open is a difference too.
void compareCashUps(const std::vector<CashUp>& cashUps, TenderTotal& cash, ReconciliationResult& out) {
  cash.tender = "cash";
  Money overShort;
  for (const CashUp& c : cashUps) {
    if (!c.closed) {
      addItem(out, {0, "day_not_closed", "cash", c.date, "", c.expected, Money(), "", "", std::nullopt});
      continue;
    }
    overShort += c.counted - c.expected;
    if (c.counted != c.expected)
      addItem(out, {0, "cash_difference", "cash", c.date, "", c.expected, c.counted, "", "", std::nullopt});
  }
  cash.finance = cash.kiosk + overShort;
}

bool endsWith(const std::string& s, const std::string& tail) {
  return !tail.empty() && s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A payment to the store's static QR code carries only the end of the channel's
// transaction number ("static:5678", typed at the counter): it takes the one
// statement payment of the same amount whose number (or merchant order number)
// ends so, in the order they come. The row's key becomes the kiosk's ref.
std::map<std::size_t, std::string> claimStaticRefs(const std::map<std::string, Money>& kiosk, const ChannelStatement& st) {
  std::map<std::size_t, std::string> claimed;  // statement row → kiosk ref
  const std::string prefix = kStaticQrPrefix;
  for (const auto& [ref, amount] : kiosk) {
    if (ref.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = ref.substr(prefix.size());
    for (std::size_t i = 0; i < st.rows.size(); ++i) {
      const StatementRow& r = st.rows[i];
      if (claimed.count(i) || kiosk.count(r.ref) || r.gross != amount) continue;
      if (endsWith(r.ref, digits) || endsWith(r.altRef, digits)) {
        claimed[i] = ref;
        break;
      }
    }
  }
  return claimed;
}

}  // namespace

ReconciliationResult reconcile(const std::vector<KioskTender>& tenders, const std::vector<ChannelStatement>& statements,
                               const std::vector<CashUp>& cashUps) {
  ReconciliationResult out;
  std::map<std::string, TenderTotal> totals;
  for (const KioskTender& t : tenders) {
    totals[t.tender].tender = t.tender;
    totals[t.tender].kiosk += t.amount;
  }
  auto item = [&](ReconciliationItem i) { addItem(out, std::move(i)); };
  for (const ChannelStatement& st : statements) {
    TenderTotal& total = totals[st.tender];
    total.tender = st.tender;
    total.finance = total.finance.value_or(Money()) + st.gross();
    total.fees += st.fees();
    std::map<std::string, Money> kiosk;
    std::map<std::string, std::string> saleOf;
    for (const KioskTender& t : tenders) {
      if (t.tender != st.tender) continue;
      if (t.ref.empty()) {
        item({0, "no_reference", t.tender, "", t.saleId, t.amount, Money(), "", "", std::nullopt});
        continue;
      }
      kiosk[t.ref] += t.amount;
      saleOf.emplace(t.ref, t.saleId);
    }
    std::map<std::string, Money> stated;
    const std::map<std::size_t, std::string> claimed = claimStaticRefs(kiosk, st);
    for (std::size_t i = 0; i < st.rows.size(); ++i) {
      const StatementRow& r = st.rows[i];
      if (r.gross.fen == 0) continue;  // a fee on its own
      std::string key = kiosk.count(r.ref) || r.altRef.empty() || !kiosk.count(r.altRef) ? r.ref : r.altRef;
      if (auto c = claimed.find(i); c != claimed.end()) key = c->second;
      stated[key] += r.gross;
    }
    for (const auto& [ref, amount] : stated) {
      auto k = kiosk.find(ref);
      if (k == kiosk.end() && amount.fen == 0) continue;  // paid and refunded in full outside the kiosk
      if (k == kiosk.end()) item({0, "missing_in_kiosk", st.tender, ref, "", Money(), amount, "", "", std::nullopt});
      else if (k->second != amount) item({0, "amount_differs", st.tender, ref, saleOf[ref], k->second, amount, "", "", std::nullopt});
      else ++out.matched;
    }
    for (const auto& [ref, amount] : kiosk)
      if (!stated.count(ref) && amount.fen != 0)
        item({0, "missing_in_statement", st.tender, ref, saleOf[ref], amount, Money(), "", "", std::nullopt});
  }
  if (!cashUps.empty()) compareCashUps(cashUps, totals["cash"], out);
  for (auto& [name, t] : totals) out.totals.push_back(t);
  return out;
}

int Reconciliation::unexplained() const {
  int n = 0;
  for (const ReconciliationItem& i : result.differences) n += i.explainedAt ? 0 : 1;
  return n;
}

Reconciliation Reconciliations::run(const Staff& by, const std::string& month, const std::vector<StatementSource>& sources,
                                    ReconciliationResult result) {
  guard_.require(by, Action::ReconcileFinance, "reconciliation", month);
  Reconciliation r{newUuid(), month, clock_.now(), by.code, sources, std::move(result), "", std::nullopt, ""};
  store_.saveReconciliation(r, auditOf(r.runAt, by.code, "finance.reconciled", "reconciliation", r.id,
                                       month + ": " + std::to_string(r.result.differences.size()) + " differences"));
  return r;
}

Reconciliation Reconciliations::openOne(const std::string& id) {
  auto r = store_.reconciliation(id);
  if (!r) throw DomainError("not_found", "reconciliation " + id);
  if (r->signedAt) throw DomainError("reconciliation_signed", id);
  return *r;
}

ReconciliationItem Reconciliations::explain(const Staff& by, const std::string& id, int itemNo,
                                            const std::string& explanation) {
  guard_.require(by, Action::ReconcileFinance, "reconciliation", id);
  Reconciliation r = openOne(id);
  auto& items = r.result.differences;
  if (itemNo < 1 || itemNo > static_cast<int>(items.size())) throw DomainError("not_found", "item " + std::to_string(itemNo));
  if (explanation.find_first_not_of(' ') == std::string::npos) throw DomainError("reason_required", "explanation");
  ReconciliationItem item = items[static_cast<std::size_t>(itemNo - 1)];
  item.explanation = explanation;
  item.explainedBy = by.code;
  item.explainedAt = clock_.now();
  store_.saveExplanation(id, item, auditOf(*item.explainedAt, by.code, "finance.difference_explained", "reconciliation",
                                           id, explanation, std::to_string(itemNo)));
  return item;
}

Reconciliation Reconciliations::sign(const Staff& by, const std::string& id, const std::string& note) {
  guard_.require(by, Action::ReconcileFinance, "reconciliation", id);
  Reconciliation r = openOne(id);
  if (int left = r.unexplained(); left > 0) throw DomainError("differences_unexplained", std::to_string(left));
  r.signedBy = by.code;
  r.signedAt = clock_.now();
  r.signNote = note;
  store_.saveSignature(r, auditOf(*r.signedAt, by.code, "finance.reconciliation_signed", "reconciliation", id, note));
  return r;
}

}  // namespace salon
