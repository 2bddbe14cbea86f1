#include "app/kiosk/kiosk_bench.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

namespace salon::kiosk {
namespace {

using std::chrono::steady_clock;

double processCpuMs() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

double msSince(steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(steady_clock::now() - t0).count();
}

std::string floorProgram() {
  if (const char* env = std::getenv("SALON_UI_FLOOR")) return env;
  std::error_code ec;
  auto dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  for (auto p : {dir / "bench" / "ui_floor", dir / "ui_floor"})
    if (std::filesystem::exists(p, ec)) return p.string();
  return "";
}

double percentile(const std::vector<double>& sorted, double p) {
  return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * sorted.size()))];
}

std::string cpuLine(const std::vector<double>& cpu) {
  std::ostringstream s;
  s << cpu.size() << " frames: p50 " << percentile(cpu, 0.5) << " ms, p99 " << percentile(cpu, 0.99) << " ms, max "
    << (cpu.empty() ? 0 : cpu.back()) << " ms";
  return s.str();
}

std::vector<double> framesCpu(KioskLoop& loop, int n) {
  std::vector<double> cpu;
  for (int i = 0; i < n; ++i)
    if (loop.drawFrame()) cpu.push_back(loop.frameCpuMs());
  std::sort(cpu.begin(), cpu.end());
  return cpu;
}

// The checkout screen as a busy counter sees it: a member with balances and a
// 50-line cart (services with their staff, products); the frames' CPU, sorted.
std::vector<double> benchCheckout(BenchSession& s) {
  KioskController& c = s.controller;
  auto member = s.members.nthMember(1);
  c.apply(ui::Navigate{ui::Screen::Checkout, member ? member->id : 0});
  c.apply(ui::CheckoutIntent{ui::CheckoutAcknowledgeAlert{}});
  std::vector<std::string> codes;
  for (const ui::CheckoutCategory& cat : c.view().checkout.categories)
    for (const ui::CheckoutTile& t : cat.tiles)
      if (t.code.rfind("S-", 0) == 0 || t.code.rfind("P-", 0) == 0) codes.push_back(t.code);
  for (std::size_t i = 0; !codes.empty() && c.view().checkout.lines.size() < 50 && i < 200; ++i) {
    c.apply(ui::CheckoutIntent{ui::CheckoutAddItem{codes[i % codes.size()]}});
    const ui::CheckoutView& v = c.view().checkout;
    if (v.askingStaffFor && !v.staffChoices.empty())
      c.apply(ui::CheckoutIntent{ui::CheckoutChooseStaff{v.askingStaffFor, v.staffChoices.front().code}});
  }
  return framesCpu(s.loop, 300);
}

// Waits (running the loop's posted results) until `ready` or `limit` passes.
bool waitFor(KioskLoop& loop, const std::function<bool()>& ready, steady_clock::duration limit) {
  for (auto t0 = steady_clock::now(); !ready() && steady_clock::now() - t0 < limit;) loop.waitAndDrain(50);
  return ready();
}

// Frames drawn while the Reports screen computes a year's report on its lane.
struct ReportFrames {
  std::string range;
  std::vector<double> cpu, wall;  // sorted
  double computingS = 0;
};

