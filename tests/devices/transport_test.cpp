// Transports by URI, status queries and the virtual network printer.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/core/error.h"
#include "devices/escpos/paper_writer.h"
#include "devices/transports/transport.h"
#include "devices/virtual_printer_server.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::devices;
using salon::test::readWhole;
using salon::test::TempDir;

namespace {

std::string codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "ok";
}

// A VirtualPrinterServer on a free loopback port, served from a thread.
struct RunningPrinter {
  RunningPrinter(const std::string& dir, PrinterFault fault)
      : server(dir, defaultProfile(), fault), port(server.listen(0)),
        thread([this] { server.run(stop, [](const std::string&) {}); }) {}
  ~RunningPrinter() {
    stop = true;
    thread.join();
  }
  std::string uri() const { return "tcp://127.0.0.1:" + std::to_string(port); }
  std::atomic<bool> stop{false};
  VirtualPrinterServer server;
  int port;
  std::thread thread;
};

std::string sampleJob() {
  PaperWriter w(defaultProfile());
  w.line("测试 Test");
  w.cut();
  return w.take();
}

int countJobs(const std::string& dir) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ".bin";
  return n;
}

}  // namespace

TEST_CASE("printer URIs") {
  auto f = parsePrinterUri("file:/dev/usb/lp0");
  CHECK(f.scheme == "file");
  CHECK(f.target == "/dev/usb/lp0");
  auto t = parsePrinterUri("tcp://192.168.1.50:9101?profile=58mm");
  CHECK(t.target == "192.168.1.50");
  CHECK(t.port == 9101);
  CHECK(profileOf(t).dots == 384);
  CHECK(parsePrinterUri("tcp://printer").port == 9100);
  auto s = parsePrinterUri("serial:/dev/ttyUSB0?baud=19200");
  CHECK(s.target == "/dev/ttyUSB0");
  CHECK(s.baud == 19200);
  CHECK(parsePrinterUri("cups:Front_Desk").target == "Front_Desk");
  CHECK(profileOf(parsePrinterUri("file:/tmp/x")).name == "80mm");  // the default: 80 mm, native QR, GB18030
  CHECK(profileOf(parsePrinterUri("file:/tmp/x")).nativeQr);
  CHECK(codeOf([] { parsePrinterUri("lpt1"); }) == "printer_uri_invalid");
  CHECK(codeOf([] { parsePrinterUri("tcp://host:99999"); }) == "printer_uri_invalid");
  CHECK(codeOf([] { parsePrinterUri("cups:a;rm -rf"); }) == "printer_uri_invalid");
  CHECK(codeOf([] { parsePrinterUri("smb://x"); }) == "printer_uri_invalid");
  CHECK(codeOf([] { profileOf(parsePrinterUri("file:/x?profile=99mm")); }) == "printer_profile_unknown");
}

TEST_CASE("DLE EOT answers become clear problems") {
  CHECK(statusProblem(decodeStatus(0x12, std::nullopt, 0x12)).empty());
  CHECK(statusProblem(decodeStatus(0x1A, 0x32, 0x7E)) == "printer_paper_out");
  CHECK(statusProblem(decodeStatus(0x1A, 0x16, 0x12)) == "printer_cover_open");
  CHECK(statusProblem(decodeStatus(0x1A, 0x12, 0x12)) == "printer_offline");
  CHECK(decodeStatus(0x12, std::nullopt, 0x1E).paperNearEnd);
  CHECK(statusProblem(decodeStatus(0x12, std::nullopt, 0x1E)).empty());
  CHECK_FALSE(decodeStatus(0xFF, 0xFF, 0xFF).answered);  // not a status byte
  for (auto f : {PrinterFault::PaperOut, PrinterFault::CoverOpen, PrinterFault::Offline})
    CHECK_FALSE(statusProblem(decodeStatus(statusAnswer(f, 1), statusAnswer(f, 2), statusAnswer(f, 4))).empty());
}

TEST_CASE("file: writes the job's bytes") {
  TempDir dir;
  auto t = openTransport(parsePrinterUri("file:" + dir.file("lp0")));
  CHECK_FALSE(t->readsBack());
  std::string job = sampleJob();
  sendJob(*t, job);
  t.reset();
  CHECK(readWhole(dir.file("lp0")) == job);
  CHECK(codeOf([] { openTransport(parsePrinterUri("file:/nonexistent-dir/lp0")); }) == "printer_unreachable");
}

TEST_CASE("tcp: status before and after, the job saved with its picture") {
  TempDir dir;
  RunningPrinter printer(dir.path().string(), PrinterFault::None);
  std::string job = sampleJob();
  auto t = openTransport(parsePrinterUri(printer.uri()));
  CHECK(t->readsBack());
  CHECK(sendJob(*t, job).warning.empty());
  t.reset();
  // The job is rendered after it arrives; its .txt appears last (up to 30 s under sanitizers).
  for (int i = 0; i < 1500 && !std::filesystem::exists(dir.file("job-0001.txt")); ++i) usleep(20000);
  CHECK(readWhole(dir.file("job-0001.bin")) == job);  // status queries are not part of the job
  CHECK(std::filesystem::file_size(dir.file("job-0001.png")) > 100);
  CHECK(readWhole(dir.file("job-0001.txt")).find("测试 Test") != std::string::npos);
}

