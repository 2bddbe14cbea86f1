// encode -> virtual printer -> PNG -> zbarimg: the QR on paper decodes to the
// exact payload, for native QR and for printers that only take pictures.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/member_card.h"
#include "app/core/receipt.h"
#include "devices/escpos/commands.h"
#include "devices/escpos/paper_preview.h"
#include "devices/escpos/paper_writer.h"
#include "devices/escpos/tickets.h"
#include "devices/escpos/virtual_printer.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::devices;
using salon::test::TempDir;

namespace {

std::string zbar(const std::string& png, const std::string& dir) {
  auto r = salon::test::runShell("zbarimg -q --raw -Sbinary " + png, dir);
  std::string out = r.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("member card QR decodes to the exact signed payload on every profile") {
  TempDir dir;
  CardTicket t;
  t.holder = {"M00000042", "李美华", "13800138000", "", "S01-2026-000042", 3, true};
  t.payload = signCard(cardKeyFromSeed(std::string(32, 'q')), "M00000042", 3);
  for (const char* name : {"80mm", "58mm", "58mm-big5", "58mm-basic", "80mm-basic"}) {
    INFO(name);
    auto profile = *profileByName(name);
    std::string bytes = encodeMemberCard(t, profile);
    // Native QR goes as GS ( k; the others get a picture.
    bool native = bytes.find(escpos::qrStore(t.payload)) != std::string::npos;
    CHECK(native == profile.nativeQr);
    auto pic = renderJob(bytes, profile);
    std::string png = dir.file(std::string(name) + ".png");
    writePng(pic.paper, png);
    CHECK(zbar(png, dir.path().string()) == t.payload);
  }
}

TEST_CASE("receipt QR carries the sale id") {
  TempDir dir;
  Receipt r = sampleReceipt(1'795'300'000'000, 20);
  for (const char* name : {"80mm", "58mm-basic"}) {
    auto profile = *profileByName(name);
    auto pic = renderJob(encodeReceipt(r, profile), profile);
    std::string png = dir.file("r.png");
    writePng(pic.paper, png);
    CHECK(zbar(png, dir.path().string()) == r.saleId);
  }
}

TEST_CASE("styles and sizes change what lands on paper") {
  auto profile = *profileByName("80mm");
  auto ink = [&](const TextStyle& s) {
    PaperWriter w(profile);
    w.line("Salon 美容", s);
    auto pic = renderJob(w.bytes(), profile);
    long n = 0;
    for (auto d : pic.paper.dots) n += d;
    return std::make_pair(n, pic.paper.height);
  };
  TextStyle plain, bold, big, under;
  bold.bold = true;
  big.width = big.height = 2;
  under.underline = 1;
  auto p = ink(plain);
  CHECK(ink(bold).first > p.first);
  CHECK(ink(under).first > p.first);
  CHECK(ink(big).first > 3 * p.first);
  CHECK(ink(big).second > p.second);
}

TEST_CASE("cuts, pictures and broken jobs") {
  auto profile = *profileByName("80mm");
  PaperWriter w(profile);
  w.line("A");
  w.cut();
  w.openDrawer();
  auto pic = renderJob(w.bytes(), profile);
  CHECK(pic.cuts == 1);
  CHECK(pic.drawerPulses == 1);
  // A job cut short in the middle of a picture or a QR still renders what came.
  std::string bytes = w.bytes() + escpos::raster(Bitmap(64, 64)).substr(0, 100);
  CHECK(renderJob(bytes, profile).cuts == 1);
  std::string qr = escpos::qrStore("hello");
  CHECK(renderJob(qr.substr(0, 6), profile).qrCodes.empty());
  // An absurd picture height is clipped to the roll, not allocated.
  std::string huge = "\x1d\x76\x30\x00\x01\x00\xff\xff";
  huge += std::string(65535, '\xff');
  auto tall = renderJob(huge, profile);
  CHECK(tall.paper.height <= 40000);
}

TEST_CASE("the on-screen preview is the virtual printer's picture of the receipt") {
  PaperPreview preview(*profileByName("58mm"));
  Tickets& port = preview;
  TicketPicture p = port.picture(port.receiptBytes(sampleReceipt(1'795'300'000'000, 2), ""), "");
  CHECK(p.width == 384);
  CHECK(p.height > 500);
  CHECK(p.gray.size() == static_cast<std::size_t>(p.width) * p.height);
  CHECK(std::count(p.gray.begin(), p.gray.end(), 0) > 1000);
  CHECK(p.text.find("销售小票") != std::string::npos);
  // The same bytes go to the printer: for a printer of another paper, its own width.
  CHECK(port.picture(port.receiptBytes(sampleReceipt(1'795'300'000'000, 2), "file:/tmp/x?profile=80mm"), "file:/tmp/x?profile=80mm").width > 384);
  CHECK_THROWS(port.receiptBytes(sampleReceipt(1'795'300'000'000, 2), "nonsense://"));
}
