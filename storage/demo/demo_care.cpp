#include "storage/demo/demo_care.h"

#include <SQLiteCpp/VariadicBind.h>

#include <string>
#include <vector>

#include "storage/customer_rows.h"

namespace salon::demo {
namespace {

struct PetOf {
  std::int64_t pet = 0, customer = 0;
};

bool any(SQLite::Database& db, const char* sql) { return SQLite::Statement(db, sql).executeStep(); }

std::string day(const CivilDate& today, int n) { return formatDate(civilFromDays(daysFromCivil(today) + n)); }

void stays(SQLite::Database& db, const CivilDate& today, Instant now) {
  std::vector<PetOf> pets;
  SQLite::Statement q(db, "SELECT id, customer_id FROM pets ORDER BY id LIMIT 3");
  while (q.executeStep()) pets.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
  struct Stay {
    const char *id, *kennel, *feeding, *state;
    int from, to;
  };
  const Stay kStays[] = {{"demo-stay-1", "K1", "早晚各一次，自带狗粮", "booked", 0, 2},
                         {"demo-stay-2", "K2", "每日一次湿粮", "in", -2, 0},
                         {"demo-stay-3", "K3", "干草不限量", "in", -1, 3}};
  for (std::size_t i = 0; i < pets.size(); ++i) {
    const Stay& s = kStays[i];
    SQLite::Statement ins(db, "INSERT INTO boarding_stays (id, customer_id, pet_id, kennel, check_in_on, check_out_on,"
                              " nightly_rate, feeding, state, booked_by, booked_at, checked_in_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, 12000, ?, ?, 'cash', ?, ?)");
    SQLite::bind(ins, s.id, pets[i].customer, pets[i].pet, s.kennel, day(today, s.from), day(today, s.to), s.feeding,
                 s.state, now - 3 * kDay, std::string(s.state) == "in" ? now + s.from * kDay : 0);
    ins.exec();
  }
}

void events(SQLite::Database& db, const CivilDate& today, StoreZone zone, Instant now) {
  const Instant midnight = startOfLocalDay(today, zone);
  SQLite::Statement ev(db, "INSERT INTO salon_events VALUES (?, ?, ?, ?, ?, 'mgr', ?)");
  SQLite::bind(ev, "demo-event-today", "美甲体验日", "美甲", midnight + 15 * kHour, "一楼", now - 7 * kDay);
  ev.exec();
  ev.reset();
  SQLite::bind(ev, "demo-event-soon", "冬季护肤讲座", "护肤", midnight + 5 * kDay + 14 * kHour, "二楼", now - kDay);
  ev.exec();
  // The showcase members (opted in to marketing) say what they like.
  const char* const kInterests[] = {"护肤讲座, 美甲", "护肤", "美甲, 香薰", "护肤, 美甲"};
  std::vector<std::int64_t> ids;
  SQLite::Statement q(db, "SELECT id FROM customers WHERE marketing_opt_in = 1 ORDER BY id LIMIT 4");
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    SQLite::Statement f(db, "INSERT OR IGNORE INTO customer_fields VALUES (?, 'event_interests', 'value', ?, ?, 'cash')");
    SQLite::bind(f, ids[i], kInterests[i], now);
    f.exec();
    if (i % 2 == 1) continue;  // the first and third were invited to today's
    SQLite::Statement c(db, "INSERT INTO care_contacts (id, customer_id, kind, ref, channel, outcome, staff, at)"
                            " VALUES (?, ?, 'event_invite', 'demo-event-today', 'phone', 'done', 'cash', ?)");
    SQLite::bind(c, "demo-invite-" + std::to_string(i), ids[i], now - 2 * kDay);
    c.exec();
  }
}

}  // namespace

void seedDemoCare(storage::Database& db, const Clock& clock) {
  if (any(db.sql(), "SELECT 1 FROM boarding_stays") || any(db.sql(), "SELECT 1 FROM salon_events")) return;
  const Instant now = clock.now();
  const StoreZone zone = storage::storeZone(db.sql());
  const CivilDate today = localDate(now, zone);
  db.write([&](SQLite::Database& sql) {
    stays(sql, today, now);
    events(sql, today, zone, now);
  });
}

}  // namespace salon::demo
