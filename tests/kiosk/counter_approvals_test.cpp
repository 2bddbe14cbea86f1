// The approvals inbox at the counter (issue 15): paged instead of stopping at
// 40, a row opens the customer's file, and a double tap on 通过 decides one file.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/core/error.h"
#include "app/core/file_review.h"
#include "app/core/uuid.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/file_review_store.h"
#include "support/kiosk_fixture.h"

using namespace salon;
using namespace salon::kiosk;

namespace {

struct Fixture : test::KioskFixture {
  Fixture() {
    seedCustomers(60, 7);
    // Every generated file waits for review, registered by the cashier (the supervisor decides).
    db->sql().exec("UPDATE customers SET status = 'pending_review' WHERE status IN ('in_force', 'pending_review') "
                   "AND id > (SELECT max(id) - 60 FROM customers)");
    start(30);
  }
  const ui::ApprovalsView& view() const { return kiosk->view().approvals; }
  void apply(ui::ApprovalsIntent i) { kiosk->apply(ui::Intent{std::move(i)}); }
  int approved() { return count("SELECT count(*) FROM file_reviews WHERE decision = 'approved'"); }
  // The first row on the page this supervisor may decide.
  const ui::InboxRow& firstOpen() const {
    auto it = std::find_if(view().inbox.begin(), view().inbox.end(), [](const ui::InboxRow& r) { return !r.own; });
    REQUIRE(it != view().inbox.end());
    return *it;
  }
};

}  // namespace

TEST_CASE("counter: the approvals inbox is paged: every waiting file can be reached") {
  Fixture f;
  const int pending = f.count("SELECT count(*) FROM customers WHERE status = 'pending_review'");
  REQUIRE(pending > 40);
  f.signIn("sup", "2345");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  REQUIRE(f.view().tab == ui::ApprovalsTab::Inbox);
  CHECK(f.view().inboxTotal == pending);
  CHECK(f.view().inboxPages == (pending + 19) / 20);
  CHECK(f.view().inbox.size() == 20);
  int seen = 0;
  for (int page = 0; page < f.view().inboxPages; ++page) {
    CHECK(f.view().inboxPage == page);
    seen += static_cast<int>(f.view().inbox.size());
    f.apply(ui::ApprovalsInboxPage{+1});
  }
  CHECK(seen == pending);
  CHECK(f.view().inboxPage == f.view().inboxPages - 1);  // no page past the last
  f.apply(ui::ApprovalsInboxPage{-1});
  CHECK(f.view().inboxPage == f.view().inboxPages - 2);
}

TEST_CASE("counter: a double tap on 通过 approves one file - the row stays, marked, and the store refuses it again") {
  Fixture f;
  f.signIn("sup", "2345");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  const ui::InboxRow first = f.firstOpen();
  const auto at = std::find_if(f.view().inbox.begin(), f.view().inbox.end(),
                               [&](const ui::InboxRow& r) { return r.id == first.id; }) - f.view().inbox.begin();
  const int before = f.approved();
  f.apply(ui::ApprovalsDecide{"file", first.id, "approve"});
  // The second press lands where the first did: whatever row is there now.
  const ui::InboxRow underFinger = f.view().inbox[static_cast<std::size_t>(at)];
  f.apply(ui::ApprovalsDecide{underFinger.kind, underFinger.id, "approve"});
  CHECK(f.approved() == before + 1);
  CHECK(underFinger.id == first.id);
  CHECK(underFinger.decided == "已处理");
  CHECK(f.view().message == "档案已通过审核");
  // The store itself refuses deciding a decided file (another kiosk, a retry).
  storage::SqliteFileReviews store(*f.db);
  FileReviewDecision again{newUuid(), std::stoll(first.id), "approved", "", "sup", f.clock.now()};
  CHECK_THROWS_AS(store.saveFileReview(again, "pending_review", "in_force",
                                       auditOf(f.clock.now(), "sup", "customer.file_approved", "customer", first.id)),
                  DomainError);
  CHECK(f.approved() == before + 1);
  // Read again, the decided row is gone.
  f.apply(ui::ApprovalsRefresh{});
  CHECK(std::none_of(f.view().inbox.begin(), f.view().inbox.end(), [&](const ui::InboxRow& r) { return r.id == first.id; }));
}

TEST_CASE("counter: an inbox row opens the customer's file before deciding") {
  Fixture f;
  f.signIn("sup", "2345");
  f.kiosk->apply(ui::Navigate{ui::Screen::Approvals});
  const ui::InboxRow row = f.firstOpen();
  f.apply(ui::ApprovalsOpenRow{row.kind, row.id});
  CHECK(f.kiosk->view().screen == ui::Screen::CustomerFile);
  CHECK(f.kiosk->view().customerFile.customer == row.customer);
}
