// The composition root's controller against a real SQLite file with the demo
// salon: intents in, view model and audit/outbox rows out.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/kiosk/kiosk_controller.h"
#include "storage/customer_directory.h"
#include "storage/check_in_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {

  Fixture() { start(5); }
};

}  // namespace

TEST_CASE("signing in by PIN: a wrong PIN is refused in the kiosk's language, the right one opens today") {
  Fixture f;
  const ui::KioskView& v = f.kiosk->view();
  CHECK(v.screen == ui::Screen::SignIn);
  CHECK(v.signIn.staff.size() == 6);
  f.trySignIn("cash", "1111");
  CHECK(v.screen == ui::Screen::SignIn);
  CHECK(v.signIn.message == "密码错误");
  CHECK(v.signIn.pinDigits == 0);
  f.kiosk->apply(ui::PinKeys{"34"});
  CHECK(v.signIn.pinDigits == 2);
  f.kiosk->apply(ui::PinKeys{"56="});
  REQUIRE(f.kiosk->staff());
  CHECK(f.kiosk->staff()->code == "cash");
  CHECK(v.screen == ui::Screen::Home);
  CHECK(v.status.staffName == "陈前台");
  CHECK(v.home.customers.size() == 8);
  CHECK(v.home.customers.front().maskedPhone == "134****6666");
  // Seeing the list is a view of personal data: audited.
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND staff = 'cash'") == 1);
}

TEST_CASE("the kiosk locks itself after the idle minutes, a quick switch needs the other PIN") {
  Fixture f;
  f.signIn("mgr", "1234");
  REQUIRE(f.kiosk->staff());
  f.clock.advance(4 * kMinute);
  CHECK_FALSE(f.kiosk->tick());
  f.kiosk->activity();
  f.clock.advance(4 * kMinute);
  CHECK_FALSE(f.kiosk->tick());
  f.clock.advance(1 * kMinute);
  CHECK(f.kiosk->tick());
  CHECK_FALSE(f.kiosk->staff());
  CHECK(f.kiosk->view().screen == ui::Screen::SignIn);
  CHECK(f.kiosk->view().signIn.message == "长时间未操作，已自动锁定");
  // Nothing that needs a signed-in staff member works while locked.
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  CHECK(f.kiosk->view().screen == ui::Screen::SignIn);
}

TEST_CASE("check-in by phone shows only masked names, and confirming is one audited action with an outbox row") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  const ui::CheckInView& c = f.kiosk->view().checkIn;
  f.kiosk->apply(ui::PhoneKeys{"567="});
  CHECK(c.message == "请至少输入4位数字");
  CHECK(c.matches.empty());
  f.kiosk->apply(ui::PhoneKeys{"8="});
  REQUIRE(c.matches.size() == 1);
  CHECK(c.matches[0].maskedName == "陳**");
  CustomerId id = c.matches[0].id;
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND sections = 'name_masked'") == 1);

  f.kiosk->apply(ui::ConfirmCheckIn{id + 100});  // never offered: ignored
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'customer.checked_in'") == 0);
  f.kiosk->apply(ui::ConfirmCheckIn{id});
  CHECK(c.welcomedName == "陳**");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.check_in' AND record_id = '" +
                std::to_string(id) + "' AND reason = 'phone'") == 1);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'customer.checked_in' AND payload LIKE '%\"method\":\"phone\"%'") == 1);
  // The greeting clears itself for the next customer.
  f.clock.advance(9 * kSecond);
  CHECK(f.kiosk->tick());
  CHECK(c.welcomedName.empty());
  f.kiosk->apply(ui::PhoneKeys{"0000="});
  CHECK(c.message == "没有找到，请到前台登记");
  // Today's queue on the home screen, in store time, with the full name for staff.
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  const auto& queue = f.kiosk->view().home.queue;
  REQUIRE(queue.size() == 1);
  CHECK(queue[0].name == "陳美玲");
  CHECK(queue[0].methodKey == "ui.method.phone");
  CHECK(queue[0].time == formatLocalDateTime(f.clock.now() - 9 * kSecond, StoreZone{}).substr(11));
  CHECK(f.count("SELECT count(*) FROM checkins") == 1);
  // Checking in again later is recorded, but the queue keeps one row for her (one widget id), at the first time.
  const std::string firstTime = queue[0].time;
  f.clock.advance(5 * kMinute);
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::PhoneKeys{"5678="});
  REQUIRE(f.kiosk->view().checkIn.matches.size() == 1);
  f.kiosk->apply(ui::ConfirmCheckIn{id});
  CHECK(f.count("SELECT count(*) FROM checkins") == 2);
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  REQUIRE(f.kiosk->view().home.queue.size() == 1);
  CHECK(f.kiosk->view().home.queue[0].time == firstTime);
  // Check-ins are never changed or removed.
  CHECK_THROWS(f.db->write([](SQLite::Database& s) { s.exec("DELETE FROM checkins"); }));
  CHECK_THROWS(f.db->write([](SQLite::Database& s) { s.exec("UPDATE checkins SET method = 'qr'"); }));
}

