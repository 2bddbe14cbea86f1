// A key change at the counter (issue 13): after `members rotate-card-key`, a
// card the old key signed, scanned at check-in, checkout or Members, still
// names its member; a new card is issued under the new key in the same step
// (audited under the staff member at the counter), the screen says so (Members
// offers to print it at once) and the old card is refused from then on.
#include <catch2/catch.hpp>

#include "app/core/member_card.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/audit_store.h"
#include "storage/card_key_file.h"
#include "storage/member_card_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  storage::SqliteMemberCardStore cards{*db};
  storage::SqliteAuditLog audit{*db};
  MemberCards service{cards, audit, clock};
  const Staff sup{"sup", "王主管", Role::Supervisor, "前台", true};

  Fixture() { start(5); }
  std::string firstCard(const std::string& memberNo) { return service.reprint(sup, memberNo, "first card").payload; }
  int version(const std::string& memberNo) { return cards.holder(memberNo)->cardVersion; }
};

}  // namespace

TEST_CASE("check-in: an old key's card greets its member, is reissued at once and then refused") {
  Fixture f;
  const std::string old = f.firstCard("M00000001");
  storage::rotateCardKey(*f.db, f.clock.now());
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{old});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  CHECK(f.kiosk->view().checkIn.card.name == "张三");
  CHECK(f.kiosk->view().checkIn.message.find("已签发新卡，旧卡作废") != std::string::npos);
  CHECK(f.kiosk->view().checkIn.message.find("补印会员卡") != std::string::npos);
  CHECK(f.version("M00000001") == 2);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'card.reissue' AND staff = 'cash'") == 1);
  // The new card, under the new key, is simply good; the old one is refused.
  const std::string renewed = signCard(cardKeyFromSeed(f.cards.signingSeed()), "M00000001", 2);
  f.kiosk->apply(ui::ScanPayload{renewed});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  CHECK(f.kiosk->view().checkIn.message.empty());
  f.kiosk->apply(ui::ScanPayload{old});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(false));
  CHECK(f.kiosk->view().checkIn.card.id == 0);
  CHECK(f.kiosk->view().checkIn.message == "此卡已补办，旧卡已作废，请出示新卡或到前台");
  CHECK(f.version("M00000001") == 2);
  // A card no key of this store signed stays a forgery.
  f.kiosk->apply(ui::ScanPayload{signCard(cardKeyFromSeed(std::string(32, 'z')), "M00000001", 2)});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(false));
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'card.refused' AND reason = 'card_forged'") == 1);
}

TEST_CASE("Members: an old key's card opens its member with the new card ready to print") {
  Fixture f;
  const std::string old = f.firstCard("M00000001");
  storage::rotateCardKey(*f.db, f.clock.now());
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Members, 0});
  f.kiosk->apply(ui::ScanPayload{old});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  const ui::MembersView& v = f.kiosk->view().members;
  CHECK(v.memberNo == "M00000001");
  CHECK(v.cardVersion == 2);
  CHECK(v.cardAction == "reprint");  // the confirm button is on screen
  CHECK(v.message.find("已签发新卡") != std::string::npos);
  CHECK_FALSE(v.messageIsError);
  CHECK(f.version("M00000001") == 2);
}
