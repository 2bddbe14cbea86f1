// The composition root's wiring for the window: the one kiosk file (with
// app/main.cpp) that sees storage, devices and the platform. It builds the main
// thread's back room, the task lanes (each with its own back room), the print
// spool, the receipt preview, upkeep, the pinyin engine and the window, hands
// them to the controller, and runs the loop, a script, or the benchmark.
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/kiosk/kiosk_bench.h"
#include "app/kiosk/kiosk_controller.h"
#include "app/kiosk/kiosk_loop.h"
#include "app/kiosk/kiosk_window.h"
#include "app/kiosk/rime_pinyin.h"
#include "app/kiosk/script_runner.h"
#include "app/kiosk/task_lanes.h"
#include "app/kiosk/wedge_gate.h"
#include "app/platform/main_thread_queue.h"
#include "assets/assets.h"
#include "devices/escpos/member_card_tickets.h"
#include "devices/escpos/paper_preview.h"
#include "devices/escpos/report_tickets.h"
#include "devices/hq_link.h"
#include "devices/kept_head_office.h"
#include "devices/print_queue.h"
#include "devices/transports/transport.h"
#include "storage/sqlite_backroom.h"
#include "storage/upkeep.h"

namespace salon::kiosk {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read script " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// One kiosk session: its resources, in the order they must be built (and torn
// down in reverse: the print queue and lanes finish before the queue they post to).
class KioskSession {
 public:
  KioskSession(storage::Database& db, const Clock& clock, const KioskWindowOptions& o, FloorFigures floor = {});
  ~KioskSession();

  int run();

 private:
  void openWindow();
  void startUpkeep();
  void sendOffsite(const std::string& backupFile);
  void wireCheckout();
  void startBackground();

