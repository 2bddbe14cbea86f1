// Golden bytes for whole receipts and member cards on 58/80 mm, GB18030 and
// Big5 printers. The files under golden/ were made by this encoder and checked
// by eye through `escpos render`; run with SALON_UPDATE_GOLDEN=1 to rewrite
// them after an intended layout change (then look at the pictures again).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app/core/member_card.h"
#include "app/core/receipt.h"
#include "devices/escpos/tickets.h"
#include "devices/escpos/virtual_printer.h"

using namespace salon;
using namespace salon::devices;

namespace {

const Instant kAt = 1'795'300'000'000;  // 2026-11-22 in the store's zone

std::string toHex(const std::string& bytes) {
  std::string out;
  char buf[4];
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(bytes[i]));
    out += buf;
    out += (i % 32 == 31) ? '\n' : ' ';
  }
  return out + "\n";
}

void matchesGolden(const std::string& name, const std::string& bytes) {
  std::string path = std::string(SALON_SOURCE_DIR) + "/tests/devices/golden/" + name + ".hex";
  if (const char* u = std::getenv("SALON_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path) << toHex(bytes);
    WARN("rewrote " << path);
  }
  std::ifstream in(path);
  REQUIRE(in);
  std::stringstream golden;
  golden << in.rdbuf();
  INFO(name);
  CHECK(golden.str() == toHex(bytes));
}

// A receipt in traditional characters, for Big5 printers.
Receipt traditionalReceipt() {
  Receipt r = sampleReceipt(kAt, 3);
  r.storeName = "麗人美容 Salon Demo";
  r.storeAddress = "香港銅鑼灣軒尼詩道500號";
  r.cashier = "前台 小周";
  r.customerName = "陳美華";
  r.customerPhone = "+85291234567";
  const char* names[] = {"深層補水護理", "肩頸舒緩按摩", "眼部護理"};
  for (int i = 0; i < 3; ++i) r.lines[static_cast<std::size_t>(i)].name = names[i];
  r.lines[0].discountNote = "會員9折";
  r.lines[2].discountNote = "會員9折";
  r.lines[0].staff = "小林";
  r.lines[2].staff = "王靜";
  r.tenders[0].method = "儲值卡";
  r.tenders[1].method = "現金";
  r.packages[0].name = "面部護理10次卡";
  r.footer = "謝謝惠顧，歡迎再次光臨！";
  return r;
}

CardTicket card(const std::string& name) {
  CardTicket t;
  t.holder = {"M00000001", name, "13800138000", "金卡", "S01-2026-000001", 2, true};
  t.payload = signCard(cardKeyFromSeed(std::string(32, 's')), "M00000001", 2);
  t.event = CardEvent::Reissue;
  t.printedAt = kAt;
  t.storeName = "Salon Demo";
  return t;
}

}  // namespace

TEST_CASE("receipt golden bytes: 80 mm and 58 mm, GB18030") {
  Receipt r = sampleReceipt(kAt, 3);
  matchesGolden("receipt_80mm_gb18030", encodeReceipt(r, *profileByName("80mm")));
  matchesGolden("receipt_58mm_gb18030", encodeReceipt(r, *profileByName("58mm")));
  r.reprintCount = 2;
  matchesGolden("receipt_80mm_gb18030_reprint2", encodeReceipt(r, *profileByName("80mm")));
}

TEST_CASE("receipt golden bytes: 80 mm and 58 mm, Big5") {
  Receipt r = traditionalReceipt();
  matchesGolden("receipt_80mm_big5", encodeReceipt(r, *profileByName("80mm-big5")));
  matchesGolden("receipt_58mm_big5", encodeReceipt(r, *profileByName("58mm-big5")));
}

TEST_CASE("member card golden bytes: 80/58 mm, GB18030/Big5, native and raster QR") {
  matchesGolden("card_80mm_gb18030", encodeMemberCard(card("李美华"), *profileByName("80mm")));
  matchesGolden("card_58mm_big5", encodeMemberCard(card("陳美華"), *profileByName("58mm-big5")));
  matchesGolden("card_58mm_basic_raster_qr", encodeMemberCard(card("李美华"), *profileByName("58mm-basic")));
}

TEST_CASE("what the receipt says, read back by the virtual printer") {
  Receipt r = sampleReceipt(kAt, 3);
  r.reprintCount = 2;
  auto pic = renderJob(encodeReceipt(r, *profileByName("80mm")), *profileByName("80mm"));
  const std::string& t = pic.text;
  for (const char* expected : {"销售小票", "重印 REPRINT 第2次", "S01-20261122-0042", "收银员", "前台 小周",
                               "李美华 138****8000", "深层补水护理", "服务: 小林", "会员9折", "-￥9.80", "合计",
                               "优惠", "抹零", "应收", "储值卡", "现金", "找零", "本次积分", "积分余额", "储值余额",
                               "面部护理10次卡", "剩余7次", "欠款", "谢谢惠顾"}) {
    INFO(expected);
    CHECK(t.find(expected) != std::string::npos);
  }
  CHECK(t.find("13800138000") == std::string::npos);  // the phone never prints whole
  REQUIRE(pic.qrCodes.size() == 1);
  CHECK(pic.qrCodes[0] == r.saleId);
  CHECK(pic.cuts == 1);
  // An original receipt does not say reprint.
  auto original = renderJob(encodeReceipt(sampleReceipt(kAt, 3), *profileByName("80mm")), *profileByName("80mm"));
  CHECK(original.text.find("重印") == std::string::npos);
}

TEST_CASE("58 mm lines fit 32 columns, masked names on cards") {
  auto pic = renderJob(encodeReceipt(sampleReceipt(kAt, 5), *profileByName("58mm")), *profileByName("58mm"));
  CHECK(pic.paper.width == 384);
  CHECK(maskName("李美华") == "李*华");
  CHECK(maskName("王芳") == "王*");
  CHECK(maskName("Amy Chen") == "A** ***n");
  CardTicket t = card("李美华");
  t.maskName = true;
  auto c = renderJob(encodeMemberCard(t, *profileByName("80mm")), *profileByName("80mm"));
  CHECK(c.text.find("李*华") != std::string::npos);
  CHECK(c.text.find("李美华") == std::string::npos);
  REQUIRE(c.qrCodes.size() == 1);
  CHECK(c.qrCodes[0] == t.payload);
}
