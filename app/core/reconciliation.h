#pragma once
// 月度财务核对: the month's consumption totals by tender against the finance
// figures — the daily cash-ups, and the statements the payment channels export
// (WeChat Pay 交易账单, Alipay 账务明细, the bank's card settlement file). Rows are
// matched to the kiosk's tenders by reference number, gross amounts compared,
// fees listed apart; every difference is explained and the whole signed off by
// finance.
//
// Statement formats accepted (UTF-8 with or without BOM, or GB18030):
// - WeChat Pay 交易账单 (merchant platform, all orders): a column row starting
//   交易时间,公众账号ID,商户号,…; every value prefixed by a backtick; rows of
//   交易状态 SUCCESS (payment: 订单金额) and REFUND (退款金额); 手续费 per row;
//   matched by 微信订单号 or 商户订单号; the summary block 总交易单数,… at the end
//   is checked against the rows.
// - Alipay 账务明细: `#` header and footer lines; the column row 账务流水号,
//   业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,
//   账户余额（元）,交易渠道,业务类型,备注; values padded with tabs; 业务类型 收费 rows
//   are fees (linked to the payment by 业务流水号), 交易退款 rows refunds; matched by
//   业务流水号 or 商户订单号.
// - Bank card settlement: 交易日期,交易时间,终端号,卡号,交易类型,交易金额,手续费,
//   清算金额,检索参考号 (日期 YYYYMMDD or YYYY-MM-DD, 时间 HHMMSS or HH:MM:SS,
//   amounts in yuan; 交易类型 消费 / 退货 / 撤销); matched by 检索参考号.
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/staff_auth.h"

namespace salon {

struct StatementRow {
  int line = 0;           // in the file
  std::string ref;        // the reference matched first
  std::string altRef;     // a second reference (merchant order number)
  Instant at = 0;
  Money gross;            // negative for a refund
  Money fee;              // what the channel charged (apart from gross)
};

struct ChannelStatement {
  std::string tender;     // wechat, alipay, card
  std::vector<StatementRow> rows;
  Money fees() const;
  Money gross() const;
};

ChannelStatement parseWechatBill(const std::string& bytes, StoreZone zone);
ChannelStatement parseAlipayLedger(const std::string& bytes, StoreZone zone);
ChannelStatement parseBankSettlement(const std::string& bytes, StoreZone zone);

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

struct StatementSource {
  std::string file, tender;
  int rows = 0;
  Money gross, fees;
};

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