// The reports screen for a year (the 365 days up to today, or up to
// $SALON_BENCH_REPORTS_TO = YYYYMMDD, e.g. the reports bench's 20251231): each
// tab in turn, frames drawn back to back while its figures are computed.
ReportFrames benchReports(KioskController& c, KioskLoop& loop) {
  ReportFrames f;
  CivilDate to = localDate(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count(), StoreZone{});
  if (const char* env = std::getenv("SALON_BENCH_REPORTS_TO"); env && std::strlen(env) == 8)
    to = {std::atoi(std::string(env, 4).c_str()), std::atoi(std::string(env + 4, 2).c_str()), std::atoi(env + 6)};
  const std::string from = formatDate(addDays(to, -364)), until = formatDate(to);
  auto digits = [](std::string d) { return d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2); };
  f.range = from + " – " + until;
  c.apply(ui::Navigate{ui::Screen::Reports});
  waitFor(loop, [&] { return !c.view().reports.computing; }, std::chrono::seconds(120));
  c.apply(ui::ReportsIntent{ui::ReportsPickPeriod{ui::ReportsPeriod::Custom}});
  c.apply(ui::ReportsIntent{ui::ReportsRangeKeys{"C" + digits(from)}});
  const auto t0 = steady_clock::now();
  c.apply(ui::ReportsIntent{ui::ReportsRangeKeys{digits(until) + "="}});
  auto framesWhileComputing = [&] {
    for (int guard = 0; c.view().reports.computing && guard < 1000000; ++guard) {
      loop.waitAndDrain(0);
      const auto w0 = steady_clock::now();
      if (!loop.drawFrame()) continue;
      f.wall.push_back(std::chrono::duration<double, std::milli>(steady_clock::now() - w0).count());
      f.cpu.push_back(loop.frameCpuMs());
    }
  };
  framesWhileComputing();  // the sales tab, shown first
  for (ui::ReportsTab tab : {ui::ReportsTab::Staff, ui::ReportsTab::Customers, ui::ReportsTab::Liabilities,
                             ui::ReportsTab::RecordKeeping}) {
    c.apply(ui::ReportsIntent{ui::ReportsShowTab{tab}});
    framesWhileComputing();
  }
  f.computingS = std::chrono::duration<double>(steady_clock::now() - t0).count();
  std::sort(f.cpu.begin(), f.cpu.end());
  std::sort(f.wall.begin(), f.wall.end());
  return f;
}

double mb(long kb) { return kb / 1024.0; }

void printFloor(const FloorFigures& floor, double firstFrameMs, long rssFirstKb, long rssPinyinKb, long peakKb) {
  std::cout.precision(3);
  if (!floor.measured) {
    std::cout << "floor: not measured (" << floor.problem << ")\n";
    return;
  }
  std::cout << "floor (bare ImGui + SDL2 + OpenGL 3, " << floor.glyphs << " glyphs): first frame " << floor.firstFrameMs
            << " ms, resident " << mb(floor.rssKb) << " MB (peak " << mb(floor.peakKb) << " MB)\n";
  std::cout.precision(2);
  std::cout << std::fixed << "first frame ratio: " << firstFrameMs / floor.firstFrameMs << "x the floor (kiosk "
            << static_cast<long>(firstFrameMs + 0.5) << " ms, floor " << static_cast<long>(floor.firstFrameMs + 0.5)
            << " ms)\n";
  std::cout << std::defaultfloat;
  auto over = [&](long kb, long base) { return static_cast<long>(mb(kb - base) + 0.5); };
  std::cout << "memory: floor + " << over(rssFirstKb, floor.rssKb) << " MB at the first frame, floor + "
            << over(rssPinyinKb, floor.rssKb) << " MB with pinyin, peak floor + " << over(peakKb, floor.peakKb)
            << " MB\n";
}

}  // namespace

long procStatusKb(const std::string& key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind(key + ":", 0) == 0) return std::atol(line.c_str() + key.size() + 1);
  return 0;
}

FloorFigures runFloor(const FloorRequest& r) {
  FloorFigures f;
  std::string program = floorProgram();
  if (program.empty()) {
    f.problem = "bench/ui_floor not found next to salon-kiosk; set SALON_UI_FLOOR";
    return f;
  }
  std::ostringstream cmd;
  cmd << "'" << program << "' --language " << r.language << " --width " << r.width << " --height " << r.height;
  FILE* p = ::popen(cmd.str().c_str(), "r");
  if (!p) {
    f.problem = "cannot start " + program;
    return f;
  }
  char buf[512];
  long frames = 0;
  while (std::fgets(buf, sizeof buf, p)) {
    if (std::sscanf(buf, "floor: first_frame_ms=%lf rss_kb=%ld hwm_kb=%ld glyphs=%ld", &f.firstFrameMs, &f.rssKb,
                    &f.peakKb, &f.glyphs) == 4)
      f.measured = true;
    if (std::sscanf(buf, "floor: frames=%ld cpu_p99_ms=%lf wall_p99_ms=%lf", &frames, &f.frameCpuP99Ms,
                    &f.frameWallP99Ms) == 3)
      f.framesMeasured = true;
  }
  int rc = ::pclose(p);
  if (!f.measured) f.problem = program + " printed no figures (exit " + std::to_string(rc) + ")";
  return f;
}

