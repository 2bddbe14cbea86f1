#pragma once
// The kiosk's window: what app/main.cpp starts. The wiring (kiosk_wiring.cpp)
// builds the session; the loop is kiosk_loop.h, the benchmark kiosk_bench.h.
#include <chrono>
#include <string>

#include "app/core/clock.h"
#include "app/platform/window.h"
#include "storage/database.h"

namespace salon::kiosk {

struct KioskWindowOptions {
  platform::Backend backend = platform::Backend::Sdl;
  bool fullscreen = false;
  int width = 1024, height = 768;
  std::string script;      // run this scripted session, then exit
  std::string shotsDir;    // where `shot` saves PNGs
  std::string language;    // zh-Hans, zh-Hant, en
  int autoLockMinutes = 5;
  bool bench = false;      // print the UI figures (against bench/ui_floor's) and exit
  int benchIdleSeconds = 10;
  int benchCustomers = 0;  // generated customers added first (use a throwaway --db)
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Returns the process exit code (a failed script step: 1).
int runKioskWindow(storage::Database& db, const Clock& clock, KioskWindowOptions options);

}  // namespace salon::kiosk
