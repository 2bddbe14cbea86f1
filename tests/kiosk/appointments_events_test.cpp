// 沙龙活动 on the appointments screen's care lists against a real SQLite file:
// an event to come lists whom to invite (opted in, interested), an invitation
// logged leaves the list; on the event's day those invited are listed and a tap
// records 到场 once (the file, the audit chain and the outbox each once).
#include <catch2/catch.hpp>

#include <SQLiteCpp/VariadicBind.h>

#include "app/core/care_contact.h"
#include "app/kiosk/kiosk_controller.h"
#include "storage/care_store.h"
#include "support/appointments_fixture.h"

using namespace salon;
namespace ab = salon::ui::ab;

namespace {

const Staff kCash = test::AppointmentsFixture::cashier();

struct Fixture : test::AppointmentsFixture {
  std::vector<CustomerId> ids;  // three showcase customers
  std::vector<std::string> names;

  Fixture() {
    SQLite::Statement q(db->sql(), "SELECT id, name FROM customers ORDER BY id LIMIT 3");
    while (q.executeStep()) {
      ids.push_back(q.getColumn(0).getInt64());
      names.push_back(q.getColumn(1).getString());
    }
    REQUIRE(ids.size() == 3);
    interests(ids[0], "护肤讲座, 美甲", true);
    interests(ids[1], "护肤", true);
    interests(ids[2], "护肤", false);  // not opted in to marketing: never invited
    clock.set(at(0, 9));
    event("ev-today", "春季美甲体验", "美甲", at(0, 15), "一楼");
    event("ev-soon", "冬季护肤讲座", "护肤", at(5, 14), "二楼");
    event("ev-far", "远期活动", "护肤", at(40, 14), "");
    invite(ids[0], "ev-today");
    openAppointments(ab::AppointmentsTab::Care);
    apply(ab::ChooseCareList{"events"});
  }
  void interests(CustomerId id, const std::string& topics, bool optedIn) {
    SQLite::Statement up(db->sql(), "UPDATE customers SET marketing_opt_in = ? WHERE id = ?");
    SQLite::bind(up, optedIn ? 1 : 0, id);
    up.exec();
    SQLite::Statement q(db->sql(), "INSERT INTO customer_fields VALUES (?, 'event_interests', 'value', ?, 0, 'cash')"
                                   " ON CONFLICT(customer_id, field) DO UPDATE SET value = excluded.value");
    SQLite::bind(q, id, topics);
    q.exec();
  }
  void event(const std::string& id, const std::string& title, const std::string& topic, Instant startsAt,
             const std::string& place) {
    storage::insertEvent(db->sql(), {id, title, topic, startsAt, place}, "mgr", 0);
  }
  void invite(CustomerId id, const std::string& eventId) {
    CareContact c;
    c.id = "invite-" + std::to_string(id);
    c.customer = id;
    c.kind = "event_invite";
    c.ref = eventId;
    c.channel = "phone";
    c.outcome = "done";
    CareContacts(backroom.careContacts(), guard, clock).record(kCash, c);
  }
  const ab::WorkSection& section(const std::string& title) const {
    for (const ab::WorkSection& s : view().sections)
      if (s.title.find(title) != std::string::npos) return s;
    FAIL("no section " << title);
    return view().sections.front();
  }
};

}  // namespace

TEST_CASE("salon events list: today's event lists those invited, a coming one whom to invite") {
  Fixture f;
  REQUIRE(f.view().sections.size() == 2);  // the event 40 days away is not listed
  CHECK(f.view().sections[0].title.find("06-01 15:00  春季美甲体验 · 一楼 · 已邀请 1 · 已到场 0") == 0);
  const ab::WorkSection& today = f.view().sections[0];
  REQUIRE(today.rows.size() == 1);
  CHECK(today.rows[0].title.find(f.names[0]) == 0);
  CHECK(today.rows[0].action == "attend");
  CHECK(today.rows[0].actionLabel == "到场");

  const ab::WorkSection& soon = f.section("冬季护肤讲座");
  CHECK(soon.title.find("06-06 14:00") == 0);
  REQUIRE(soon.rows.size() == 2);  // the third customer has not opted in
  CHECK(soon.rows[0].title.find(f.names[0]) == 0);
  CHECK(soon.rows[0].detail == "兴趣：护肤讲座, 美甲");
  CHECK(soon.rows[0].action.empty());
  CHECK(soon.rows[1].title.find(f.names[1]) == 0);
}

TEST_CASE("salon events list: an invitation logged from the row leaves the list") {
  Fixture f;
  std::string key = f.section("冬季护肤讲座").rows[1].key;
  f.apply(ab::OpenWorkRow{key});
  f.apply(ab::RowAction{key});  // an event to come has no 到场
  CHECK(f.count("SELECT count(*) FROM event_attendance") == 0);
  f.apply(ab::RecordContact{"done", "phone"});
  f.apply(ab::RecordContact{"done", "phone"});  // the second tap of a double tap: logged once, the message stays
  CHECK(f.view().message == "已记录");
  const ab::WorkSection& soon = f.section("冬季护肤讲座");
  CHECK(soon.title.find("已邀请 1 · 已到场 0") != std::string::npos);
  REQUIRE(soon.rows.size() == 1);
  CHECK(soon.rows[0].title.find(f.names[0]) == 0);
  CHECK(soon.rows[0].status.empty());  // the other customer's call is not this one's
  CHECK(f.count("SELECT count(*) FROM care_contacts WHERE kind = 'event_invite' AND ref = 'ev-soon'") == 1);
}

TEST_CASE("salon events list: 到场 is recorded once for a double tap, in the file and the outbox") {
  Fixture f;
  std::string key = f.view().sections[0].rows[0].key;
  f.apply(ab::RowAction{key});  // not opened: nothing
  CHECK(f.count("SELECT count(*) FROM event_attendance") == 0);
  f.apply(ab::OpenWorkRow{key});
  CHECK(f.view().sections[0].rows[0].open);
  f.apply(ab::RowAction{key});
  f.apply(ab::RowAction{key});  // the second tap of a double tap
  CHECK(f.view().message == f.names[0] + " 已到场，已记入档案");
  CHECK(f.count("SELECT count(*) FROM event_attendance WHERE event_id = 'ev-today'") == 1);
  CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'event.attended' AND staff = 'cash'") == 1);
  CHECK(f.count("SELECT count(*) FROM outbox WHERE type = 'event.attended'") == 1);
  CHECK(f.count("SELECT count(*) FROM customer_fields WHERE field = 'events_attended' AND value LIKE '%春季美甲体验%'") ==
        1);
  const ab::WorkSection& today = f.view().sections[0];
  CHECK(today.title.find("已到场 1") != std::string::npos);
  REQUIRE(today.rows.size() == 1);
  CHECK(today.rows[0].status == "已到场");
  CHECK(today.rows[0].action.empty());
  f.apply(ab::OpenWorkRow{today.rows[0].key});  // a row already come opens nothing
  CHECK_FALSE(f.view().sections[0].rows[0].open);
}
