// The dedicated readers: serial (through a socat pty pair) and evdev (recorded
// input_event sequences replayed; there is no /dev/uinput here).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <linux/input.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "app/core/error.h"
#include "devices/escpos/commands.h"
#include "devices/readers/card_reader.h"
#include "devices/transports/fd_io.h"
#include "devices/transports/transport.h"
#include "pty_pair.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::devices;
using salon::test::PtyPair;
using salon::test::TempDir;

namespace {

int rawOpen(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
  REQUIRE(fd >= 0);
  return fd;
}

// What a USB reader's evdev node yields for `text` + Enter: key down/up pairs
// with SYN reports, `gapUs` apart, as `cat /dev/input/eventN` would record.
void record(std::vector<input_event>& out, const std::string& text, long startUs, long gapUs) {
  auto push = [&](long us, unsigned short type, unsigned short code, int value) {
    input_event e{};
    e.input_event_sec = us / 1000000;
    e.input_event_usec = us % 1000000;
    e.type = type;
    e.code = code;
    e.value = value;
    out.push_back(e);
  };
  auto key = [&](long us, unsigned short code, bool shift) {
    if (shift) push(us, EV_KEY, KEY_LEFTSHIFT, 1);
    push(us, EV_KEY, code, 1);
    push(us, EV_SYN, SYN_REPORT, 0);
    push(us + 2000, EV_KEY, code, 0);
    if (shift) push(us + 2000, EV_KEY, KEY_LEFTSHIFT, 0);
    push(us + 2000, EV_SYN, SYN_REPORT, 0);
  };
  static const unsigned short digits[] = {KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9};
  long t = startUs;
  for (char c : text) {
    if (c >= '0' && c <= '9') key(t, digits[c - '0'], false);
    else if (c == 'M') key(t, KEY_M, true);
    else if (c == 'S') key(t, KEY_S, true);
    else if (c == 'K') key(t, KEY_K, true);
    else if (c == '.') key(t, KEY_DOT, false);
    else if (c == ';') key(t, KEY_SEMICOLON, false);
    else if (c == '=') key(t, KEY_EQUAL, false);
    else if (c == '?') key(t, KEY_SLASH, true);
    t += gapUs;
  }
  key(t, KEY_ENTER, false);
}

void writeRecording(const std::string& path, const std::vector<input_event>& ev) {
  std::ofstream f(path, std::ios::binary);
  f.write(reinterpret_cast<const char*>(ev.data()), static_cast<std::streamsize>(ev.size() * sizeof(input_event)));
}

}  // namespace

TEST_CASE("serial reader: raw termios, one code per CR") {
  TempDir dir;
  PtyPair pty(dir.path().string());
  SerialReader reader(pty.a(), 9600);
  Fd other(rawOpen(pty.b()));
  writeAll(other.get(), "M00000001\r", 1000, "pty");
  CHECK(reader.next(2000) == std::optional<std::string>("M00000001"));
  // A code in pieces, then two at once with CR LF endings.
  writeAll(other.get(), "1380013", 1000, "pty");
  usleep(50000);
  writeAll(other.get(), "8000\r\nSK1.M1.1.x\r\n", 1000, "pty");
  CHECK(reader.next(2000) == std::optional<std::string>("13800138000"));
  CHECK(reader.next(2000) == std::optional<std::string>("SK1.M1.1.x"));
  CHECK_FALSE(reader.next(100));
  CHECK_THROWS_AS(SerialReader(dir.file("nothing")), DomainError);
}

TEST_CASE("serial printer: the job arrives whole, status is read back") {
  TempDir dir;
  PtyPair pty(dir.path().string());
  Fd printerEnd(rawOpen(pty.b()));
  auto t = openTransport(parsePrinterUri("serial:" + pty.a() + "?baud=19200"));
  CHECK(t->readsBack());
  // No answer from the far end: the status query times out.
  CHECK_FALSE(t->query(1));
  std::string job = "\x1b@hello\n";
  t->write(job);
  std::string got;
  while (auto b = readByte(printerEnd.get(), 500)) got += static_cast<char>(*b);
  CHECK(got == escpos::statusQuery(1) + job);  // the unanswered query went first
  // The far end answers a status query like a printer with its cover open.
  std::thread answer([&] {
    for (int i = 0; i < 3; ++i) {
      std::string q;
      while (q.size() < 3)
        if (auto b = readByte(printerEnd.get(), 2000)) q += static_cast<char>(*b); else return;
      char reply = q[2] == 1 ? '\x1a' : q[2] == 2 ? '\x16' : '\x12';
      writeAll(printerEnd.get(), std::string(1, reply), 1000, "pty");
    }
  });
  PrinterStatus s = queryStatus(*t);
  answer.join();
  CHECK(s.answered);
  CHECK(statusProblem(s) == "printer_cover_open");
}

TEST_CASE("evdev: a recorded fast scan is one scan, slow typing is not") {
  TempDir dir;
  std::vector<input_event> ev;
  record(ev, "M00000001", 1'000'000, 8'000);       // 8 ms per key: a reader
  record(ev, "13800138000", 5'000'000, 150'000);   // 150 ms per key: a person
  record(ev, ";6225880123456789=2512?", 9'000'000, 4'000);  // a magnetic stripe
  record(ev, "M00000001", 9'500'000, 8'000);       // again within 2 s of the first: a new scan
  record(ev, "M00000001", 10'000'000, 8'000);      // within 2 s of the last: counted once
  writeRecording(dir.file("scan.bin"), ev);
  EvdevReader reader(dir.file("scan.bin"));
  CHECK(reader.replaying());
  auto scans = reader.poll(0);
  CHECK(reader.finished());
  REQUIRE(scans.size() == 3);
  CHECK(scans[0].code == "M00000001");
  CHECK(scans[1].code == "6225880123456789=2512");
  CHECK(scans[1].format == ScanFormat::MagTrack2);
  CHECK(trackCardNumber(scans[1].code, scans[1].format) == "6225880123456789");
  CHECK(scans[2].code == "M00000001");
}

TEST_CASE("evdev keys map to HID usages, autorepeat and releases are not keys") {
  CHECK(hidUsageOfEvdevKey(KEY_A) == hid::kA);
  CHECK(hidUsageOfEvdevKey(KEY_Q) == hid::kA + 16);
  CHECK(hidUsageOfEvdevKey(KEY_1) == hid::k1);
  CHECK(hidUsageOfEvdevKey(KEY_0) == hid::k0);
  CHECK(hidUsageOfEvdevKey(KEY_ENTER) == hid::kEnter);
  CHECK(hidUsageOfEvdevKey(KEY_F1) == 0);
  EvdevKeys keys;
  input_event e{};
  e.type = EV_KEY;
  e.code = KEY_5;
  e.value = 2;  // autorepeat
  CHECK(keys.feed(e).scans.empty());
  CHECK_THROWS_AS(EvdevReader("/nonexistent/event0"), DomainError);
}
