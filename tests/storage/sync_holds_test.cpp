// Online bookings from head office on the kiosk (storage/sync_holds.cpp): a hold
// waits for a cashier, or is booked at once with online.auto_confirm when the slot
// is free (a first-time phone gets a file pending review), else declined; the
// answer goes up as booking.decided; a hold head office declined cancels its booking.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "app/core/error.h"
#include "storage/staff_store.h"
#include "storage/sync_holds.h"
#include "storage/sync_store.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

std::int64_t count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt64(); }
std::string text(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getString(); }
AuditEntry received(Instant at) { return auditOf(at, "", "sync.receive", "sync", "S02"); }

const Instant kStart = startOfLocalDay({2026, 12, 10}, StoreZone{}) + 10 * kHour;

HeadOfficeChange hold(const std::string& id, const std::string& status, const std::string& phone, Instant start = kStart,
                      const std::string& reason = "") {
  nlohmann::json body = {{"appointment", id}, {"service", "SVC-01"}, {"service_name", "洗剪吹"}, {"minutes", 60},
                         {"staff", "beau"}, {"any_staff", true}, {"start", start}, {"end", start + kHour},
                         {"status", status}, {"reason", reason}, {"made_at", 900},
                         {"customer", {{"phone", phone}, {"name", "周女士"}, {"new", true}, {"privacy_consent_at", 900},
                                       {"marketing", false}}}};
  return {"booking.hold", id, body.dump()};
}

struct EnrolledStore {
  test::TempDir dir;
  std::unique_ptr<Database> db = Database::open(dir.file("h.db"));
  SqliteSyncStore sync{*db};
  EnrolledStore() {
    SqliteStaffStore(*db).addStaff({"beau", "小林", Role::Beautician, "", true}, "x", 100,
                                   auditOf(100, "admin", "staff.add", "staff", "beau"));
    sync.enrol({"https://127.0.0.1:8443", "S02", "secret-token-secret-token-secret-token-abc", "ab12"},
               auditOf(150, "admin", "sync.enrol", "sync", "S02"));
  }
  void page(std::vector<HeadOfficeChange> changes, Instant at = 1000) { sync.applyChanges({"c", false, changes}, received(at)); }
};

const char* kA = "11111111-1111-4111-8111-111111111111";
const char* kB = "22222222-2222-4222-8222-222222222222";
const char* kC = "33333333-3333-4333-8333-333333333333";

}  // namespace

TEST_CASE("an online hold waits for the cashier, who confirms it into the book") {
  EnrolledStore st;
  st.page({hold(kA, "pending", "13500135001")});
  CHECK(text(*st.db, "SELECT status FROM online_holds") == "pending");
  CHECK(count(*st.db, "SELECT count(*) FROM appointments") == 0);
  st.page({hold(kA, "pending", "13500135001")});  // sent again: still one
  CHECK(count(*st.db, "SELECT count(*) FROM online_holds") == 1);

  SqliteOnlineHolds holds(*st.db);  // what the Today screen reaches through the back room
  auto pending = holds.pending();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].customerName == "周女士");
  CHECK(pending[0].start == kStart);
  CHECK(pending[0].newCustomer);
  CHECK(pending[0].deadline == 900 + 30 * kMinute);
  CHECK(holds.decide(kA, true, "", auditOf(2000, "beau", "booking.decide", "appointment", kA)) == "confirmed");
  CHECK(holds.pending().empty());
  CHECK(text(*st.db, "SELECT channel || ' ' || state || ' ' || staff || ' ' || booked_by FROM appointments") ==
        "web booked beau beau");
  CHECK(text(*st.db, "SELECT status || ' ' || consent_status FROM customers WHERE phone = '13500135001'") ==
        "pending_review agreed");
  CHECK(text(*st.db, "SELECT payload FROM outbox WHERE type = 'booking.decided'") ==
        nlohmann::json{{"appointment", kA}, {"decision", "confirmed"}, {"reason", ""}}.dump());
  CHECK(count(*st.db, "SELECT count(*) FROM outbox WHERE type IN ('customer.registered', 'appointment.booked')") == 2);
  CHECK_THROWS_AS(st.db->write([&](SQLite::Database& s) { decideOnlineHold(s, kA, false, "", "beau", 2100); }),
                  DomainError);
}

TEST_CASE("with auto-confirm a free slot is booked at once, a taken one declined, and head office's decline cancels") {
  EnrolledStore st;
  st.page({{"setting", "online.auto_confirm", R"({"key":"online.auto_confirm","value":"true"})"},
           hold(kA, "pending", "13500135001"), hold(kB, "pending", "13500135002", kStart + 30 * kMinute)});
  CHECK(text(*st.db, "SELECT group_concat(status || ':' || reason, ',') FROM (SELECT * FROM online_holds ORDER BY start_at)") ==
        "confirmed:,declined:slot_taken");
  CHECK(text(*st.db, "SELECT booked_by || ' ' || state FROM appointments") == "head-office booked");
  CHECK(count(*st.db, "SELECT count(*) FROM staff WHERE code = 'head-office' AND active = 0") == 1);
  CHECK(count(*st.db, "SELECT count(*) FROM customers") == 1);  // the declined one made no file
  CHECK(count(*st.db, "SELECT count(*) FROM outbox WHERE type = 'booking.decided'") == 2);

  // head office declined it after all (e.g. the store answered too late): the booking is cancelled
  st.page({hold(kA, "declined", "13500135001", kStart, "store_offline")}, 3000);
  CHECK(text(*st.db, "SELECT state FROM appointments WHERE id = '" + std::string(kA) + "'") == "cancelled");
  CHECK(text(*st.db, "SELECT status || ':' || reason FROM online_holds WHERE appointment_id = '" + std::string(kA) + "'") ==
        "declined:store_offline");
  // a malformed hold is skipped and named, the page moves on
  st.page({{"booking.hold", kC, R"({"appointment":"x"})"}}, 4000);
  CHECK(count(*st.db, "SELECT count(*) FROM online_holds") == 2);
}