TEST_CASE("a member card greets by name, an unknown card is refused") {
  Fixture f;
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{"M00000002"});
  CHECK(f.kiosk->view().checkIn.card.name == "陳美玲");
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  CHECK_FALSE(f.kiosk->takeScanOutcome());  // once
  f.kiosk->apply(ui::ConfirmCheckIn{f.kiosk->view().checkIn.card.id});
  CHECK(f.kiosk->view().checkIn.welcomedName == "欢迎您，陳美玲");
  CHECK(f.count("SELECT count(*) FROM outbox WHERE payload LIKE '%\"method\":\"card\"%'") == 1);
  f.kiosk->apply(ui::ScanPayload{"M99999999"});
  CHECK(f.kiosk->view().checkIn.welcomedName.empty());
  CHECK(f.kiosk->view().checkIn.message == "无法识别此卡，请到前台");
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(false));
}

TEST_CASE("the language switches at runtime") {
  Fixture f;
  f.kiosk->apply(ui::SwitchLanguage{"en"});
  CHECK(f.kiosk->catalog().text("ui.home.checkin") == "Check-in");
  CHECK(f.kiosk->view().status.language == "en");
  f.kiosk->apply(ui::SwitchLanguage{"zh-Hant"});
  CHECK(f.kiosk->catalog().text("ui.home.checkin") == "顧客簽到");
}

namespace {

// Tasks that wait until the test lets them run (a lane the frame does not wait for).
struct HeldTasks : kiosk::Tasks {
  explicit HeldTasks(Backroom& b) : backroom(b) {}
  kiosk::TaskId run(kiosk::Lane lane, const std::string& name, std::function<void(Backroom&)> work,
                    std::function<void()> done) override {
    held.push_back({++last, lane, name, std::move(work), std::move(done)});
    return last;
  }
  bool cancel(kiosk::TaskId id) override {
    auto it = std::find_if(held.begin(), held.end(), [&](const Held& h) { return h.id == id; });
    if (it == held.end()) return false;
    held.erase(it);
    return true;
  }
  void runFirst() {
    Held h = std::move(held.front());
    held.erase(held.begin());
    h.work(backroom);
    h.done();
  }
  struct Held {
    kiosk::TaskId id;
    kiosk::Lane lane;
    std::string name;
    std::function<void(Backroom&)> work;
    std::function<void()> done;
  };
  Backroom& backroom;
  kiosk::TaskId last = 0;
  std::vector<Held> held;
};

}  // namespace

TEST_CASE("a PIN checked off the frame on the PIN lane: keys wait meanwhile, and a stale check is cancelled") {
  Fixture f;
  HeldTasks tasks(f.backroom);
  f.kiosk->setTasks(&tasks);
  f.trySignIn("mgr", "1234");
  REQUIRE(tasks.held.size() == 1);
  CHECK(tasks.held[0].lane == kiosk::Lane::Pins);
  CHECK(tasks.held[0].name == "pin check");
  CHECK(f.kiosk->view().signIn.checking);
  CHECK(f.kiosk->view().signIn.pinDigits == 4);  // the dots stay while checking
  f.kiosk->apply(ui::PinKeys{"9"});               // ignored while checking
  CHECK(f.kiosk->view().signIn.pinDigits == 4);
  f.kiosk->apply(ui::CancelSignIn{});  // walked away: the queued check is dropped
  CHECK(tasks.held.empty());
  CHECK_FALSE(f.kiosk->staff());
  CHECK(f.kiosk->view().screen == ui::Screen::SignIn);

  f.trySignIn("mgr", "1234");
  REQUIRE(tasks.held.size() == 1);
  tasks.runFirst();
  REQUIRE(f.kiosk->staff());
  CHECK(f.kiosk->view().screen == ui::Screen::Home);
  CHECK_FALSE(f.kiosk->view().signIn.checking);
}

TEST_CASE("a PIN result that arrives after a lock is dropped") {
  Fixture f;
  struct Late : HeldTasks {
    using HeldTasks::HeldTasks;
    bool cancel(kiosk::TaskId) override { return false; }  // it had already started
  } tasks(f.backroom);
  f.kiosk->setTasks(&tasks);
  f.trySignIn("mgr", "1234");
  f.kiosk->apply(ui::CancelSignIn{});
  REQUIRE(tasks.held.size() == 1);
  tasks.runFirst();
  CHECK_FALSE(f.kiosk->staff());
  CHECK(f.kiosk->view().screen == ui::Screen::SignIn);
  f.trySignIn("mgr", "0000");
  tasks.runFirst();
  CHECK_FALSE(f.kiosk->staff());
  CHECK_FALSE(f.kiosk->view().signIn.message.empty());
}

