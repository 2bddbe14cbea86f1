#include <catch2/catch.hpp>

#include "app/core/scan.h"

using namespace salon;

TEST_CASE("WeChat, Alipay and UnionPay payment codes go to the tender, not member lookup") {
  CHECK(classifyScan("134567890123456789").kind == ScanKind::PaymentCode);  // 18 digits, 13
  CHECK(classifyScan("134567890123456789").wallet == "wechat");
  CHECK(classifyScan("104567890123456789").wallet == "wechat");
  CHECK(classifyScan("154567890123456789").wallet == "wechat");
  CHECK(classifyScan("284567890123456789").wallet == "alipay");              // 18 digits, 28
  CHECK(classifyScan("2545678901234567").wallet == "alipay");                // 16 digits
  CHECK(classifyScan("304567890123456789012345").wallet == "alipay");        // 24 digits
  CHECK(classifyScan("6225880123456789012").wallet == "unionpay");           // 19 digits, 62
  CHECK(paymentWallet("164567890123456789") == "");                          // 16.. is not WeChat
  CHECK(paymentWallet("3045678901234567890123456") == "");                   // 25 digits: too long
  CHECK(paymentWallet("13456789012345678") == "");                           // 17 digits
}

TEST_CASE("member QR, member number, phone and card number") {
  CHECK(classifyScan("SK1.M00000001.1.abc").kind == ScanKind::MemberCard);
  CHECK(classifyScan("M00000001").kind == ScanKind::CardNumber);
  CHECK(classifyScan(" 13800138000\r\n").kind == ScanKind::Phone);
  CHECK(classifyScan(" 13800138000\r\n").value == "13800138000");
  CHECK(classifyScan("6225880123456789").kind == ScanKind::CardNumber);
  CHECK(classifyScan("hello").kind == ScanKind::Unknown);
  // Cards brought across from another system keep their printed numbers.
  CHECK(classifyScan("VIP0042").kind == ScanKind::CardNumber);
  CHECK(classifyScan("A-77").kind == ScanKind::CardNumber);
  CHECK(classifyScan("00123").kind == ScanKind::CardNumber);
  CHECK(classifyScan("VIP-GOLD").kind == ScanKind::Unknown);
  CHECK(classifyScan("").kind == ScanKind::Unknown);
}
