// Head-office sync in the kiosk window, against an in-process head office: the
// rounds on the Sync lane with backoff, the status bar's line (last contact,
// events waiting, the 24-hour warning), Settings → 总部同步 (enrol by scanning
// the code, admin only; sync now).
#include <catch2/catch.hpp>

#include "app/core/error.h"
#include "app/core/uuid.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/audit_store.h"
#include "support/fake_head_office.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

// Every line opened reaches the one fake head office.
struct FakeLines : HeadOfficeLines {
  test::FakeHeadOffice hq;
  struct Line : HeadOffice {
    test::FakeHeadOffice& hq;
    explicit Line(test::FakeHeadOffice& h) : hq(h) {}
    HeadOfficeHello hello() override { return hq.hello(); }
    BatchAnswer sendBatch(const EventBatch& b) override { return hq.sendBatch(b); }
    ChangesPage changes(const std::string& after) override { return hq.changes(after); }
    bool changesWaiting(const std::string& after) override { return hq.changesWaiting(after); }
    std::vector<HeldChainHead> heads() override { return hq.heads(); }
    OffsiteBackup uploadBackup(const std::string& n, const std::string& b) override { return hq.uploadBackup(n, b); }
    std::vector<OffsiteBackup> backups() override { return hq.backups(); }
  };
  HeadOfficeAddress readEnrolmentCode(const std::string& code) const override {
    if (code.rfind("SALONHQ1.", 0) != 0) throw DomainError("enrol_code_invalid", code);
    return {"https://hq.test:8443", "S02", "token-token-token-token", std::string(64, 'a')};
  }
  int opened = 0;
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress&) override {
    ++opened;
    return std::make_unique<Line>(hq);
  }
};

struct Fixture : test::KioskFixture {
  FakeLines lines;
  Fixture() {
    seedCatalog();
    start(600);
    kiosk->setHeadOfficeLines(&lines);
  }
  void tickAfter(std::int64_t ms) {
    clock.advance(ms);
    kiosk->tick();
  }
  void sell(int n) {
    for (int i = 0; i < n; ++i)
      db->write([&](SQLite::Database& s) { storage::appendOutbox(s, {newUuid(), "sale.settled", "{}", clock.now()}); });
  }
  const ui::StatusView& status() const { return kiosk->view().status; }
  std::size_t outbox() { return static_cast<std::size_t>(count("SELECT count(*) FROM outbox")); }
  bool says(const std::string& words) const { return status().headOffice.find(words) != std::string::npos; }
  const ui::SettingsView& settings() const { return kiosk->view().settings; }
  void openHeadOffice() {
    kiosk->apply(ui::Navigate{ui::Screen::Settings, 0});
    kiosk->apply(ui::Intent{ui::SettingsIntent{ui::SettingsOpenSection{ui::SettingsSection::HeadOffice}}});
  }
};

}  // namespace

