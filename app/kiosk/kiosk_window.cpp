#include "app/kiosk/kiosk_window.h"

#include <imgui.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/core/member_card.h"
#include "app/kiosk/kiosk_controller.h"
#include "app/kiosk/rime_pinyin.h"
#include "app/kiosk/script_runner.h"
#include "app/kiosk/task_lanes.h"
#include "app/kiosk/wedge_gate.h"
#include "app/kiosk/worker.h"
#include "app/platform/frame_pacer.h"
#include "app/platform/main_thread_queue.h"
#include "app/ui/font_book.h"
#include "app/ui/screens.h"
#include "app/ui/view_text.h"
#include "assets/assets.h"
#include "devices/escpos/member_card_tickets.h"
#include "devices/escpos/paper_preview.h"
#include "devices/print_queue.h"
#include "devices/transports/transport.h"
#include "storage/print_job_store.h"
#include "storage/settings_store.h"
#include "storage/customer_directory.h"
#include "storage/upkeep.h"
#include "storage/check_in_store.h"
#include "storage/member_card_store.h"
#include "storage/sqlite_backroom.h"
#include "storage/staff_store.h"

namespace salon::kiosk {
namespace {

constexpr int kIdleWakeMs = 1000;  // timers (idle lock, greeting) are checked this often when idle

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double processCpuMs() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

std::string procStatus(const std::string& key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind(key + ":", 0) == 0) return line.substr(line.find_first_not_of(" \t", key.size() + 1));
  return "?";
}

std::string readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read script " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string nthMember(storage::Database& db, int n) {
  SQLite::Statement q(db.sql(), "SELECT member_no FROM customers WHERE member_no IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?");
  q.bind(1, std::max(0, n - 1));
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

// The N-th member's card QR as the card printing signs it (the store's key,
// the card version in force); "" if there is no such member.
std::string nthMemberQr(storage::Database& db, int n) {
  std::string memberNo = nthMember(db, n);
  if (memberNo.empty()) return "";
  storage::SqliteMemberCardStore cards(db);
  auto holder = cards.holder(memberNo);
  if (!holder) return "";
  return signCard(cardKeyFromSeed(cards.signingSeed()), memberNo, holder->cardVersion);
}

// One kiosk session: window, fonts, controller and the frame loop.
class KioskSession {
 public:
  KioskSession(storage::Database& db, const Clock& clock, const KioskWindowOptions& o)
      : db_(db),
        clock_(clock),
        options_(o),
        directory_(db, nameKeys_),
        queue_(db),
        controller_(db, directory_, queue_, clock, o.language, o.autoLockMinutes),
        fonts_(ui::fontCandidates(assets::text("fonts.txt").value_or(""))) {
    if (!fonts_.hasCjkFont()) std::cerr << "warning: no CJK font found (see assets/fonts.txt)\n";
    // Every sentence of the kiosk's language; another language's characters are
    // added between frames when it is switched to (the atlas of all three held
    // ~1,100 glyphs at two sizes: tens of MB of texture under llvmpipe).
    for (const auto& [key, text] : controller_.catalog().all()) fonts_.note(text);
    platform::WindowOptions wo;
    wo.width = o.width;
    wo.height = o.height;
    wo.fullscreen = o.fullscreen;
    window_ = platform::Window::open(o.backend, wo);
    window_->setKeyGate(&wedge_);
    windowOpenMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - o.started).count();
    jobs_ = std::make_unique<platform::MainThreadQueue>([w = window_.get()] { w->wake(); });
    startUpkeep();
    controller_.setPinChecker([this](const std::string& code, const std::string& pin,
                                     std::function<void(const SignInResult&)> done) {
      checkPinOnWorker(code, pin, std::move(done));
    });
    controller_.setBackground([this](std::function<void()> work, std::function<void()> done) {
      worker_->run([this, work = std::move(work), done = std::move(done)] {
        work();
        jobs_->post(done);
      });
    });
    wireCheckout();
    // Desks' named tasks on lanes, each lane with its own back room (connection).
    tasks_ = std::make_unique<TaskLanes>([this](std::function<void()> f) { jobs_->post(std::move(f)); },
                                         [path = db.path()] { return storage::SqliteBackroom::open(path); });
    controller_.setTasks(tasks_.get());
    pinyin_ = std::make_unique<RimePinyin>(
        std::filesystem::path(db.path()).parent_path().append("rime").string());
    if (!o.script.empty()) {
      runner_ = std::make_unique<ScriptRunner>(o.script, parseScript(readFile(o.script)), o.shotsDir,
                                               [&db](int n) { return nthMember(db, n); },
                                               [&db](int n) { return nthMemberQr(db, n); });
    }
  }

