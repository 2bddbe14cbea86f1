#pragma once
// 月度财务核对: the month's consumption totals by tender against the finance
// figures — the daily cash-ups, and the statements the payment channels export
// (WeChat Pay 交易账单, Alipay 账务明细, the bank's card settlement file). Rows are
// matched to the kiosk's tenders by reference number, gross amounts compared,
// fees listed apart; every difference is explained and the whole signed off by
// finance.
//
// The statements themselves are read in app/core/statement.h.
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/statement.h"
#include "app/core/staff_auth.h"

namespace salon {

// A kiosk tender (one sale's payment by one channel), signed: refunds negative.
struct KioskTender {
  std::string saleId;
  std::string tender;  // cash, card, wechat, alipay, stored_value, ...
  std::string ref;
  Money amount;
  std::string businessDay;
};

struct CashUp {
  std::string date;
  Money expected, counted;
  bool closed = false;
};

struct ReconciliationItem {
  int itemNo = 0;
  std::string kind;    // amount_differs, missing_in_statement, missing_in_kiosk, no_reference, cash_difference,
                       // day_not_closed
  std::string tender;  // wechat, alipay, card, cash
  std::string ref;     // reference, or the business day for cash
  std::string saleId;
  Money kiosk, statement;
  std::string explanation, explainedBy;
  std::optional<Instant> explainedAt;
};

struct TenderTotal {
  std::string tender;
  Money kiosk;
  std::optional<Money> finance;  // statement or cash-up total; none for stored value, points, ...
  Money fees;
};

struct ReconciliationResult {
  std::vector<TenderTotal> totals;
  std::vector<ReconciliationItem> differences;
  int matched = 0;
};

// Matches each statement row to the kiosk tenders of its channel by reference
// (ref, then altRef), compares gross amounts, and compares each day's cash-up.
ReconciliationResult reconcile(const std::vector<KioskTender>& tenders, const std::vector<ChannelStatement>& statements,
                               const std::vector<CashUp>& cashUps);

// One statement file of a run and what it says (StatementFigures, in fen).
struct StatementSource {
  std::string file, tender;
  int rows = 0;
  Money gross, fees;     // gross: payments only
  Money refunds, net;    // net = gross − refunds − fees
  std::string format;    // wechat_bill, alipay_trade_bill, ...
  std::vector<StatementDay> days;
};
StatementSource sourceOf(const std::string& file, const ChannelStatement& st, StoreZone zone);

struct Reconciliation {
  std::string id;
  std::string month;  // 2026-05
  Instant runAt = 0;
  std::string runBy;
  std::vector<StatementSource> sources;
  ReconciliationResult result;
  std::string signedBy;
  std::optional<Instant> signedAt;
  std::string signNote;
  int unexplained() const;
};

class ReconciliationStore {
 public:
  virtual ~ReconciliationStore() = default;
  virtual void saveReconciliation(const Reconciliation& r, const AuditEntry& audit) = 0;
  virtual std::optional<Reconciliation> reconciliation(const std::string& id) = 0;
  virtual void saveExplanation(const std::string& id, const ReconciliationItem& item, const AuditEntry& audit) = 0;
  virtual void saveSignature(const Reconciliation& r, const AuditEntry& audit) = 0;
};

// Finance runs, explains and signs (Action::ReconcileFinance).
class Reconciliations {
 public:
  Reconciliations(ReconciliationStore& store, Guard& guard, const Clock& clock)
      : store_(store), guard_(guard), clock_(clock) {}
  Reconciliation run(const Staff& by, const std::string& month, const std::vector<StatementSource>& sources,
                     ReconciliationResult result);
  ReconciliationItem explain(const Staff& by, const std::string& id, int itemNo, const std::string& explanation);
  Reconciliation sign(const Staff& by, const std::string& id, const std::string& note);

 private:
  Reconciliation openOne(const std::string& id);
  ReconciliationStore& store_;
  Guard& guard_;
  const Clock& clock_;
};

}  // namespace salon
