// A search on the file and members screens that finds nobody here asks head office
// (issue 18): another store's customer, sealed under the chain's key, is brought in
// and found; a name typed, or a store without the key or not enrolled, asks nothing;
// head office down or not knowing them is said under the search box.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/chain_file_key.h"
#include "storage/chain_files.h"
#include "storage/sync_store.h"
#include "support/fake_head_office.h"
#include "support/kiosk_fixture.h"

using namespace salon;

namespace {

const char* kSecret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

// Another store of the chain with one customer, 王小美, sealed as it sends her up.
std::string sealedElsewhere(test::TempDir& dir) {
  auto a = storage::Database::open(dir.file("a.db"));
  a->sql().exec("INSERT INTO staff (code, name, role, pin_hash, created_at) VALUES ('cash', '小周', 'cashier', 'x', 0)");
  a->sql().exec("INSERT INTO customers (id, file_no, name, phone, status, created_at, created_by, member_no, name_search,"
                " pinyin, initials) VALUES (1, 'K01-2026-000001', '王小美', '13700137001', 'in_force', 0, 'cash',"
                " 'M01000001', '王小美', 'wangxiaomei', 'wxm')");
  a->write([&](SQLite::Database& s) { storage::keepChainSecret(s, kSecret, "admin", 1000); });
  storage::reportChainFiles(a->sql(), 2000);
  return nlohmann::json::parse(
             a->sql().execAndGet("SELECT payload FROM outbox WHERE type = 'customer.file' ORDER BY seq DESC LIMIT 1")
                 .getString())["sealed"];
}

struct ChainOffice : HeadOfficeLines {
  std::vector<SealedChainFile> files;
  int asked = 0;
  bool down = false;
  struct Line : test::QuietHeadOffice {
    ChainOffice& hq;
    explicit Line(ChainOffice& h) : hq(h) {}
    std::vector<SealedChainFile> chainFiles(const std::string&, const std::string&, const std::string&) override {
      ++hq.asked;
      if (hq.down) throw DomainError("hq_unreachable", "timeout");
      return hq.files;
    }
  };
  HeadOfficeAddress readEnrolmentCode(const std::string&) const override { return {}; }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress&) override { return std::make_unique<Line>(*this); }
};

struct Fixture : test::KioskFixture {
  ChainOffice hq;
  Fixture() {
    start(600);
    kiosk->setMemberFiguresLines(&hq);
  }
  void enrolWithKey() {
    storage::SqliteSyncStore(*db).enrol({"https://127.0.0.1:8443", "S01", "secret-token-secret-token-secret-token-abc",
                                         "ab12"},
                                        auditOf(clock.now(), "admin", "sync.enrol", "sync", "S01"));
    db->write([&](SQLite::Database& s) { storage::keepChainSecret(s, kSecret, "admin", clock.now()); });
  }
  const ui::CustomerSearchView& fileSearch() const { return kiosk->view().customerFile.search; }
  void searchFiles(const std::string& q) {
    kiosk->apply(ui::Navigate{ui::Screen::CustomerFile});
    kiosk->apply(ui::Intent{ui::CustomerFileIntent{ui::FileSearchTyped{q}}});
  }
};

}  // namespace

TEST_CASE("chain search: a whole phone nobody here has is found through head office and brought in") {
  Fixture f;
  f.hq.files = {{"K01-2026-000001", "K01", sealedElsewhere(f.dir)}};
  f.signIn("sup", "2345");
  f.searchFiles("13700137001");
  CHECK(f.fileSearch().found.empty());
  CHECK(f.fileSearch().chain.empty());  // not enrolled: nothing asked, nothing said
  CHECK(f.hq.asked == 0);

  f.enrolWithKey();
  f.searchFiles("13700137001");
  CHECK(f.hq.asked == 1);
  REQUIRE(f.fileSearch().found.size() == 1);  // the lane answered (inline in tests) and the search ran again
  CHECK(f.fileSearch().found[0].name == "王小美");
  CHECK(f.fileSearch().found[0].fileNo == "K01-2026-000001");
  CHECK(f.fileSearch().chain == "found");
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'customer.view' AND record_id = 'K01-2026-000001'"
                " AND reason = 'find a customer' AND sections LIKE '%source=hq;from=K01'") == 1);

  // Found here now: head office is not asked again.
  f.searchFiles("13700137001");
  CHECK(f.hq.asked == 1);
  CHECK(f.fileSearch().chain.empty());
}