  ~KioskSession() {
    printQueue_.reset();  // finishes what was handed over; posts its outcomes
    upkeep_.reset();  // its threads stop before the queue they post to
    tasks_.reset();   // finishes what is queued on the lanes
    worker_.reset();  // finishes what is queued
    jobs_->drain();
  }

  int run();

 private:
  bool drawFrame();
  void takeScans();
  void startUpkeep();
  void wireCheckout();
  void startQuickCheck();
  void startPinyin();
  void checkPinOnWorker(const std::string& code, const std::string& pin,
                        std::function<void(const SignInResult&)> done);
  int bench();
  std::vector<double> benchCheckout();

  storage::Database& db_;
  const Clock& clock_;
  KioskWindowOptions options_;
  NameKeyMaker nameKeys_;  // before the directory, which uses it
  storage::SqliteCustomerDirectory directory_;
  storage::SqliteCheckInQueue queue_;
  KioskController controller_;
  ui::FontBook fonts_;
  WedgeGate wedge_;  // before the window, which holds a pointer to it
  std::unique_ptr<platform::Window> window_;
  std::unique_ptr<platform::MainThreadQueue> jobs_;
  std::unique_ptr<ScriptRunner> runner_;
  std::unique_ptr<RimePinyin> pinyin_;  // before the worker: outlives its tasks
  std::unique_ptr<Worker> worker_ = std::make_unique<Worker>();
  std::unique_ptr<TaskLanes> tasks_;
  std::unique_ptr<storage::StoreUpkeep> upkeep_;  // after jobs_: its events post there
  // Checkout's ports: the receipt preview (the virtual printer) and the print
  // queue with its own connection (its worker writes the job history).
  std::unique_ptr<devices::PaperPreview> preview_;
  std::unique_ptr<storage::Database> printDb_;
  std::unique_ptr<storage::SqlitePrintJobStore> printStore_;
  std::unique_ptr<devices::PrintQueue> printQueue_;
  devices::EscposMemberCardTickets cardTickets_;  // member cards and the test page
  platform::FramePacer pacer_;
  ui::FrameRecord record_;
  ui::KioskFrame frame_;
  ui::Metrics metrics_;
  int styledFor_[2] = {0, 0};
  ScriptRunner::State scriptState_ = ScriptRunner::State::Running;
  long frames_ = 0;
  double frameCpuMs_ = 0;  // NewFrame → Render of the last frame
  double windowOpenMs_ = 0;  // after start
  double atlasMs_ = 0;       // the last font atlas build and upload
};

