#include "storage/care_lists.h"

#include <algorithm>
#include <cstdio>

#include "app/core/error.h"
#include "storage/settings_store.h"

namespace salon::storage {
namespace {

std::string monthDay(const CivilDate& d) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d-%02d", d.month % 100, d.day % 100);
  return buf;
}

// The month-days whose birthdays fall on `d` this year: 29 February counts on
// the 28th in a year without one.
void birthdaysOn(const CivilDate& d, std::vector<std::string>& out) {
  out.push_back(monthDay(d));
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 28 && !leap) out.push_back("02-29");
}

CarePage pageFor(const CareListRequest& r, int ahead) {
  CarePage p;
  p.after = r.after;
  p.limit = r.pageSize;
  if (r.list == "birthdays") {
    p.filter = CareFilter::Birthdays;
    birthdaysOn(r.today, p.monthDays);
    birthdaysOn(civilFromDays(daysFromCivil(r.today) + ahead), p.monthDays);
  } else if (r.list == "reminders") {
    p.filter = CareFilter::CarePlan;
  } else if (r.list != "lapsed") {
    throw DomainError("bad_input", "list " + r.list + " (birthdays|lapsed|reminders|followups)");
  }
  return p;
}

std::vector<CareTask> tasksOf(const CareListRequest& r, const std::vector<CareCandidate>& page) {
  if (r.list == "birthdays") return birthdayTasks(page, r.today, r.days ? r.days : 7);
  if (r.list == "lapsed") return lapsedTasks(page, r.now, r.zone, r.days ? r.days : r.lapseDays);
  return careReminderTasks(page, r.now, r.zone, r.days ? r.days : 14);
}

}  // namespace

CareListResult careList(SQLite::Database& db, const CareListRequest& r) {
  if (r.limit <= 0 || r.pageSize <= 0) throw DomainError("bad_input", "limit");
  CareListResult out;
  if (r.list == "reminders") out.season = seasonOf(r.today);
  forEachCarePage(db, pageFor(r, r.days ? r.days : 7), [&](const std::vector<CareCandidate>& page) {
    std::vector<CareTask> tasks = tasksOf(r, page);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      const CareTask& t = tasks[i];
      if (!careHandled(db, t.customer.id, careKindName(t.kind), careRef(t))) out.tasks.push_back(t);
      // Stop between customers (a gift and a greeting for one customer stay together).
      bool lastOfCustomer = i + 1 == tasks.size() || tasks[i + 1].customer.id != t.customer.id;
      if (lastOfCustomer && static_cast<int>(out.tasks.size()) >= r.limit) {
        out.next = t.customer.id;
        return false;
      }
    }
    return true;
  });
  return out;
}

CareListResult SqliteCareLists::list(const CareListRequest& request) {
  return guarded([&] { return careList(db_.sql(), request); });
}

int SqliteCareLists::lapseDays() {
  return lapseDaysFrom(guarded([&] { return readSetting(db_.sql(), "care.lapse_days"); }));
}

std::vector<VisitToFollow> SqliteCareLists::visitsBetween(Instant from, Instant to) {
  return storage::visitsBetween(db_.sql(), from, to);
}

bool SqliteCareLists::handled(CustomerId customer, const std::string& kind, const std::string& ref) {
  return careHandled(db_.sql(), customer, kind, ref);
}

std::string SqliteCareLists::lastOutcome(const std::string& kind, const std::string& ref) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(), "SELECT outcome FROM care_contacts WHERE kind = ? AND ref = ? ORDER BY at DESC LIMIT 1");
    q.bind(1, kind);
    q.bind(2, ref);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
  });
}

}  // namespace salon::storage