TEST_CASE("sync desk: an admin enrols by scanning the code on Settings, then rounds send what waits") {
  Fixture f;
  f.tickAfter(kSecond);
  CHECK(f.status().headOffice.empty());  // not enrolled: no line on the status bar
  f.signIn("admin", "9999");
  f.openHeadOffice();
  REQUIRE(f.settings().section == ui::SettingsSection::HeadOffice);
  CHECK_FALSE(f.settings().headOffice.enrolled);
  CHECK(f.settings().headOffice.mayEnrol);

  f.kiosk->apply(ui::ScanPayload{"SALONHQ1.anything"});
  CHECK(f.kiosk->takeScanOutcome() == true);
  CHECK(f.count("SELECT count(*) FROM sync_state WHERE store_code = 'S02'") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'sync.enrol' AND staff = 'admin'") == 1);
  CHECK(f.settings().headOffice.enrolled);

  f.sell(3);
  f.tickAfter(kSecond);  // the first round follows the enrolment at once
  CHECK(f.lines.hq.events.size() == f.outbox());
  CHECK(f.says("待上传 0"));
  CHECK_FALSE(f.status().headOfficeWarning);

  f.sell(2);
  f.tickAfter(5 * kSecond);
  CHECK(f.lines.hq.events.size() == f.outbox() - 2);  // a good round waits its interval
  f.kiosk->apply(ui::Intent{ui::SettingsIntent{ui::SettingsAct{"hq.sync"}}});
  CHECK(f.lines.hq.events.size() == f.outbox());  // "sync now" does not
}

TEST_CASE("sync desk: between rounds a poll every second finds what HQ holds and the round runs at once") {
  Fixture f;
  f.signIn("admin", "9999");
  f.openHeadOffice();
  f.kiosk->apply(ui::ScanPayload{"SALONHQ1.anything"});
  f.tickAfter(kSecond);  // the first round
  f.tickAfter(kSecond);
  f.tickAfter(kSecond);
  CHECK(f.lines.hq.polls >= 2);
  CHECK(f.count("SELECT received FROM sync_state") == 0);
  f.lines.hq.owned.push_back(
      {"catalog.item", "SVC-HQ", R"({"code":"SVC-HQ","name":"项目","category":"hair","price_fen":1000,"active":true})"});
  f.tickAfter(kSecond);  // the poll says yes and runs the round in the same task
  f.tickAfter(kSecond);  // the desk takes the round's outcome
  CHECK(f.count("SELECT received FROM sync_state") == 1);  // long before the 30 s interval
  CHECK(f.lines.opened == 2);  // the enrolment's, then one line kept for the rounds and the polls
  // a cashier confirms an online booking on Today: its answer goes up at the next poll, a sale waits
  f.sell(1);
  f.tickAfter(kSecond);
  f.tickAfter(kSecond);
  CHECK(f.lines.hq.events.size() == f.outbox() - 1);
  f.db->write([&](SQLite::Database& s) {
    storage::appendOutbox(s, {newUuid(), "booking.decided", R"({"appointment":"x","decision":"confirmed","reason":""})",
                              f.clock.now()});
  });
  f.tickAfter(kSecond);
  f.tickAfter(kSecond);
  CHECK(f.lines.hq.events.size() == f.outbox());
  f.lines.hq.unreachable = 1000;
  const int calls = f.lines.hq.calls;
  f.tickAfter(kSecond);  // a poll gets no answer: the round at once notes it ...
  f.tickAfter(kSecond);
  CHECK(f.lines.hq.calls == calls + 2);
  CHECK(f.count("SELECT count(*) FROM sync_state WHERE last_error = 'hq_unreachable'") == 1);
  for (int i = 0; i < 4; ++i) f.tickAfter(kSecond);  // ... then only the backoff's tries (5 s), no polls
  CHECK(f.lines.hq.calls == calls + 2);
  f.tickAfter(kSecond);
  CHECK(f.lines.hq.calls == calls + 3);
}

TEST_CASE("sync desk: HQ unreachable backs off, selling goes on, and after 24 h the status bar warns") {
  Fixture f;
  f.signIn("admin", "9999");
  f.openHeadOffice();
  f.kiosk->apply(ui::ScanPayload{"SALONHQ1.anything"});
  f.lines.hq.unreachable = 1000;
  f.sell(4);
  const int before = f.lines.hq.calls;
  f.tickAfter(kSecond);  // fails; the next try in 5 s
  f.tickAfter(2 * kSecond);
  CHECK(f.lines.hq.calls == before + 1);
  f.tickAfter(4 * kSecond);
  CHECK(f.lines.hq.calls == before + 2);  // then 10 s, 20 s ...
  CHECK(f.says("待上传 " + std::to_string(f.outbox())));
  CHECK_FALSE(f.status().headOfficeWarning);
  f.tickAfter(25 * kHour);  // the kiosk locks itself first
  f.tickAfter(kSecond);
  CHECK(f.status().headOfficeWarning);
  CHECK(f.says("超过24小时未联系"));
  f.signIn("admin", "9999");
  f.openHeadOffice();
  REQUIRE_FALSE(f.settings().headOffice.lines.empty());
  CHECK(f.settings().headOffice.lines.back().find("无法连接总部") != std::string::npos);

  f.lines.hq.unreachable = 0;
  f.tickAfter(10 * kMinute);
  CHECK(f.lines.hq.events.size() == f.outbox());
  CHECK_FALSE(f.status().headOfficeWarning);
}

TEST_CASE("sync desk: only an admin enrols, a manager's scan is refused and audited") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.openHeadOffice();
  CHECK(f.settings().sections.size() == 7);  // head office and 数据导入 too
  CHECK_FALSE(f.settings().headOffice.mayEnrol);
  f.kiosk->apply(ui::ScanPayload{"SALONHQ1.anything"});
  CHECK(f.kiosk->takeScanOutcome() == false);
  CHECK(f.count("SELECT count(*) FROM sync_state") == 0);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND staff = 'mgr'") == 1);
  CHECK(f.settings().messageIsError);
}