TEST_CASE("the quick_check result reaches the status bar") {
  Fixture f;
  CHECK(f.kiosk->view().status.dbCheck == ui::DbCheck::Running);
  f.kiosk->databaseChecked("ok");
  CHECK(f.kiosk->view().status.dbCheck == ui::DbCheck::Ok);
  f.kiosk->databaseChecked("*** in database main ***\nPage 5: never used");
  CHECK(f.kiosk->view().status.dbCheck == ui::DbCheck::Failed);
  CHECK(f.kiosk->view().status.dbProblem.find("Page 5") != std::string::npos);
  CHECK(f.kiosk->view().status.storeName == "悦容美容美发沙龙");
}

TEST_CASE("damage found by the quick check stops sales: no checkout or members tile, their intents ignored") {
  Fixture f;
  f.trySignIn("mgr", "1234");
  REQUIRE(f.kiosk->staff());
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, {}});
  CHECK(f.kiosk->view().screen == ui::Screen::Checkout);
  f.kiosk->databaseChecked("*** in database main ***\nPage 5: never used");
  const ui::KioskView& v = f.kiosk->view();
  CHECK(v.screen == ui::Screen::Home);
  for (const auto& t : v.home.tiles) {
    CHECK(t.screen != ui::Screen::Checkout);
    CHECK(t.screen != ui::Screen::Members);
  }
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, {}});
  CHECK(v.screen == ui::Screen::Home);
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, {}});
  CHECK(v.screen == ui::Screen::Home);
  f.kiosk->apply(ui::Navigate{ui::Screen::Settings, {}});
  CHECK(v.screen == ui::Screen::Settings);  // restoring and support stay reachable
}

namespace {

// The port, with a fixed vocabulary: what librime would offer for these letters.
class FixedPinyin : public PinyinConverter {
 public:
  std::vector<std::string> candidates(const std::string& letters, int limit) override {
    std::vector<std::string> out;
    if (letters == "wang") out = {"王", "网", "往"};
    if (letters == "wa") out = {"挖", "瓦"};
    if (static_cast<int>(out.size()) > limit) out.resize(limit);
    return out;
  }
};

}  // namespace

TEST_CASE("finding a customer by pinyin on the on-screen keyboard, or by phone digits, the search is audited") {
  Fixture f;
  FixedPinyin pinyin;
  f.signIn("mgr", "1234");
  const ui::SearchView& s = f.kiosk->view().home.search;
  CHECK_FALSE(s.pinyinReady);
  f.kiosk->setPinyin(&pinyin);
  f.kiosk->apply(ui::OpenSearch{});
  CHECK(s.open);
  f.kiosk->apply(ui::KeyboardKeys{"wa"});
  CHECK(s.letters == "wa");
  CHECK(s.candidates == std::vector<std::string>{"挖", "瓦"});
  f.kiosk->apply(ui::KeyboardKeys{"ng"});
  CHECK(s.candidates.front() == "王");
  f.kiosk->apply(ui::PickCandidate{"王"});
  CHECK(s.query == "王");
  CHECK(s.letters.empty());
  const auto& rows = f.kiosk->view().home.customers;
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].name == "王芳");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE record_id = 'search' AND reason = 'find a customer: 王'") == 1);
  // Erase the character: back to the whole list.
  f.kiosk->apply(ui::KeyboardKeys{"<"});
  CHECK(s.query.empty());
  CHECK(rows.size() == 8);
  // Digits are a phone number (its last four here).
  f.kiosk->apply(ui::KeyboardKeys{"5678"});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].name == "陳美玲");
  f.kiosk->apply(ui::KeyboardKeys{"C="});
  CHECK(s.query.empty());
  CHECK_FALSE(s.open);
}

TEST_CASE("without the pinyin engine, letters are searched as typed") {
  Fixture f;
  f.signIn("mgr", "1234");
  f.kiosk->apply(ui::OpenSearch{});
  f.kiosk->apply(ui::KeyboardKeys{"alice"});
  CHECK(f.kiosk->view().home.search.query == "alice");
  REQUIRE(f.kiosk->view().home.customers.size() == 1);
  CHECK(f.kiosk->view().home.customers[0].name == "Alice Wong");
}

TEST_CASE("home offers a tile per screen, and a navigation opens that screen for its customer") {
  Fixture f;
  const ui::KioskView& v = f.kiosk->view();
  f.signIn("mgr", "1234");
  REQUIRE(v.screen == ui::Screen::Home);
  std::vector<ui::Screen> offered;
  for (const ui::HomeTile& t : v.home.tiles) offered.push_back(t.screen);
  CHECK(std::find(offered.begin(), offered.end(), ui::Screen::Checkout) != offered.end());
  CHECK(std::find(offered.begin(), offered.end(), ui::Screen::Settings) != offered.end());
  const CustomerId first = v.home.customers.front().id;
  f.kiosk->apply(ui::Navigate{ui::Screen::CustomerFile, first});
  CHECK(v.screen == ui::Screen::CustomerFile);
  CHECK(v.customerFile.customer == first);
  f.kiosk->apply(ui::Navigate{ui::Screen::Home});
  CHECK(v.screen == ui::Screen::Home);
  f.kiosk->apply(ui::LockKiosk{});
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout, first});
  CHECK(v.screen == ui::Screen::SignIn);  // nobody signed in: no screen opens
}
