#include "app/hq/hq_clock.h"

#include <chrono>
#include <fstream>

namespace salon::hq {

Instant HqClock::now() const {
  Instant t = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                  .count();
  if (offsetFile_.empty()) return t;
  std::ifstream in(offsetFile_);
  long long offset = 0;
  if (in >> offset) t += offset;
  return t;
}

}  // namespace salon::hq
