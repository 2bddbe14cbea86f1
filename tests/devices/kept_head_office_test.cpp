// The counter's kept line to head office: one line opened for many calls from
// many handles, a refusal keeps it, a line in doubt is dropped and opened again,
// another address (enrolled again) gets its own, and two lanes take turns.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "app/core/error.h"
#include "devices/kept_head_office.h"

using namespace salon;

namespace {

struct Counts {
  std::atomic<int> opens{0}, calls{0}, inside{0}, overlapped{0};
  std::string fail;  // the code the next call throws, once
};

// Stands in for the HTTPS line: counts the lines opened and the calls on them.
class CountingLine : public HeadOffice {
 public:
  CountingLine(Counts& c, std::string store) : c_(c), store_(std::move(store)) {}
  HeadOfficeHello hello() override {
    if (++c_.inside > 1) ++c_.overlapped;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ++c_.calls;
    --c_.inside;
    if (!c_.fail.empty()) {
      std::string code = c_.fail;
      c_.fail.clear();
      throw DomainError(code, "test");
    }
    HeadOfficeHello h;
    h.store = store_;
    return h;
  }
  BatchAnswer sendBatch(const EventBatch&) override { return {}; }
  ChangesPage changes(const std::string&) override { return {}; }
  std::vector<HeldChainHead> heads() override { return {}; }
  OffsiteBackup uploadBackup(const std::string&, const std::string&) override { return {}; }
  std::vector<OffsiteBackup> backups() override { return {}; }

 private:
  Counts& c_;
  std::string store_;
};

class CountingLines : public HeadOfficeLines {
 public:
  explicit CountingLines(Counts& c) : c_(c) {}
  HeadOfficeAddress readEnrolmentCode(const std::string&) const override { return {}; }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress& a) override {
    ++c_.opens;
    return std::make_unique<CountingLine>(c_, a.store);
  }

 private:
  Counts& c_;
};

const HeadOfficeAddress kS02{"https://127.0.0.1:8443", "S02", "token", "ab"};

}  // namespace

TEST_CASE("kept line to head office: one line for many handles and calls") {
  Counts c;
  CountingLines https(c);
  devices::KeptHeadOfficeLines kept(https);
  for (int sale = 0; sale < 5; ++sale) CHECK(kept.open(kS02)->hello().store == "S02");
  CHECK(c.calls == 5);
  CHECK(c.opens == 1);
}

TEST_CASE("kept line to head office: a refusal keeps the line, a line in doubt is opened again") {
  Counts c;
  CountingLines https(c);
  devices::KeptHeadOfficeLines kept(https);
  auto line = kept.open(kS02);
  line->hello();
  c.fail = "chain_balance_short";
  CHECK_THROWS_WITH(line->hello(), Catch::Contains("test"));
  line->hello();
  CHECK(c.opens == 1);
  c.fail = "hq_unreachable";
  CHECK_THROWS(line->hello());
  line->hello();
  CHECK(c.opens == 2);
}

TEST_CASE("kept line to head office: another address gets its own line") {
  Counts c;
  CountingLines https(c);
  devices::KeptHeadOfficeLines kept(https);
  kept.open(kS02)->hello();
  HeadOfficeAddress again = kS02;
  again.token = "new-token";
  again.store = "S03";
  CHECK(kept.open(again)->hello().store == "S03");
  CHECK(c.opens == 2);
}

TEST_CASE("kept line to head office: two lanes take turns on the one line") {
  Counts c;
  CountingLines https(c);
  devices::KeptHeadOfficeLines kept(https);
  auto work = [&] {
    auto line = kept.open(kS02);
    for (int i = 0; i < 20; ++i) line->hello();
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  CHECK(c.calls == 40);
  CHECK(c.overlapped == 0);
  CHECK(c.opens == 1);
}
