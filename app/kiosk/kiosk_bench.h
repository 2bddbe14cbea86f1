#pragma once
// `salon-kiosk --bench`: the UI figures (first frame, frame CPU, idle CPU,
// memory), measured against the floor: a bare Dear ImGui + SDL2 + OpenGL 3
// window with the same font and glyphs (bench/ui_floor), run first as a child
// process so its memory does not mix with the kiosk's.
#include <chrono>
#include <functional>
#include <string>

#include "app/core/member_roll.h"
#include "app/kiosk/kiosk_controller.h"
#include "app/kiosk/kiosk_loop.h"
#include "app/ui/font_book.h"

namespace salon::kiosk {

struct FloorFigures {
  bool measured = false;
  std::string problem;    // why not, when not measured
  double firstFrameMs = 0;
  long rssKb = 0;         // VmRSS at the first frame
  long peakKb = 0;        // VmHWM at the first frame
  long glyphs = 0;
  bool framesMeasured = false;  // 300 frames of the bare window after its first
  double frameCpuP99Ms = 0, frameWallP99Ms = 0;
};

struct FloorRequest {
  std::string language;   // whose sentences the atlas holds
  int width = 1024, height = 768;
};

// Runs bench/ui_floor (next to this executable, in bench/, or $SALON_UI_FLOOR).
FloorFigures runFloor(const FloorRequest& request);

// VmRSS, VmHWM... of this process in kB (0 if unknown).
long procStatusKb(const std::string& key);

// What the benchmark drives: the session as the composition root built it.
struct BenchSession {
  KioskController& controller;
  KioskLoop& loop;
  const ui::FontBook& fonts;
  MemberRoll& members;
  std::function<void()> startBackground;  // the quick check and the pinyin engine
  std::chrono::steady_clock::time_point started;
  double windowOpenMs = 0;
  int idleSeconds = 10;
};

int runBench(BenchSession& s, const FloorFigures& floor);

}  // namespace salon::kiosk