int runBench(BenchSession& s, const FloorFigures& floor) {
  KioskLoop& loop = s.loop;
  KioskController& c = s.controller;
  while (!loop.drawFrame()) {
  }
  const double firstFrameMs = msSince(s.started);
  const long rssFirstKb = procStatusKb("VmRSS");
  s.startBackground();
  // Sign in as the manager and open the home screen, as a person would.
  c.apply(ui::ChooseStaff{"mgr"});
  c.apply(ui::PinKeys{"1234="});
  if (!waitFor(loop, [&] { return c.staff().has_value(); }, std::chrono::seconds(60))) {
    std::cerr << "bench: could not sign in as mgr (run with --demo)\n";
    return 1;
  }
  std::vector<double> home = framesCpu(loop, 300);
  const std::size_t homeRows = c.view().home.customers.size();
  std::vector<double> checkout = benchCheckout(s);
  const ui::CheckoutView& cv = c.view().checkout;
  std::ostringstream checkoutWhat;
  checkoutWhat << cv.lines.size() << "-line cart, customer " << cv.bar.name << ", " << s.members.customersOnFile()
               << " customers on file";
  // The reports' own memory: resident before and after the five tabs, and the
  // peak while they are computed (the peak counter restarts here; the start-up
  // peak is kept for the floor's line).
  const long rssBeforeReportsKb = procStatusKb("VmRSS"), peakBeforeReportsKb = procStatusKb("VmHWM");
  std::ofstream("/proc/self/clear_refs") << "5";
  const ReportFrames reports = benchReports(c, loop);
  const long rssAfterReportsKb = procStatusKb("VmRSS"), peakReportsKb = procStatusKb("VmHWM");
  c.apply(ui::Navigate{ui::Screen::Home});
  waitFor(loop, [&] { return c.view().home.search.pinyinReady; }, std::chrono::seconds(120));
  const bool pinyin = c.view().home.search.pinyinReady;
  // Idle: the real loop with nobody touching the screen, after a second to settle.
  loop.idleFor(std::chrono::seconds(1));
  const double cpu0 = processCpuMs();
  const auto t0 = steady_clock::now();
  loop.idleFor(std::chrono::seconds(s.idleSeconds));
  const double idlePct = 100.0 * (processCpuMs() - cpu0) / msSince(t0);
  const long rssKb = procStatusKb("VmRSS"), peakKb = std::max(peakBeforeReportsKb, procStatusKb("VmHWM"));
  std::cout << "font: " << (s.fonts.hasCjkFont() ? s.fonts.path() : "(built-in, no CJK)") << ", "
            << s.fonts.glyphCount() << " glyphs\n"
            << "first interactive frame: " << firstFrameMs << " ms after start (window and GL context ready at "
            << s.windowOpenMs << " ms, font atlas " << loop.atlasMs() << " ms)\n"
            << "home screen (" << homeRows << " rows) NewFrame->Render CPU over " << cpuLine(home) << "\n"
            << "checkout screen (" << checkoutWhat.str() << ") NewFrame->Render CPU over " << cpuLine(checkout) << "\n"
            << "reports screen, a year (" << reports.range << "), five tabs computed on the Reports lane in "
            << reports.computingS << " s, frames drawn meanwhile: NewFrame->Render CPU over " << cpuLine(reports.cpu)
            << "; whole frame (swap included) p99 " << percentile(reports.wall, 0.99) << " ms\n"
            << "reports memory: resident +" << mb(rssAfterReportsKb - rssBeforeReportsKb)
            << " MB after the five tabs, peak +" << mb(peakReportsKb - rssBeforeReportsKb)
            << " MB while they were computed and drawn (goal <= 50 MB)\n"
            << "idle CPU over " << s.idleSeconds << " s: " << idlePct << " % of a core\n"
            << "resident memory: " << rssKb << " kB with the pinyin engine " << (pinyin ? "loaded" : "NOT loaded")
            << " (peak " << peakKb << " kB); at the first frame, before it: " << rssFirstKb << " kB\n";
  printFloor(floor, firstFrameMs, rssFirstKb, rssKb, peakKb);
  if (floor.framesMeasured)
    std::cout << "reports frames against the floor's (300 frames of the bare window): CPU p99 "
              << percentile(reports.cpu, 0.99) << " ms vs " << floor.frameCpuP99Ms << " ms, whole frame p99 "
              << percentile(reports.wall, 0.99) << " ms vs " << floor.frameWallP99Ms << " ms\n";
  return 0;
}

}  // namespace salon::kiosk
