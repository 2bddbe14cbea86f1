#pragma once
// Typing Chinese on the touchscreen: pinyin letters become candidate words.
#include <string>
#include <vector>

namespace salon {

// Port: implemented with librime in the composition root (app/kiosk).
class PinyinConverter {
 public:
  virtual ~PinyinConverter() = default;
  // Candidates for the letters typed so far ("nihao" → 你好, 妳好, ...), best
  // first, at most `limit`; empty while the engine is not ready.
  virtual std::vector<std::string> candidates(const std::string& letters, int limit) = 0;
};

}  // namespace salon