TEST_CASE("chain search: a name or the last four digits never leave the store - head office down is said") {
  Fixture f;
  f.enrolWithKey();
  f.signIn("sup", "2345");
  f.searchFiles("王小美");
  f.searchFiles("7001");
  CHECK(f.hq.asked == 0);
  CHECK(f.fileSearch().chain.empty());

  f.hq.down = true;
  f.searchFiles("13700137001");
  CHECK(f.hq.asked == 1);
  CHECK(f.fileSearch().found.empty());
  CHECK(f.fileSearch().chain == "hq_unreachable");
  f.hq.down = false;  // and head office knows nobody by that phone
  f.searchFiles("13700137002");
  CHECK(f.fileSearch().chain == "hq_file_unknown");
}

TEST_CASE("chain search: the members screen asks head office too") {
  Fixture f;
  f.hq.files = {{"K01-2026-000001", "K01", sealedElsewhere(f.dir)}};
  f.enrolWithKey();
  f.signIn("sup", "2345");
  f.kiosk->apply(ui::Navigate{ui::Screen::Members});
  f.kiosk->apply(ui::Intent{ui::MembersIntent{ui::MemberSearchTyped{"M01000001"}}});
  CHECK(f.hq.asked == 1);
  REQUIRE(f.kiosk->view().members.search.found.size() == 1);
  CHECK(f.kiosk->view().members.search.found[0].memberNo == "M01000001");
}

TEST_CASE("chain search: another store's member card at check-in is asked of head office - then greeted") {
  Fixture f;
  f.hq.files = {{"K01-2026-000001", "K01", sealedElsewhere(f.dir)}};
  f.enrolWithKey();
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{"M01000001"});
  CHECK(f.kiosk->takeScanOutcome() == std::optional<bool>(true));
  CHECK(f.hq.asked == 1);
  CHECK(f.kiosk->view().checkIn.card.name == "王小美");  // the lane answered inline, the scan ran again
  CHECK(f.kiosk->view().checkIn.card.method == "card");

  // Head office does not know a card: said as any unknown card, and asked only once.
  f.hq.files.clear();
  f.kiosk->apply(ui::Navigate{ui::Screen::CheckIn});
  f.kiosk->apply(ui::ScanPayload{"M01000002"});
  CHECK(f.hq.asked == 2);
  CHECK(f.kiosk->view().checkIn.card.id == 0);
  CHECK(f.kiosk->view().checkIn.message == f.kiosk->catalog().text("ui.checkin.card_unknown"));
}

TEST_CASE("chain search: another store's member card at checkout picks them once head office brought the file") {
  Fixture f;
  f.seedCatalog();
  f.hq.files = {{"K01-2026-000001", "K01", sealedElsewhere(f.dir)}};
  f.enrolWithKey();
  f.signIn("cash", "3456");
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout});
  f.kiosk->apply(ui::ScanPayload{"M01000001"});
  CHECK(f.hq.asked == 1);
  CHECK(f.kiosk->view().checkout.bar.name == "王小美");
  f.hq.down = true;
  f.kiosk->apply(ui::Navigate{ui::Screen::Checkout});
  f.kiosk->apply(ui::ScanPayload{"M01000003"});
  CHECK(f.kiosk->view().checkout.message == f.kiosk->catalog().text("error.hq_unreachable"));
}
