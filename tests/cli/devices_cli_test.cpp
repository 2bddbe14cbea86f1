// Printing, the virtual printer and scanning, through the real binary.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/core/member_card.h"
#include "support/customer_rows.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using salon::test::readWhole;
using salon::test::runKiosk;
using salon::test::runShell;
using salon::test::TempDir;

namespace {

std::string seeded(const TempDir& dir) {
  std::string db = dir.file("salon.db");
  REQUIRE(runKiosk("demo-data --db " + db, dir.path().string()).exitCode == 0);
  SQLite::Database s(db, SQLite::OPEN_READWRITE);
  s.exec("INSERT INTO customers (file_no, member_no, name, phone, status, created_at, created_by) VALUES"
         " ('S01-2026-000001', 'M00000001', '李美华', '13800138000', 'in_force', 0, 'admin'),"
         " ('S01-2026-000002', NULL, '张三', '13900139000', 'in_force', 0, 'admin')");
  salon::test::syncCustomerCounters(s);
  return db;
}

std::string zbar(const std::string& png, const TempDir& dir) {
  auto r = runShell("zbarimg -q --raw -Sbinary " + png, dir.path().string());
  std::string out = r.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// `salon-kiosk escpos serve` in the background; stopped by its pid.
class ServeProcess {
 public:
  ServeProcess(const std::string& outDir, const std::string& fault, int port = 0) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      std::string p = std::to_string(port);
      if (fault.empty())
        ::execl(SALON_KIOSK_BIN, SALON_KIOSK_BIN, "escpos", "serve", "--port", p.c_str(), "--out", outDir.c_str(),
                static_cast<char*>(nullptr));
      else
        ::execl(SALON_KIOSK_BIN, SALON_KIOSK_BIN, "escpos", "serve", "--port", p.c_str(), "--out", outDir.c_str(),
                "--fault", fault.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    out_ = ::fdopen(out[0], "r");
    char line[64] = {0};
    REQUIRE(std::fgets(line, sizeof line, out_));
    port_ = std::atoi(line);
    REQUIRE(port_ > 0);
  }
  ~ServeProcess() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    std::fclose(out_);
  }
  int port() const { return port_; }
  std::string uri() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  int port_ = 0;
};

std::string jobIdFrom(const std::string& out) {
  auto p = out.find("\"job\":\"");
  REQUIRE(p != std::string::npos);
  return out.substr(p + 7, 36);
}

}  // namespace

TEST_CASE("print receipt test to a file, render it, and the QR decodes to the sale id") {
  TempDir dir;
  std::string db = seeded(dir);
  auto r = runKiosk("print receipt test --db " + db + " --printer file:" + dir.file("job.bin"), dir.path().string());
  REQUIRE(r.exitCode == 0);
  CHECK(r.out.find("\"state\":\"printed\"") != std::string::npos);
  auto render = runKiosk("escpos render " + dir.file("job.bin") + " --png " + dir.file("job.png") + " --text " +
                             dir.file("job.txt"),
                         dir.path().string());
  REQUIRE(render.exitCode == 0);
  CHECK(zbar(dir.file("job.png"), dir) == "5f0c1a52-8e2b-4c39-9b7e-2f1d3a4b5c6d");
  std::string text = readWhole(dir.file("job.txt"));
  CHECK(text.find("悦容美容美发沙龙") != std::string::npos);  // the store's own name from its settings
  CHECK(text.find("138****8000") != std::string::npos);
  auto reprint = runKiosk("print receipt test --reprint 1 --db " + db + " --printer file:" + dir.file("re.bin"),
                          dir.path().string());
  REQUIRE(reprint.exitCode == 0);
  runKiosk("escpos render " + dir.file("re.bin") + " --png " + dir.file("re.png") + " --text " + dir.file("re.txt"),
           dir.path().string());
  CHECK(readWhole(dir.file("re.txt")).find("重印 REPRINT 第1次") != std::string::npos);
  auto sale = runKiosk("print receipt 1234 --staff cash --db " + db + " --printer file:" + dir.file("x.bin"), dir.path().string(), "SALON_PIN=3456");
  CHECK(sale.exitCode == 2);
  CHECK(sale.err.find("sale_not_found") != std::string::npos);
}

