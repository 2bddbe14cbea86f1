// Core's MemberFigures over fake ports: head office's figures plus the store's
// movements HQ does not hold yet when it answers; the store's own otherwise, with
// the reason; the audit entry `member show` and the kiosk write for a look.
#include <catch2/catch.hpp>

#include "support/fake_head_office.h"

#include <map>
#include <memory>

#include "app/core/error.h"
#include "app/core/member_figures.h"

using namespace salon;

namespace {

constexpr Instant kNow = 1'780'000'000'000;

// The store's ledgers: one member with ¥750 + ¥150; a ¥100 top-up HQ has not seen.
struct Ledgers : MemberBalances {
  std::optional<MemberBalance> balance(const std::string& memberNo, Instant now) override {
    if (memberNo != "M01000001") return std::nullopt;
    MemberBalance b;
    b.memberNo = memberNo;
    b.homeStore = "S01";
    b.principal = Money(75000);
    b.bonus = Money(15000);
    b.points = 200;
    b.asOf = now;
    return b;
  }
  void addMovementsNotAtHeadOffice(MemberBalance& hq) override {
    if (hq.hqStoredThrough < 10) hq.principal += Money(10000);
  }
};

// Head office: knows M01000001 with ¥800 + ¥150 (through the store's event 5), or
// does not answer.
struct Lines : HeadOfficeLines {
  bool down = false;
  bool scoped = false;  // says what the asking store may use: ¥300 of the principal, no bonus
  std::vector<std::string> asked;  // "member staff purpose"
  struct Line : test::QuietHeadOffice {
    Lines& l;
    explicit Line(Lines& lines) : l(lines) {}
    std::optional<MemberBalance> memberBalance(const std::string& no, const std::string& staff,
                                               const std::string& purpose) override {
      if (l.down) throw DomainError("hq_unreachable", "timeout");
      l.asked.push_back(no + " " + staff + " " + purpose);
      if (no != "M01000001") return std::nullopt;
      MemberBalance b;
      b.memberNo = no;
      b.homeStore = "S01";
      b.principal = Money(80000);
      b.bonus = Money(15000);
      b.points = 260;
      b.asOf = kNow - 5;
      b.source = BalanceSource::HeadOffice;
      b.hqStoredThrough = 5;
      if (l.scoped) b.usableHere = UsableHere{Money(30000), Money(), 260, {}};
      return b;
    }
  };
  HeadOfficeAddress readEnrolmentCode(const std::string&) const override { return {}; }
  std::unique_ptr<HeadOffice> open(const HeadOfficeAddress&) override { return std::make_unique<Line>(*this); }
};

struct Counter {
  Ledgers ledgers;
  test::FakeEnrolment sync;
  Lines lines;
  ManualClock clock{kNow};
  MemberFigures figures{ledgers, sync, &lines, clock};
};

}  // namespace

TEST_CASE("member figures: head office's when it answers, with the store's movements it does not hold yet") {
  Counter c;
  CHECK(c.figures.asksHeadOffice());
  MemberFiguresLook look = c.figures.look("M01000001", "cash", "checkout");
  REQUIRE(look.figures);
  CHECK(look.figures->source == BalanceSource::HeadOffice);
  CHECK(look.figures->principal == Money(90000));  // HQ's 800 + the unsent 100
  CHECK(look.figures->points == 260);
  CHECK(look.why.empty());
  CHECK(c.lines.asked == std::vector<std::string>{"M01000001 cash checkout"});
  AuditEntry e = MemberFigures::viewed(look, "M01000001", "cash", "checkout", kNow);
  CHECK(e.action == "customer.view");
  CHECK(e.recordType == "member");
  CHECK(e.recordId == "M01000001");
  CHECK(e.reason == "checkout");
  CHECK(e.sections == "balances,hq");
}

TEST_CASE("member figures: the store's own when head office is down, unknown there, or the store not enrolled") {
  Counter c;
  c.lines.down = true;
  MemberFiguresLook down = c.figures.look("M01000001", "cash", "check-in");
  REQUIRE(down.figures);
  CHECK(down.figures->source == BalanceSource::Local);
  CHECK(down.figures->principal == Money(75000));
  CHECK(down.figures->asOf == kNow);
  CHECK(MemberFigures::viewed(down, "M01000001", "cash", "check-in", kNow).sections == "balances,local,hq_unreachable");

  c.lines.down = false;
  MemberFiguresLook unknown = c.figures.look("M09000009", "cash", "checkout");
  CHECK_FALSE(unknown.figures);  // nowhere
  CHECK(unknown.why == "hq_member_unknown");

  c.sync.enrolled = false;
  CHECK_FALSE(c.figures.asksHeadOffice());
  MemberFiguresLook local = c.figures.look("M01000001", "cash", "checkout");
  REQUIRE(local.figures);
  CHECK(local.figures->source == BalanceSource::Local);
  CHECK(MemberFigures::viewed(local, "M01000001", "cash", "checkout", kNow).sections == "balances,local");
  CHECK(c.lines.asked.size() == 1);  // only the unknown member went to head office

  c.sync.enrolled = true;
  c.sync.unreadable = true;  // an enrolment that does not read: said, not thrown
  MemberFiguresLook broken = c.figures.look("M01000001", "cash", "checkout");
  REQUIRE(broken.figures);
  CHECK(broken.why == "token_unsealed");

  MemberFigures noLine(c.ledgers, c.sync, nullptr, c.clock);
  c.sync.unreadable = false;
  CHECK_FALSE(noLine.asksHeadOffice());
  CHECK(noLine.look("M01000001", "cash", "checkout").why == "no_line");
  CHECK(noLine.local("M01000001")->principal == Money(75000));
}

TEST_CASE("member figures: what head office says is usable here grows by the store's own movements it does not hold") {
  Counter c;
  c.lines.scoped = true;
  MemberFiguresLook look = c.figures.look("M01000001", "cash", "checkout");
  REQUIRE(look.figures);
  CHECK(look.figures->principal == Money(90000));  // HQ's 800 + the store's 100 top-up
  REQUIRE(look.figures->usableHere);
  CHECK(look.figures->usableHere->principal == Money(40000));  // the top-up was made here: usable here
  CHECK(look.figures->usableHere->bonus == Money());
  CHECK(look.figures->usableHere->points == 260);
}
