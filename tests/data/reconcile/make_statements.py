#!/usr/bin/env python3
"""Writes the statement fixtures of tests/data/reconcile in the channels' real
layouts (made-up names, numbers and IDs): a WeChat Pay 交易账单 and an Alipay
业务明细 trade bill (GBK) with a partial refund, a refund of an April payment, a
double charge (two identical payments from one payer a minute apart), fees and
control totals; and the truncated, tampered and outside-the-month variants.
Run from anywhere: python3 tests/data/reconcile/make_statements.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

WECHAT_HEAD = ("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
               "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,"
               "商户数据包,手续费,费率,订单金额,申请退款金额,费率备注")
WECHAT_SUM_HEAD = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"


def wx(when, txn, order, payer, state, settle, refund_no, refund_order, refunded, item, fee, ordered, applied):
    refund_type, refund_state = ("ORIGINAL", "SUCCESS") if state == "REFUND" else ("", "")
    values = [when, "wx7a1c0e55d2b3f901", "1900000321", "0", "KIOSK01", txn, order, payer, "MICROPAY", state,
              "CMB_DEBIT", "CNY", settle, "0.00", refund_no or "0", refund_order or "0", refunded, "0.00",
              refund_type, refund_state, item, "", fee, "0.60%", ordered, applied, ""]
    return ",".join("`" + v for v in values)


def wechat_rows(first_when="2026-05-05 09:30:00"):
    p = "oQx3t5Lq0Wm9Ye2Rk7UaN1cVb"
    return [
        wx(first_when, "4200001202202605050000000101", "S01-20260505-0001", p + "01", "SUCCESS", "88.00", "", "",
           "0.00", "洗剪吹", "0.52800", "88.00", "0.00"),
        wx("2026-05-06 11:00:00", "4200001202202605060000000102", "S01-20260506-0001", p + "02", "SUCCESS", "398.00",
           "", "", "0.00", "烫发", "2.39000", "398.00", "0.00"),
        # A partial refund: 100.00 of the 398.00 perm.
        wx("2026-05-06 15:00:00", "4200001202202605060000000102", "S01-20260506-0001", p + "02", "REFUND", "0.00",
           "50300001022026050600000000002", "R-S01-20260506-0001", "100.00", "烫发", "-0.60000", "398.00", "100.00"),
        # The refund of a colour paid in April.
        wx("2026-05-02 10:00:00", "4200001202202604280000000099", "S01-20260428-0007", p + "03", "REFUND", "0.00",
           "50300001022026050200000000003", "R-S01-20260428-0007", "199.00", "染发", "-1.19000", "199.00", "199.00"),
        # A double charge: the same payer, the same amount, a minute apart. Both real.
        wx("2026-05-10 15:00:10", "4200001202202605100000000201", "S01-20260510-0003", p + "04", "SUCCESS", "128.00",
           "", "", "0.00", "补水护理", "0.77000", "128.00", "0.00"),
        wx("2026-05-10 15:01:12", "4200001202202605100000000202", "S01-20260510-0004", p + "04", "SUCCESS", "128.00",
           "", "", "0.00", "补水护理", "0.77000", "128.00", "0.00"),
        # Revoked before it was paid: counted, no money.
        wx("2026-05-12 12:00:00", "4200001202202605120000000301", "S01-20260512-0001", p + "05", "REVOKED", "0.00",
           "", "", "0.00", "洗剪吹", "0.00000", "58.00", "0.00"),
        wx("2026-05-31 23:59:30", "4200001202202605310000000401", "S01-20260531-0009", p + "06", "SUCCESS", "168.00",
           "", "", "0.00", "肩颈按摩", "1.01000", "168.00", "0.00"),
    ]


WECHAT_SUM = "`8,`910.00,`299.00,`0.00,`3.67800,`910.00,`299.00"


def wechat(rows, summary=True):
    lines = [WECHAT_HEAD] + rows + ([WECHAT_SUM_HEAD, WECHAT_SUM] if summary else [])
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


ALIPAY_HEAD = ("支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,"
               "商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
               "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注")


def ali(txn, order, kind, item, created, done, payer, ordered, received, discount, batch, fee, note=""):
    t = "\t"
    return ",".join([txn + t, order + t, kind + t, item, created, done, "S01" + t, "青柳美发" + t, "KIOSK01" + t, t,
                     payer + t, ordered, received, "0.00", "0.00", "0.00", discount, "0.00", "", "0.00" + t, "0.00",
                     batch + t, fee, "0.00", note])


def alipay_rows(p5_done="2026-05-31 23:58:00"):
    return [
        ali("2026050322001400000000000101", "S01-20260503-0001", "交易", "洗剪吹", "2026-05-03 10:15:02",
            "2026-05-03 10:15:09", "林**(186****1234)", "88.00", "88.00", "0.00", "", "-0.53"),
        ali("2026050322001400000000000102", "S01-20260503-0002", "交易", "烫发", "2026-05-03 14:20:00",
            "2026-05-03 14:20:05", "周*(137****5678)", "398.00", "398.00", "0.00", "", "-2.39"),
        ali("2026050322001400000000000102", "S01-20260503-0002", "退款", "烫发", "2026-05-03 14:20:00",
            "2026-05-04 09:30:00", "周*(137****5678)", "-100.00", "-100.00", "0.00", "R-S01-20260503-0002-1", "0.60",
            "部分退款"),
        ali("2026042822001400000000000099", "S01-20260428-0007", "退款", "染发", "2026-04-28 16:00:00",
            "2026-05-02 11:00:00", "吴**(135****0007)", "-199.00", "-199.00", "0.00", "R-S01-20260428-0007-1", "1.19",
            "四月的染发"),
        ali("2026051022001400000000000201", "S01-20260510-0003", "交易", "补水护理", "2026-05-10 15:00:05",
            "2026-05-10 15:00:10", "郑*(139****2468)", "128.00", "128.00", "0.00", "", "-0.77"),
        ali("2026051022001400000000000202", "S01-20260510-0004", "交易", "补水护理", "2026-05-10 15:01:07",
            "2026-05-10 15:01:12", "郑*(139****2468)", "128.00", "128.00", "0.00", "", "-0.77"),
        ali("2026053122001400000000000301", "S01-20260531-0008", "交易", "肩颈按摩", "2026-05-31 23:57:40", p5_done,
            "王**(150****1357)", "168.00", "158.00", "10.00", "", "-0.95", "会员日减10元"),
    ]


def alipay(rows, end=True, trailers=None):
    dash = "-" * 41
    lines = ["#支付宝业务明细查询", "#账号：[20880000000000000156]",
             "#起始日期：[2026年05月01日 00:00:00]   终止日期：[2026年06月01日 00:00:00]",
             "#" + dash + "业务明细列表" + "-" * 40, ALIPAY_HEAD] + rows
    if end:
        lines.append("#" + dash + "业务明细列表结束" + "-" * 36)
        lines += trailers if trailers is not None else [
            "#交易合计：5笔，商家实收共900.00元，商家优惠共10.00元",
            "#退款合计：2笔，商家实收退款共-299.00元，商家优惠退款共0.00元",
            "#导出时间：[2026年06月01日 08:12:45]"]
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


write("wechat_edges_2026-05.csv", wechat(wechat_rows()))
# Cut in the middle of the double charge's second row: no summary follows.
whole = wechat(wechat_rows())
write("wechat_truncated_2026-05.csv", whole[:whole.index("4200001202202605100000000202".encode()) + 10])
# The first payment dated a minute before May (store time); the summary still agrees.
write("wechat_outside_2026-05.csv", wechat(wechat_rows("2026-04-30 23:59:00")))
write("alipay_trade_2026-05.csv", alipay(alipay_rows()))
tampered = alipay_rows()
tampered[0] = tampered[0].replace(",88.00,88.00,", ",8.00,8.00,")  # 88.00 → 8.00, totals left as they were
write("alipay_trade_tampered_2026-05.csv", alipay(tampered))
write("alipay_trade_truncated_2026-05.csv", alipay(alipay_rows()[:5], end=False))
