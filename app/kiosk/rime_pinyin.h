#pragma once
// Pinyin → Chinese through librime (Debian's librime + rime-data-luna-pinyin),
// with a one-schema deployment (luna_pinyin_simp) in the kiosk's data dir so the
// first start deploys in under a second and later starts in about a millisecond.
#include <atomic>
#include <mutex>
#include <string>

#include "app/core/pinyin.h"

namespace salon::kiosk {

// librime is process-wide: use one RimePinyin per process.
class RimePinyin : public PinyinConverter {
 public:
  // `userDir` is created if missing (e.g. <data dir>/rime).
  explicit RimePinyin(std::string userDir, std::string sharedDir = "/usr/share/rime-data");
  ~RimePinyin() override;
  RimePinyin(const RimePinyin&) = delete;
  RimePinyin& operator=(const RimePinyin&) = delete;

  // Deploys the schema if needed and opens a session (slow the first time:
  // call it on a worker). Returns false if librime or its data is missing.
  bool start();
  bool ready() const { return ready_; }

  std::vector<std::string> candidates(const std::string& letters, int limit) override;

 private:
  std::string userDir_, sharedDir_;
  std::mutex mutex_;          // librime's session is used from the worker and the main thread
  std::uintptr_t session_ = 0;
  std::atomic<bool> ready_{false};
  bool initialized_ = false;
};

}  // namespace salon::kiosk