// librime deploys on the worker after the first frame (so it does not compete
// with start-up); the controller gets it once it is ready.
void KioskSession::startPinyin() {
  worker_->run([this] {
    if (!pinyin_->start()) return;
    pinyin_->candidates("ni", 1);  // loads the dictionary now, not at the first key
    jobs_->post([this] { controller_.setPinyin(pinyin_.get()); });
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
    jobs_->post([this, r] { controller_.backupFinished(r.ok, r.errorCode + " " + r.detail); });
  };
  events.checkpointFailed = [](const std::string& problem) { std::cerr << "WAL checkpoint: " << problem << "\n"; };
  upkeep_ = std::make_unique<storage::StoreUpkeep>(db_, std::filesystem::path(db_.path()).parent_path().string(),
                                                   clock_, events, storage::backupCostFromEnvironment());
}

void KioskSession::startQuickCheck() { upkeep_->startQuickCheck(); }

// The receipt preview is drawn for the configured receipt printer's paper (58 mm
// when none is set); printing goes through the persistent print queue.
void KioskSession::wireCheckout() {
  devices::PrinterProfile profile = *devices::profileByName("58mm");
  if (auto uri = storage::readSetting(db_.sql(), "printer.receipt")) {
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
  printDb_ = storage::Database::open(db_.path(), {storage::OpenMode::Existing});
  printStore_ = std::make_unique<storage::SqlitePrintJobStore>(*printDb_);
  printQueue_ = std::make_unique<devices::PrintQueue>(*printStore_, clock_, devices::PrintQueue::Opener{},
                                                      [this](const devices::PrintOutcome& o) {
                                                        jobs_->post([this, o] {
                                                          controller_.printFinished(o.jobId, o.state, o.reason);
                                                        });
                                                      });
  controller_.setPrintSpool(printQueue_.get());
  controller_.setMemberCardTickets(&cardTickets_);
}

// The PIN hash takes a noticeable moment at the interactive cost: it runs on a
// worker with its own connection, and the result comes back through the
// main-thread queue (the controller drops it if the kiosk was locked meanwhile).
void KioskSession::checkPinOnWorker(const std::string& code, const std::string& pin,
                                    std::function<void(const SignInResult&)> done) {
  worker_->run([this, path = db_.path(), code, pin, done = std::move(done)] {
    SignInResult r;
    try {
      auto db = storage::Database::open(path, {storage::OpenMode::Existing});
      storage::SqliteStaffStore store(*db);
      r.staff = StaffAuth(store, clock_).signIn(code, pin);
    } catch (const DomainError& e) {
      r.errorCode = e.code();
    } catch (const std::exception&) {
      r.errorCode = "db_error";
    }
    jobs_->post([r, done] { done(r); });
  });
}

// Draws one frame; false if it was not shown because a new character had to be
// added to the font atlas first (the next frame is drawn at once).
bool KioskSession::drawFrame() {
  int w, h;
  window_->size(w, h);
  if (w != styledFor_[0] || h != styledFor_[1]) {
    metrics_ = ui::metricsFor(w, h);
    ui::applyTouchStyle(metrics_);
    fonts_.setSizes(metrics_.textSize, metrics_.bigSize);
    styledFor_[0] = w;
    styledFor_[1] = h;
  }
  for (const std::string& s : ui::textsOf(controller_.view())) fonts_.note(s);
  if (fonts_.rebuildNeeded()) {
    auto t0 = std::chrono::steady_clock::now();
    fonts_.rebuild();
    window_->reloadFontTexture();
    atlasMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }
  double cpu0 = threadCpuMs();
  window_->beginFrame();
  record_.clear();
  ui::UiContext ui{controller_.catalog(), metrics_, fonts_, record_};
  ui::Intents intents = frame_.draw(ui, controller_.view());
  ImGui::Render();
  frameCpuMs_ = threadCpuMs() - cpu0;
  bool missing = false;
  for (const std::string& s : record_.texts()) missing |= fonts_.note(s);
  if (!missing) {
    window_->render();
    if (runner_) scriptState_ = runner_->afterFrame(record_, *window_);
    window_->present();
    ++frames_;
  }
  for (const ui::Intent& i : intents) controller_.apply(i);
  if (auto scan = controller_.takeScanOutcome()) window_->chime(*scan);
  if (!intents.empty()) pacer_.eventArrived();
  return !missing;
}

// What the readers scanned goes to the controller, which hands it to the desk
// of the screen shown; the chime says whether it was recognised.
void KioskSession::takeScans() {
  for (const std::string& code : window_->takeScans()) {
    controller_.activity();
    controller_.apply(ui::ScanPayload{code});
    if (auto scan = controller_.takeScanOutcome()) window_->chime(*scan);
    pacer_.eventArrived();
  }
}

int KioskSession::run() {
  if (options_.bench) return bench();
  while (!window_->closeRequested()) {
    bool scripted = runner_ != nullptr;
    window_->waitEvents(scripted ? 0 : pacer_.sleepMs(kIdleWakeMs));
    if (window_->inputPending()) {
      controller_.activity();
      pacer_.eventArrived();
    }
    if (jobs_->drain() > 0) pacer_.eventArrived();
    takeScans();
    if (controller_.tick()) pacer_.eventArrived();
    if (!scripted && !pacer_.frameDue()) continue;
    if (!drawFrame()) continue;
    pacer_.frameDrawn();
    if (frames_ == 1) {
      startQuickCheck();
      startPinyin();
    }
    if (scriptState_ == ScriptRunner::State::Passed) {
      std::cout << options_.script << ": passed\n";
      return 0;
    }
    if (scriptState_ == ScriptRunner::State::Failed) {
      std::cerr << "script step failed: " << runner_->failure() << "\n";
      return 1;
    }
  }
  return 0;
}

// The checkout screen as a busy counter sees it: a member with balances and a
// 50-line cart (services with their staff, products); the frames' CPU, sorted.
std::vector<double> KioskSession::benchCheckout() {
  CustomerId member = 0;
  SQLite::Statement q(db_.sql(), "SELECT id FROM customers WHERE member_no IS NOT NULL ORDER BY id LIMIT 1");
  if (q.executeStep()) member = q.getColumn(0).getInt64();
  controller_.apply(ui::Navigate{ui::Screen::Checkout, member});
  controller_.apply(ui::CheckoutIntent{ui::CheckoutAcknowledgeAlert{}});
  std::vector<std::string> codes;
  for (const ui::CheckoutCategory& c : controller_.view().checkout.categories)
    for (const ui::CheckoutTile& t : c.tiles)
      if (t.code.rfind("S-", 0) == 0 || t.code.rfind("P-", 0) == 0) codes.push_back(t.code);
  for (std::size_t i = 0; !codes.empty() && controller_.view().checkout.lines.size() < 50 && i < 200; ++i) {
    controller_.apply(ui::CheckoutIntent{ui::CheckoutAddItem{codes[i % codes.size()]}});
    const ui::CheckoutView& v = controller_.view().checkout;
    if (v.askingStaffFor && !v.staffChoices.empty())
      controller_.apply(ui::CheckoutIntent{ui::CheckoutChooseStaff{v.askingStaffFor, v.staffChoices.front().code}});
  }
  std::vector<double> cpu;
  for (int i = 0; i < 300; ++i)
    if (drawFrame()) cpu.push_back(frameCpuMs_);
  std::sort(cpu.begin(), cpu.end());
  controller_.apply(ui::Navigate{ui::Screen::Home});
  return cpu;
}

int KioskSession::bench() {
  using namespace std::chrono;
  while (!drawFrame()) {
  }
  double firstFrameMs = duration<double, std::milli>(steady_clock::now() - options_.started).count();
  std::string rssBeforePinyin = procStatus("VmRSS");
  startQuickCheck();
  startPinyin();
  // Sign in as the manager and open the home screen, as a person would.
  controller_.apply(ui::ChooseStaff{"mgr"});
  controller_.apply(ui::PinKeys{"1234="});
  for (auto t0 = steady_clock::now(); !controller_.staff() && steady_clock::now() - t0 < seconds(60);) {
    window_->waitEvents(50);  // the PIN is checked on the worker
    jobs_->drain();
  }
  if (!controller_.staff()) {
    std::cerr << "bench: could not sign in as mgr (run with --demo)\n";
    return 1;
  }
  std::vector<double> cpu;
  for (int i = 0; i < 300; ++i) {
    if (drawFrame()) cpu.push_back(frameCpuMs_);
  }
  std::sort(cpu.begin(), cpu.end());
  auto pctOf = [](const std::vector<double>& v, double p) {
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
  };
  auto pct = [&](double p) { return pctOf(cpu, p); };
  std::vector<double> checkoutCpu = benchCheckout();
  const ui::CheckoutView& cv = controller_.view().checkout;
  // Idle: the real loop with nobody touching the screen, after a second to settle.
  auto idleFor = [&](steady_clock::duration d) {
    auto t0 = steady_clock::now();
    while (steady_clock::now() - t0 < d) {
      window_->waitEvents(pacer_.sleepMs(kIdleWakeMs));
      if (jobs_->drain() > 0 || window_->inputPending()) pacer_.eventArrived();
      if (controller_.tick()) pacer_.eventArrived();
      if (pacer_.frameDue() && drawFrame()) pacer_.frameDrawn();
    }
  };
  idleFor(seconds(1));
  double cpu0 = processCpuMs();
  auto t0 = steady_clock::now();
  idleFor(seconds(options_.benchIdleSeconds));
  double idleWallMs = duration<double, std::milli>(steady_clock::now() - t0).count();
  double idlePct = 100.0 * (processCpuMs() - cpu0) / idleWallMs;
  std::cout << "font: " << (fonts_.hasCjkFont() ? fonts_.path() : "(built-in, no CJK)") << ", " << fonts_.glyphCount()
            << " glyphs\n"
            << "first interactive frame: " << firstFrameMs << " ms after start (window and GL context ready at "
            << windowOpenMs_ << " ms, font atlas " << atlasMs_ << " ms)\n"
            << "home screen (" << controller_.view().home.customers.size() << " rows) NewFrame->Render CPU over "
            << cpu.size() << " frames: p50 " << pct(0.5) << " ms, p99 " << pct(0.99) << " ms, max "
            << (cpu.empty() ? 0 : cpu.back()) << " ms\n"
            << "checkout screen (" << cv.lines.size() << "-line cart, customer " << cv.bar.name << ", "
            << db_.sql().execAndGet("SELECT count(*) FROM customers").getInt64() << " customers on file) NewFrame->Render CPU over "
            << checkoutCpu.size() << " frames: p50 " << pctOf(checkoutCpu, 0.5) << " ms, p99 " << pctOf(checkoutCpu, 0.99)
            << " ms, max " << (checkoutCpu.empty() ? 0 : checkoutCpu.back()) << " ms\n"
            << "idle CPU over " << options_.benchIdleSeconds << " s: " << idlePct << " % of a core\n"
            << "resident memory: " << procStatus("VmRSS") << " with the pinyin engine " << (controller_.view().home.search.pinyinReady ? "loaded" : "NOT loaded")
            << " (peak " << procStatus("VmHWM") << "); at the first frame, before it: " << rssBeforePinyin << "\n";
  return 0;
}

}  // namespace

int runKioskWindow(storage::Database& db, const Clock& clock, const KioskWindowOptions& options) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // a kiosk keeps no window layout file
  int rc = 0;
  {
    KioskSession session(db, clock, options);
    rc = session.run();
  }
  ImGui::DestroyContext();
  return rc;
}

}  // namespace salon::kiosk