TEST_CASE("tcp: each fault stops the job before a byte is sent, with a clear reason") {
  struct Case { PrinterFault fault; const char* code; };
  for (Case c : {Case{PrinterFault::PaperOut, "printer_paper_out"}, Case{PrinterFault::CoverOpen, "printer_cover_open"},
                 Case{PrinterFault::Offline, "printer_offline"}}) {
    TempDir dir;
    RunningPrinter printer(dir.path().string(), c.fault);
    CHECK(codeOf([&] {
            auto t = openTransport(parsePrinterUri(printer.uri()));
            sendJob(*t, sampleJob());
          }) == c.code);
    usleep(100000);
    CHECK(countJobs(dir.path().string()) == 0);
  }
}

TEST_CASE("tcp: paper near end prints with a warning") {
  TempDir dir;
  RunningPrinter printer(dir.path().string(), PrinterFault::PaperNearEnd);
  auto t = openTransport(parsePrinterUri(printer.uri()));
  CHECK(sendJob(*t, sampleJob()).warning == "printer_paper_near_end");
}

TEST_CASE("tcp: nobody listening is unreachable") {
  int port;
  {
    TempDir dir;
    RunningPrinter p(dir.path().string(), PrinterFault::None);
    port = p.port;
  }
  CHECK(codeOf([&] { openTransport(parsePrinterUri("tcp://127.0.0.1:" + std::to_string(port))); }) ==
        "printer_unreachable");
  CHECK(codeOf([&] { openTransport(parsePrinterUri("tcp://no-such-printer.invalid:9100")); }) == "printer_unreachable");
}

TEST_CASE("cups: the job goes to `lp -d QUEUE -o raw` untouched") {
  TempDir dir;
  std::string bin = dir.file("bin");
  std::filesystem::create_directories(bin);
  {
    std::ofstream lp(bin + "/lp");
    lp << "#!/bin/sh\necho \"$@\" > " << dir.file("lp.args") << "\ncat > " << dir.file("lp.data") << "\n"
       << "[ \"$2\" = Broken ] && exit 1\nexit 0\n";
  }
  std::filesystem::permissions(bin + "/lp", std::filesystem::perms::owner_all);
  std::string oldPath = std::getenv("PATH");
  ::setenv("PATH", (bin + ":" + oldPath).c_str(), 1);
  std::string job = sampleJob();
  auto t = openTransport(parsePrinterUri("cups:Front_Desk"));
  sendJob(*t, job);
  CHECK(readWhole(dir.file("lp.args")) == "-d Front_Desk -o raw\n");
  CHECK(readWhole(dir.file("lp.data")) == job);
  CHECK(codeOf([&] {
          auto b = openTransport(parsePrinterUri("cups:Broken"));
          sendJob(*b, job);
        }) == "printer_write_failed");
  ::setenv("PATH", oldPath.c_str(), 1);
}

TEST_CASE("tcp: a printer that stops reading times the write out, one that never answers status is refused") {
  // A listener that accepts but never reads or answers.
  int ls = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(ls, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(::listen(ls, 4) == 0);
  socklen_t len = sizeof a;
  ::getsockname(ls, reinterpret_cast<sockaddr*>(&a), &len);
  std::string uri = "tcp://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
  Timeouts quick;
  quick.writeMs = 300;
  quick.statusMs = 200;
  auto t = openTransport(parsePrinterUri(uri), quick);
  CHECK(codeOf([&] { t->write(std::string(64 << 20, 'x')); }) == "printer_write_failed");
  auto t2 = openTransport(parsePrinterUri(uri), quick);
  CHECK(codeOf([&] { sendJob(*t2, "x"); }) == "printer_no_answer");
  ::close(ls);
}

TEST_CASE("tcp: a printer that answers the first status query, then stops reading, is not 'printed'") {
  int ls = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(ls, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(::listen(ls, 4) == 0);
  socklen_t len = sizeof a;
  ::getsockname(ls, reinterpret_cast<sockaddr*>(&a), &len);
  std::string uri = "tcp://127.0.0.1:" + std::to_string(ntohs(a.sin_port));
  std::atomic<bool> done{false};
  std::thread printer([&] {
    int c = ::accept(ls, nullptr, nullptr);
    unsigned char q[3];
    // DLE EOT 1, answered "online"; then it never reads or answers again.
    if (::recv(c, q, sizeof q, MSG_WAITALL) == 3) {
      unsigned char ok = 0x12;
      ::send(c, &ok, 1, MSG_NOSIGNAL);
    }
    while (!done) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ::close(c);
  });
  Timeouts quick;
  quick.writeMs = 300;
  quick.statusMs = 200;
  auto t = openTransport(parsePrinterUri(uri), quick);
  auto started = std::chrono::steady_clock::now();
  CHECK(codeOf([&] { sendJob(*t, sampleJob()); }) == "printer_no_answer");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  CHECK(ms < 2000);  // within the deadlines, not hanging
  done = true;
  printer.join();
  ::close(ls);
}
