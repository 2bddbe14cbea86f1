#pragma once
// The payment channels' monthly statements, read for the reconciliation
// (月度财务核对). The format is told from the file itself (its column row), never
// from a flag; every refusal names the line and what is wrong, and a file cut
// short or edited so it no longer agrees with its own control totals is refused.
//
// Formats (UTF-8 with or without BOM, or GBK/GB18030):
// - WeChat Pay 交易账单: column row 交易时间,公众账号ID,商户号,…; every value prefixed
//   by a backtick; SUCCESS rows are payments (订单金额), REFUND rows refunds
//   (申请退款金额), 手续费 signed per row (negative when a refund returns it); the
//   summary block 总交易单数,应结订单总金额,退款总金额,…,手续费总金额,订单总金额,
//   申请退款总金额 at the end must be there and agree with the rows.
// - Alipay 业务明细 (trade bill, merchant download): `#` lines; the list between
//   `#-----…业务明细列表-----` and `#-----…业务明细列表结束-----`; 25 columns
//   支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,…,订单金额（元）,
//   商家实收（元）,…,服务费（元）,分润（元）,备注; values padded with tabs; 业务类型 交易
//   is a payment, 退款 a refund (negative amounts, the original's numbers); 服务费
//   signed as Alipay prints it (a charge negative); the `#交易合计` and `#退款合计`
//   lines are control totals that must agree.
// - Alipay 账务明细 (account log): `#` lines around the list `#…账务明细列表…`; column
//   row 账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,
//   支出金额（-元）,账户余额（元）,交易渠道,业务类型,备注; 收费 rows are the fee of the
//   payment with the same 业务流水号; `#支出合计` / `#收入合计` must agree.
// - Bank card settlement: 交易日期,交易时间,终端号,卡号,交易类型,交易金额,手续费,
//   清算金额,检索参考号 (交易类型 消费 / 退货 / 撤销); matched by 检索参考号.
#include <cstdint>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/money.h"

namespace salon {

// A statement file over this size is refused before it is read whole.
constexpr std::uintmax_t kMaxStatementBytes = 64u * 1024u * 1024u;

struct StatementRow {
  int line = 0;           // in the file
  std::string ref;        // the reference matched first (the channel's transaction number)
  std::string altRef;     // a second reference (merchant order number)
  Instant at = 0;
  Money gross;            // a payment's amount; negative for a refund
  Money fee;              // what the channel charged, apart from gross; negative when returned
};

struct ChannelStatement {
  std::string tender;     // wechat, alipay, card
  std::vector<StatementRow> rows;
  std::string format;     // wechat_bill, alipay_trade_bill, alipay_account_log, bank_settlement
  Money fees() const;
  Money gross() const;    // signed: payments less refunds, what the kiosk's tenders add up to
};

// What a statement says, whole and per local day: gross (payments), refunds,
// fees (signed), net = gross − refunds − fees; amounts in fen.
struct StatementDay {
  std::string date;  // 2026-05-28 in the store's zone
  int rows = 0;
  Money gross, refunds, fees, net;
};
struct StatementFigures {
  int rows = 0;
  Money gross, refunds, fees, net;
  std::vector<StatementDay> days;  // in date order
};
StatementFigures figuresOf(const ChannelStatement& st, StoreZone zone);

ChannelStatement parseWechatBill(const std::string& bytes, StoreZone zone);
ChannelStatement parseAlipayTradeBill(const std::string& bytes, StoreZone zone);
ChannelStatement parseAlipayLedger(const std::string& bytes, StoreZone zone);
ChannelStatement parseBankSettlement(const std::string& bytes, StoreZone zone);
// Any of the four, told from the file's column row (statement_format_unknown otherwise).
ChannelStatement readStatement(std::string bytes, StoreZone zone);
// statement_outside_month (naming the first such line) unless every row is dated in
// `month` ("2026-05") in the store's zone.
void requireMonth(const ChannelStatement& st, const std::string& month, StoreZone zone);

}  // namespace salon
