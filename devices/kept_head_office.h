#pragma once
// One line to head office kept open for the counter's quick questions (a
// member's figures, a chain debit at 结账, a file looked up): a new TLS handshake
// per sale took ~100 ms p99 on a loaded 2-core box against 7-16 ms over a kept
// line (README, bench/hq_debit.py). `open` hands out a handle onto the same line
// for the same address; calls from different lanes take turns on it (an HTTP
// client is one conversation at a time). A call that fails drops the line, so
// the next opens a fresh one rather than trusting a connection in doubt.
#include <memory>
#include <mutex>
#include <string>

#include "app/core/head_office.h"

namespace salon::devices {

class KeptHeadOfficeLines : public HeadOfficeLines {
 public:
  explicit KeptHeadOfficeLines(HeadOfficeLines& lines) : lines_(lines) {}
  HeadOfficeAddress readEnrolmentCode(const std::string& code) const override {
    return lines_.readEnrolmentCode(code);
  }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress& address) override;

  // The line both handles share, and whom it is for.
  struct Kept {
    std::mutex turn;
    HeadOfficeLines& lines;
    HeadOfficeAddress address;
    std::unique_ptr<HeadOffice> line;  // null: opened at the next call
    explicit Kept(HeadOfficeLines& l, HeadOfficeAddress a) : lines(l), address(std::move(a)) {}
  };

 private:
  HeadOfficeLines& lines_;
  std::mutex mutex_;
  std::shared_ptr<Kept> kept_;
};

}  // namespace salon::devices
