// libFuzzer target: the virtual printer must take any bytes (a job cut short,
// line noise on a serial cable, a hostile file) without crashing or reading
// out of bounds, and the command splitter must never overrun its input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "devices/escpos/command_stream.h"
#include "devices/escpos/profile.h"
#include "devices/escpos/virtual_printer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& profiles = salon::devices::allProfiles();
  const auto& profile = profiles[data[0] % profiles.size()];
  std::string job(reinterpret_cast<const char*>(data + 1), size - 1);
  std::size_t i = 0;
  while (i < job.size()) {
    std::size_t len = salon::devices::escpos::commandLength(reinterpret_cast<const unsigned char*>(job.data()) + i,
                                                            job.size() - i);
    if (len == 0) break;
    if (len > job.size() - i) std::abort();
    i += len;
  }
  auto pic = salon::devices::renderJob(job, profile);
  if (pic.paper.width != profile.dots) std::abort();
  if (pic.paper.dots.size() != static_cast<std::size_t>(pic.paper.width) * pic.paper.height) std::abort();
  return 0;
}
