// libFuzzer target: the keyboard-wedge decoder is a pure function of timed key
// events; whatever arrives, it must not crash and its output must make sense.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "app/core/key_wedge.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  salon::WedgeConfig config;
  config.maxGapMs = 1 + data[0] % 60;
  config.minLength = 1 + data[1] % 8;
  if (data[0] & 0x80) config.prefix = "_";
  if (data[1] & 0x80) config.suffix = "-";
  std::vector<salon::KeyEvent> events;
  salon::Instant t = 1'000'000;
  for (std::size_t i = 2; i + 2 < size; i += 3) {
    t += data[i] * (data[i] & 1 ? 1 : 20);  // fast and slow gaps
    events.push_back({t, static_cast<std::uint16_t>(data[i + 1]), (data[i + 2] & 1) != 0});
  }
  auto out = salon::decodeWedge(events, config);
  std::size_t chars = 0;
  for (const auto& s : out.scans) {
    if (s.code.empty()) std::abort();
    if (s.raw.size() < s.code.size()) std::abort();
    chars += s.raw.size();
  }
  if (chars + out.typed.size() > events.size() + events.size()) std::abort();
  return 0;
}
