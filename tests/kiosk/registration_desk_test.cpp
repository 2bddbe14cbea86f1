// First-visit registration at the kiosk against a real SQLite file: declining
// stores nothing personal; agreeing creates a file pending review with its
// consent and marketing choice, audited with an outbox message, and the new
// customer can join the queue.
#include <catch2/catch.hpp>

#include "app/core/customer_file.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;
using Step = ui::RegistrationStep;

namespace {

// A pinyin engine with a tiny fixed dictionary (librime has its own test).
class FixedPinyin : public PinyinConverter {
 public:
  std::vector<std::string> candidates(const std::string& letters, int) override {
    if (letters == "li") return {"李", "里"};
    if (letters == "xiaomei") return {"小美", "晓梅"};
    return {};
  }
};

struct Fixture : test::KioskFixture {
  FixedPinyin pinyin;

  Fixture() {
    start(5);
    kiosk->setPinyin(&pinyin);
    kiosk->apply(ui::ChooseStaff{"cash"});
    kiosk->apply(ui::PinKeys{"3456="});
    kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
    kiosk->apply(ui::Navigate{ui::Screen::Registration});
  }
  const ui::RegistrationView& view() const { return kiosk->view().registration; }
  void act(ui::RegistrationIntent i) { kiosk->apply(ui::Intent{i}); }
};

}  // namespace

TEST_CASE("declining the privacy notice ends politely and stores nothing personal") {
  Fixture f;
  REQUIRE(f.kiosk->view().screen == ui::Screen::Registration);
  CHECK(f.view().step == Step::Notice);
  CHECK(f.view().notice.find("第三方") != std::string::npos);
  CHECK(f.view().noticeVersion == kPrivacyNoticeVersion);
  const int customers = f.count("SELECT count(*) FROM customers");
  const int audits = f.count("SELECT count(*) FROM audit_log");
  f.act(ui::RegisterDecline{});
  CHECK(f.view().step == Step::Declined);
  CHECK(f.count("SELECT count(*) FROM customers") == customers);
  // Only what core requires for a declined consent: one walk-in entry, no personal data.
  CHECK(f.count("SELECT count(*) FROM audit_log") == audits + 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.walk_in' AND record_id = 'walk-in'") == 1);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'customer.registered'") == customers);
  f.act(ui::RegisterFinish{});
  CHECK(f.kiosk->view().screen == ui::Screen::CheckIn);
}

TEST_CASE("agreeing: marketing choice, a name typed in pinyin and picked, the phone and a file pending review") {
  Fixture f;
  f.act(ui::RegisterPhoneKeys{"138="});  // not yet: the notice comes first
  CHECK(f.view().step == Step::Notice);
  f.act(ui::RegisterAgree{});
  CHECK(f.view().step == Step::Marketing);
  f.act(ui::RegisterMarketing{true});
  CHECK(f.view().step == Step::Name);
  f.act(ui::RegisterNameKeys{"="});  // no name yet
  CHECK(f.view().step == Step::Name);
  CHECK(f.view().message == "请填写姓名");
  f.act(ui::RegisterNameKeys{"li"});
  CHECK(f.view().letters == "li");
  REQUIRE(f.view().candidates.size() == 2);
  f.act(ui::RegisterPickName{"李"});
  f.act(ui::RegisterNameKeys{"xiaomeu<i"});
  CHECK(f.view().letters == "xiaomei");
  f.act(ui::RegisterPickName{"小美"});
  CHECK(f.view().name == "李小美");
  CHECK(f.view().letters.empty());
  f.act(ui::RegisterNameKeys{"="});
  CHECK(f.view().step == Step::Phone);
  // A phone already on file is refused with core's sentence.
  f.act(ui::RegisterPhoneKeys{"13800138000="});
  CHECK(f.view().step == Step::Phone);
  CHECK(f.view().message.find("这个电话已有档案") == 0);
  f.act(ui::RegisterPhoneKeys{"C13700001111="});
  REQUIRE(f.view().step == Step::Welcome);
  CHECK(f.view().customer != 0);

  const std::string id = std::to_string(f.view().customer);
  CHECK(f.count("SELECT count(*) FROM customers WHERE id = " + id +
                " AND name = '李小美' AND phone = '13700001111' AND status = 'pending_review'"
                " AND consent_status = 'agreed' AND consent_notice = '" + kPrivacyNoticeVersion +
                "' AND consent_staff = 'cash' AND marketing_opt_in = 1") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.register' AND staff = 'cash'"
                " AND record_id = '" + f.view().fileNo + "' AND sections LIKE '%consent%'") == 1);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'customer.registered' AND payload LIKE '%\"customer_id\":" +
                id + "%'") == 1);

  // The new customer joins today's queue, greeted by the new name.
  f.act(ui::RegisterJoinQueue{});
  CHECK(f.kiosk->view().screen == ui::Screen::CheckIn);
  CHECK(f.kiosk->view().checkIn.welcomedName == "欢迎您，李小美");
  CHECK(f.count("SELECT count(*) FROM checkins WHERE customer_id = " + id) == 1);
}

TEST_CASE("no marketing: the opt-out is what the file keeps and back goes one step back") {
  Fixture f;
  f.act(ui::RegisterAgree{});
  f.act(ui::RegisterMarketing{true});
  f.act(ui::RegisterBack{});
  CHECK(f.view().step == Step::Marketing);
  f.act(ui::RegisterMarketing{false});
  f.act(ui::RegisterNameKeys{"li"});
  f.act(ui::RegisterPickName{"李"});
  f.act(ui::RegisterNameKeys{"="});
  f.act(ui::RegisterPhoneKeys{"13700002222="});
  REQUIRE(f.view().step == Step::Welcome);
  CHECK(f.count("SELECT marketing_opt_in FROM customers WHERE id = " + std::to_string(f.view().customer)) == 0);
  f.act(ui::RegisterFinish{});
  CHECK(f.kiosk->view().screen == ui::Screen::CheckIn);
  CHECK(f.count("SELECT count(*) FROM checkins") == 0);
}