  storage::Database& db_;
  const Clock& clock_;
  KioskWindowOptions options_;
  FloorFigures floor_;  // --bench: the bare window's figures, measured first
  storage::SqliteBackroom backroom_;
  KioskController controller_;
  ui::FontBook fonts_;
  WedgeGate wedge_;  // before the window, which holds a pointer to it
  std::unique_ptr<platform::Window> window_;
  std::unique_ptr<platform::MainThreadQueue> jobs_;
  std::unique_ptr<RimePinyin> pinyin_;  // before the lanes: outlives their tasks
  devices::HttpsHeadOfficeLines headOfficeLines_;  // before the lanes: the Sync lane's tasks use it
  // A member's figures at the counter (Lookups lane): a customer waits, so 1 s to
  // connect and 2 s for the answer, then the store's own figures stay.
  devices::HttpsHeadOfficeLines memberLines_{{1, 2, 2}};
  devices::KeptHeadOfficeLines keptMemberLines_{memberLines_};  // one line between sales, not a handshake each
  std::unique_ptr<TaskLanes> lanes_;
  std::unique_ptr<storage::StoreUpkeep> upkeep_;  // after jobs_: its events post there
  // Checkout's ports: the receipt preview (the virtual printer) and the print
  // queue with its own connection (its worker writes the job history).
  std::unique_ptr<devices::PaperPreview> preview_;
  devices::EscposMemberCardTickets cardTickets_;  // member cards and the test page
  devices::EscposReportTickets reportTickets_;    // the reports' printed summary
  std::unique_ptr<storage::SqliteBackroom> printRoom_;
  std::unique_ptr<devices::PrintQueue> printQueue_;
  std::unique_ptr<ScriptRunner> runner_;
  std::unique_ptr<KioskLoop> loop_;
  double windowOpenMs_ = 0;  // after start
};

KioskSession::KioskSession(storage::Database& db, const Clock& clock, const KioskWindowOptions& o, FloorFigures floor)
    : db_(db),
      clock_(clock),
      options_(o),
      floor_(std::move(floor)),
      backroom_(db),
      controller_(backroom_, clock, o.language, o.autoLockMinutes),
      fonts_(ui::fontCandidates(assets::text("fonts.txt").value_or("")),
             ui::iconFontPath(assets::text("fonts.txt").value_or(""))) {
  if (!fonts_.hasCjkFont()) std::cerr << "warning: no CJK font found (see assets/fonts.txt)\n";
  // Every sentence of the kiosk's language; another language's characters are
  // added between frames when it is switched to (the atlas of all three held
  // ~1,100 glyphs at two sizes: tens of MB of texture under llvmpipe).
  for (const auto& [key, text] : controller_.catalog().all()) fonts_.note(text);
  openWindow();
  lanes_ = std::make_unique<TaskLanes>([q = jobs_.get()](std::function<void()> f) { q->post(std::move(f)); },
                                       [path = db.path()] { return storage::SqliteBackroom::open(path); });
  controller_.setTasks(lanes_.get());
  controller_.setMemberFiguresLines(&keptMemberLines_);
  startUpkeep();
  wireCheckout();
  pinyin_ = std::make_unique<RimePinyin>(std::filesystem::path(db.path()).parent_path().append("rime").string());
  if (!o.script.empty()) {
    runner_ = std::make_unique<ScriptRunner>(o.script, parseScript(readFile(o.script)), o.shotsDir,
                                             [this](int n) { return nthMemberNo(backroom_, n); },
                                             [this](int n) { return nthMemberQr(backroom_, n); });
  }
  loop_ = std::make_unique<KioskLoop>(controller_, *window_, fonts_, *jobs_, runner_.get());
}

KioskSession::~KioskSession() {
  printQueue_.reset();  // finishes what was handed over; posts its outcomes
  upkeep_.reset();      // its threads stop before the queue they post to
  if (std::string busy = lanes_->describeRunning(); !busy.empty()) std::cerr << "finishing: " << busy << "\n";
  lanes_.reset();       // finishes what is queued
  jobs_->drain();
}

void KioskSession::openWindow() {
  platform::WindowOptions wo;
  wo.width = options_.width;
  wo.height = options_.height;
  wo.fullscreen = options_.fullscreen;
  window_ = platform::Window::open(options_.backend, wo);
  window_->setKeyGate(&wedge_);
  windowOpenMs_ = msSince(options_.started);
  jobs_ = std::make_unique<platform::MainThreadQueue>([w = window_.get()] { w->wake(); });
}

// After the first frame, so they do not compete with start-up: the quick check
// (on storage's own interruptible worker), head-office sync (the Sync lane) and
// librime's deployment on the devices lane; the controller gets the engine once
// it is ready.
void KioskSession::startBackground() {
  upkeep_->startQuickCheck();
  controller_.setHeadOfficeLines(&headOfficeLines_);  // head-office sync rounds on the Sync lane
  lanes_->run(
      Lane::Devices, "pinyin start",
      [p = pinyin_.get()](Backroom&) {
        if (p->start()) p->candidates("ni", 1);  // loads the dictionary now, not at the first key
      },
      [this] {
        if (pinyin_->ready()) controller_.setPinyin(pinyin_.get());
      });
}

// Checkpoints, automatic backups and the quick check run on storage's own
// workers; their results come back through the main-thread queue.
void KioskSession::startUpkeep() {
  storage::UpkeepEvents events;
  events.quickCheck = [this](const storage::QuickCheckResult& r) {
    jobs_->post([this, r] { controller_.databaseChecked(r.ok ? "ok" : r.text); });
  };
  events.backup = [this](const storage::AutoBackupReport& r) {
    jobs_->post([this, r] {
      controller_.backupFinished(r.ok, r.errorCode + " " + r.detail);
      if (r.ok) sendOffsite(r.file);
    });
  };
  events.checkpointFailed = [](const std::string& problem) { std::cerr << "WAL checkpoint: " << problem << "\n"; };
  upkeep_ = std::make_unique<storage::StoreUpkeep>(db_, std::filesystem::path(db_.path()).parent_path().string(),
                                                   clock_, events, storage::backupCostFromEnvironment());
}

// Off-site: each automatic backup (encrypted on this kiosk; HQ cannot read it)
// goes to head office on the Sync lane when the store is enrolled; a failure is
// logged and the next backup tries again.
void KioskSession::sendOffsite(const std::string& backupFile) {
  lanes_->run(
      Lane::Sync, "off-site backup",
      [this, backupFile](Backroom& b) {
        try {
          auto enrolment = b.headOfficeSync().enrolment();
          if (!enrolment) return;
          std::ifstream in(backupFile, std::ios::binary);
          std::stringstream bytes;
          bytes << in.rdbuf();
          if (!in) throw std::runtime_error("cannot read " + backupFile);
          std::string name = std::filesystem::path(backupFile).filename().string();
          OffsiteBackup sent = headOfficeLines_.open(enrolment->address)->uploadBackup(name, bytes.str());
          b.audit().append(auditOf(clock_.now(), "", "sync.backup_uploaded", "backup", sent.id, name,
                                   std::to_string(sent.bytes) + " bytes"));
        } catch (const std::exception& e) {
          std::cerr << "off-site backup: " << e.what() << "\n";
        }
      },
      {});
}

// The receipt preview is drawn for the configured receipt printer's paper (58 mm
// when none is set); printing goes through the persistent print queue.
void KioskSession::wireCheckout() {
  devices::PrinterProfile profile = *devices::profileByName("58mm");
  if (auto uri = backroom_.settings().setting("printer.receipt")) {
    try {
      profile = devices::profileOf(devices::parsePrinterUri(*uri));
    } catch (const DomainError& e) {
      std::cerr << "printer.receipt: " << e.code() << " " << e.detail() << "\n";
    }
  }
  preview_ = std::make_unique<devices::PaperPreview>(profile);
  controller_.checkoutDesk().setTickets(preview_.get(), [this](const TicketPicture& p, std::uintptr_t reuse) {
    platform::Pixels px;
    px.width = p.width;
    px.height = p.height;
    px.rgba.resize(p.gray.size() * 4);
    for (std::size_t i = 0; i < p.gray.size(); ++i) {
      px.rgba[i * 4] = px.rgba[i * 4 + 1] = px.rgba[i * 4 + 2] = p.gray[i];
      px.rgba[i * 4 + 3] = 255;
    }
    return window_->showPicture(px, reuse);
  });
  printRoom_ = storage::SqliteBackroom::open(db_.path());
  printQueue_ = std::make_unique<devices::PrintQueue>(printRoom_->printJobs(), clock_, devices::PrintQueue::Opener{},
                                                      [this](const devices::PrintOutcome& o) {
                                                        jobs_->post([this, o] {
                                                          controller_.printFinished(o.jobId, o.state, o.reason);
                                                        });
                                                      });
  controller_.setPrintSpool(printQueue_.get());
  printQueue_->resume();  // what a killed run left queued is printed now, once
  controller_.setMemberCardTickets(&cardTickets_);
  controller_.setReportTickets(&reportTickets_);
  controller_.setDataFolder(std::filesystem::path(db_.path()).parent_path().string());
}

int KioskSession::run() {
  if (!options_.bench) return loop_->run(options_.script, [this] { startBackground(); });
  BenchSession b{controller_, *loop_, fonts_, backroom_.memberRoll(), [this] { startBackground(); },
                 options_.started, windowOpenMs_, options_.benchIdleSeconds};
  return runBench(b, floor_);
}

}  // namespace

int runKioskWindow(storage::Database& db, const Clock& clock, KioskWindowOptions options) {
  FloorFigures floor;
  if (options.bench) {
    // The floor first, in its own process; the kiosk's start-up is timed after it.
    floor = runFloor({options.language, options.width, options.height});
    options.started = std::chrono::steady_clock::now();
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // a kiosk keeps no window layout file
  int rc = 0;
  {
    KioskSession session(db, clock, options, floor);
    rc = session.run();
  }
  ImGui::DestroyContext();
  return rc;
}

}  // namespace salon::kiosk