TEST_CASE("escpos serve: jobs saved with their pictures, faults keep the job queued with a clear message") {
  TempDir dir;
  std::string db = seeded(dir);
  std::string out = dir.file("paper");
  {
    ServeProcess printer(out, "");
    auto r = runKiosk("print receipt test --db " + db + " --printer " + printer.uri(), dir.path().string());
    REQUIRE(r.exitCode == 0);
  }
  CHECK(std::filesystem::exists(out + "/job-0001.bin"));
  CHECK(zbar(out + "/job-0001.png", dir) == "5f0c1a52-8e2b-4c39-9b7e-2f1d3a4b5c6d");

  struct Case { const char* fault; const char* code; const char* words; };
  for (Case c : {Case{"paper-out", "printer_paper_out", "缺纸"}, Case{"cover-open", "printer_cover_open", "盖"},
                 Case{"offline", "printer_offline", "离线"}}) {
    INFO(c.fault);
    std::string faultDir = dir.file(std::string("fault-") + c.fault);
    int port;
    std::string id;
    {
      ServeProcess printer(faultDir, c.fault);
      port = printer.port();
      auto r = runKiosk("print receipt test --db " + db + " --printer " + printer.uri(), dir.path().string());
      CHECK(r.exitCode == 2);
      CHECK(r.err.find(c.code) != std::string::npos);
      CHECK(r.err.find(c.words) != std::string::npos);
      id = jobIdFrom(r.out);
      CHECK_FALSE(std::filesystem::exists(faultDir + "/job-0001.bin"));
    }
    auto jobs = runKiosk("print jobs --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
    CHECK(jobs.out.find(id) != std::string::npos);
    CHECK(jobs.out.find(c.code) != std::string::npos);
    // The paper is loaded, the printer comes back on the same port: retry prints the kept job.
    ServeProcess fixed(faultDir, "", port);
    auto retry = runKiosk("print retry " + id + " --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
    CHECK(retry.exitCode == 0);
    CHECK(retry.out.find("\"state\":\"printed\"") != std::string::npos);
  }
}

TEST_CASE("print card through cups (a fake lp on PATH), scan it, reissue, and the old card is refused") {
  TempDir dir;
  std::string db = seeded(dir);
  std::string bin = dir.file("bin");
  std::filesystem::create_directories(bin);
  {
    std::ofstream lp(bin + "/lp");
    lp << "#!/bin/sh\ncat > " << dir.file("lp.data") << "\necho \"$@\" > " << dir.file("lp.args") << "\n";
  }
  std::filesystem::permissions(bin + "/lp", std::filesystem::perms::owner_all);
  std::string env = "SALON_PIN=3456 PATH=" + bin + ":$PATH";
  auto r = runKiosk("print card M00000001 --db " + db + " --staff cash --printer cups:Front_Desk --reason 新会员",
                    dir.path().string(), env);
  REQUIRE(r.exitCode == 0);
  CHECK(readWhole(dir.file("lp.args")) == "-d Front_Desk -o raw\n");
  std::filesystem::copy_file(dir.file("lp.data"), dir.file("card1.bin"));
  REQUIRE(runKiosk("escpos render " + dir.file("card1.bin") + " --png " + dir.file("card1.png"), dir.path().string()).exitCode == 0);
  std::string payload = zbar(dir.file("card1.png"), dir);
  CHECK(payload.rfind("SK1.M00000001.1.", 0) == 0);

  auto scan = runKiosk("scan '" + payload + "' --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
  CHECK(scan.exitCode == 0);
  CHECK(scan.out.find("\"member_no\": \"M00000001\"") != std::string::npos);
  CHECK(scan.out.find("138****8000") != std::string::npos);

  // A cashier may not reissue; a supervisor may, with a reason.
  auto denied = runKiosk("print card M00000001 --reissue --db " + db + " --staff cash --printer file:" +
                             dir.file("c2.bin") + " --reason lost",
                         dir.path().string(), "SALON_PIN=3456");
  CHECK(denied.exitCode == 2);
  CHECK(denied.err.find("permission_denied") != std::string::npos);
  auto reissued = runKiosk("print card M00000001 --reissue --db " + db + " --staff sup --printer file:" +
                               dir.file("c2.bin") + " --reason 遗失补办",
                           dir.path().string(), "SALON_PIN=2345");
  REQUIRE(reissued.exitCode == 0);
  auto old = runKiosk("scan '" + payload + "' --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
  CHECK(old.exitCode == 2);
  CHECK(old.err.find("card_revoked") != std::string::npos);
  CHECK(old.err.find("旧卡作废") != std::string::npos);

  // Forged: the signature altered by one character.
  std::string forged = payload;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  auto f = runKiosk("scan '" + forged + "' --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
  CHECK(f.exitCode == 2);
  CHECK((f.err.find("card_forged") != std::string::npos || f.err.find("card_malformed") != std::string::npos));
  // Signed by another store's key.
  std::string other = salon::signCard(salon::cardKeyFromSeed(std::string(32, 'o')), "M00000001", 2);
  auto o = runKiosk("scan '" + other + "' --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
  CHECK(o.exitCode == 2);
  CHECK(o.err.find("card_forged") != std::string::npos);

  auto unknown = runKiosk("scan M99999999 --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.err.find("member_unknown") != std::string::npos);
  auto phone = runKiosk("scan 13800138000 --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
  CHECK(phone.exitCode == 0);
  CHECK(phone.out.find("\"kind\": \"phone\"") != std::string::npos);
  auto pay = runKiosk("scan 134567890123456789 --staff cash --db " + db, dir.path().string(), "SALON_PIN=3456");
  CHECK(pay.exitCode == 2);
  CHECK(pay.err.find("scan_payment_code") != std::string::npos);

  auto verify = runKiosk("verify --db " + db, dir.path().string());
  CHECK(verify.exitCode == 0);
  SQLite::Database s(db);
  CHECK(s.execAndGet("SELECT count(*) FROM member_card_log").getInt() == 2);
  CHECK(s.execAndGet("SELECT count(*) FROM audit_log WHERE action = 'card.refused'").getInt() >= 2);
}
