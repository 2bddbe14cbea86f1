// salon-kiosk care …: customer care from the files (顾客档案的灵活运用): the
// birthday, lapsed, care-reminder and follow-up lists, logging each contact,
// satisfaction per staff member, member events and a customer's care summary.
#include <iostream>
#include <memory>
#include <set>
#include <tuple>

#include "app/cli/appointment_cli.h"
#include "app/core/care.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/appointment_store.h"
#include "storage/care_lists.h"
#include "storage/care_store.h"
#include "storage/salon_events.h"
#include "storage/settings_store.h"

namespace salon::cli {
namespace {

struct Args {
  std::string db, staff, list, date, customer, kind, outcome, channel = "phone", note, ref, id, from, to;
  std::string title, topic, start, place, event;
  int satisfaction = 0, days = 0, limit = 200;
  std::int64_t after = 0;
  bool json = false;
};

int intSetting(Session& s, const std::string& key, int fallback) {
  auto v = storage::guarded([&] { return storage::readSetting(s.db->sql(), key); });
  if (!v || v->empty()) return fallback;
  try {
    return std::stoi(*v);
  } catch (const std::exception&) {
    throw DomainError("setting_invalid", key + " " + *v);
  }
}

nlohmann::json taskJson(const CareTask& t, const std::string& ref) {
  nlohmann::json j{{"kind", careKindName(t.kind)},
                   {"customer_id", t.customer.id},
                   {"customer", t.customer.name},
                   {"phone", t.customer.phone},
                   {"due", formatDate(t.due)},
                   {"ref", ref},
                   {"marketing_opt_in", t.customer.marketingOptIn}};
  return j;
}

int runList(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  s.guard->require(s.me, Action::ContactCustomer, "care", a.list);
  CivilDate today = dateArg(a.date, s);
  Instant now = a.date.empty() ? s.now() : startOfLocalDay(today, s.zone) + 12 * kHour;
  nlohmann::json out = nlohmann::json::array();
  if (a.limit < 1 || a.limit > 10000) throw DomainError("bad_input", "--limit 1..10000");
  if (a.list != "followups") {
    storage::CareListRequest r{a.list, today, now, s.zone, a.days, intSetting(s, "care.lapse_days", 90), a.limit, a.after};
    storage::CareListResult got = storage::careList(s.db->sql(), r);
    for (const CareTask& t : got.tasks) {
      nlohmann::json j = taskJson(t, storage::careRef(t));
      if (t.kind == CareKind::Lapsed) j["last_visit"] = formatDate(t.due);
      if (t.kind == CareKind::CareReminder) j.update({{"season", got.season}, {"uses", t.customer.careProducts}});
      out.push_back(j);
    }
    // More after this customer: --after NEXT continues the list.
    if (got.next) std::cerr << "more: --after " << got.next << "\n";
  } else if (a.list == "followups") {
    int after = intSetting(s, "care.followup_after_days", 1), window = a.days ? a.days : 7;
    auto visits = storage::visitsBetween(s.db->sql(), now - (after + window + 2) * kDay, now);
    for (const VisitToFollow& v : followUpsDue(visits, now, s.zone, after, window)) {
      if (storage::careHandled(s.db->sql(), v.customer, "followup", std::to_string(v.visitId))) continue;
      out.push_back({{"kind", "followup"}, {"customer_id", v.customer}, {"customer", v.name}, {"phone", v.phone},
                     {"visit", v.visitId}, {"ref", std::to_string(v.visitId)}, {"service", v.service},
                     {"staff", v.staff}, {"visited", formatLocalDateTime(v.at, s.zone)},
                     {"question", "care.followup_question"}});
    }
  } else {
    throw DomainError("bad_input", "list " + a.list + " (birthdays|lapsed|reminders|followups)");
  }
  s.auditView("care_list", a.list + " " + formatDate(today), "customer care");
  printList(out, a.json, {"kind", "due", "customer", "phone", "ref"});
  return 0;
}

int runContact(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  storage::SqliteCareContactStore store(*s.db);
  CareContacts contacts(store, *s.guard, *s.clock);
  CareContact c;
  c.id = a.id;
  c.customer = storage::findCustomer(s.db->sql(), a.customer).id;
  c.kind = a.kind;
  c.ref = a.ref;
  c.channel = a.channel;
  c.outcome = a.outcome;
  c.note = a.note;
  c.satisfaction = a.satisfaction;
  CareContact logged = contacts.record(s.me, c);
  printList(contactJson(logged, s.zone), a.json, {"id", "kind", "outcome", "at"});
  return 0;
}

int runSatisfaction(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  s.guard->require(s.me, Action::ViewReports, "report", "satisfaction");
  CivilDate from = dateArg(a.from, s), to = dateArg(a.to, s);
  if (to < from) throw DomainError("bad_input", "--to before --from");
  auto rows = satisfactionByStaff(storage::followUpsBetween(s.db->sql(), startOfLocalDay(from, s.zone),
                                                            startOfLocalDay(to, s.zone) + kDay));
  nlohmann::json out = nlohmann::json::array();
  for (const SatisfactionRow& r : rows) {
    nlohmann::json counts = nlohmann::json::array();
    for (int n : r.counts) counts.push_back(n);
    // The average in hundredths keeps the JSON exact.
    out.push_back({{"staff", r.staff}, {"answered", r.answered},
                   {"average_x100", r.answered ? (r.sum * 100 + r.answered / 2) / r.answered : 0}, {"counts", counts}});
  }
  s.audit->append(auditOf(s.now(), s.me.code, "report.view", "report", "satisfaction",
                          formatDate(from) + ".." + formatDate(to)));
  printList(out, a.json, {"staff", "answered", "average_x100", "counts"});
  return 0;
}

int runInterval(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  CustomerSummary c = storage::findCustomer(s.db->sql(), a.customer);
  s.guard->require(s.me, Action::RecordServiceDetails, "customer", std::to_string(c.id));
  if (a.days < 1 || a.days > 366) throw DomainError("bad_input", "--days 1..366");
  s.db->write([&](SQLite::Database& db) {
    storage::setCareInterval(db, c.id, a.days, s.me.code, s.now());
    storage::appendAudit(db, auditOf(s.now(), s.me.code, "care.interval", "customer", c.fileNo,
                                     std::to_string(a.days) + " days", "care_plan"));
  });
  printList({{"customer", c.fileNo}, {"interval_days", a.days}}, a.json, {"customer", "interval_days"});
  return 0;
}

SalonEvent loadEvent(Session& s, const std::string& id) {
  auto e = storage::findEvent(s.db->sql(), id);
  if (!e) throw DomainError("not_found", "event " + id);
  return *e;
}

nlohmann::json eventJson(const SalonEvent& e, StoreZone zone) {
  return {{"id", e.id}, {"title", e.title}, {"topic", e.topic}, {"start", formatLocalDateTime(e.startsAt, zone)},
          {"place", e.place}};
}

int runEventCreate(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  s.guard->require(s.me, Action::PlanEvents, "event", a.title);
  SalonEvent e{a.id.empty() ? newUuid() : a.id, a.title, a.topic, parseLocalDateTime(a.start, s.zone), a.place};
  if (e.title.empty() || e.topic.empty()) throw DomainError("bad_input", "--title and --topic");
  if (e.startsAt < s.now()) throw DomainError("bad_input", "the event starts in the past");
  if (!storage::findEvent(s.db->sql(), e.id)) {
    s.db->write([&](SQLite::Database& db) {
      storage::insertEvent(db, e, s.me.code, s.now());
      storage::appendAudit(db, auditOf(s.now(), s.me.code, "event.created", "event", e.id, e.title));
      storage::appendOutbox(db, {e.id, "event.created", eventJson(e, s.zone).dump(), s.now()});
    });
  }
  printList(eventJson(loadEvent(s, e.id), s.zone), a.json, {"id", "start", "title"});
  return 0;
}

int runEventInvitees(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  s.guard->require(s.me, Action::ContactCustomer, "event", a.event);
  SalonEvent e = loadEvent(s, a.event);
  auto invited = storage::contactedFor(s.db->sql(), "event_invite", e.id);
  nlohmann::json out = nlohmann::json::array();
  storage::CarePage page;
  page.filter = storage::CareFilter::OptedIn;
  storage::forEachCarePage(s.db->sql(), page, [&](const std::vector<CareCandidate>& some) {
    for (const CareCandidate& c : eventInvitees(some, e.topic, invited))
      out.push_back({{"customer_id", c.id}, {"customer", c.name}, {"phone", c.phone}, {"interests", c.eventInterests},
                     {"event", e.id}});
    return out.size() < 10000;  // a phone list longer than that is not worked through at a counter
  });
  s.auditView("event", e.id, "event invitation", "basic,events");
  printList(out, a.json, {"customer", "phone", "interests"});
  return 0;
}

int runEventAttend(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  SalonEvent e = loadEvent(s, a.event);
  CustomerSummary c = storage::findCustomer(s.db->sql(), a.customer);
  s.guard->require(s.me, Action::ContactCustomer, "customer", std::to_string(c.id));
  bool added = storage::attendEvent(*s.db, e, c.id, s.me.code, s.now(), s.zone);
  nlohmann::json out{{"event", e.id}, {"customer", c.fileNo}, {"recorded", added},
                     {"attendees", storage::attendeesOf(s.db->sql(), e.id).size()}};
  printList(out, a.json, {"event", "customer", "recorded", "attendees"});
  return 0;
}

int runSummary(const Invocation& inv, const Args& a) {
  Session s = openSession(inv, a.db, a.staff);
  // Checked before the lookup, so a role without file access learns nothing.
  s.guard->require(s.me, Action::ViewCustomerFile, "customer", a.customer);
  CustomerSummary c = storage::findCustomer(s.db->sql(), a.customer);
  storage::SqliteAppointmentStore book(*s.db);
  nlohmann::json upcoming = nlohmann::json::array(), events = nlohmann::json::array(),
                 contacts = nlohmann::json::array();
  SQLite::Statement q(s.db->sql(), "SELECT id FROM appointments WHERE customer_id = ? AND state IN ('booked', 'checked_in')"
                                   " AND end_at > ? ORDER BY start_at LIMIT 20");
  q.bind(1, static_cast<std::int64_t>(c.id));
  q.bind(2, static_cast<std::int64_t>(s.now()));
  while (q.executeStep())
    if (auto ap = book.appointment(q.getColumn(0).getString())) upcoming.push_back(appointmentJson(*ap, s.zone));
  for (const auto& ev : storage::eventsAttended(s.db->sql(), c.id)) {
    nlohmann::json j = eventJson(ev.event, s.zone);
    j["recorded_at"] = formatLocalDateTime(ev.at, s.zone);
    events.push_back(j);
  }
  for (const CareContact& k : storage::contactsOf(s.db->sql(), c.id, 20)) contacts.push_back(contactJson(k, s.zone));
  nlohmann::json out{{"customer_id", c.id},
                     {"file_no", c.fileNo},
                     {"name", c.name},
                     {"no_shows", storage::noShowsOf(s.db->sql(), c.id)},
                     {"upcoming", upcoming},
                     {"events_attended", events},
                     {"contacts", contacts}};
  s.auditView("customer", c.fileNo, "customer care", "basic,events,appointments,contacts");
  printList(out, a.json, {"file_no", "name", "no_shows"});
  return 0;
}

}  // namespace

void addCareCommands(CLI::App& app, Invocation& inv) {
  auto args = std::make_shared<Args>();
  auto* group = app.add_subcommand("care", "Customer care from the files (顾客关怀)");
  group->require_subcommand(1);
  auto* list = staffCommand<Args>(group, inv, args, "list", "birthdays|lapsed|reminders|followups", runList);
  list->add_option("list", args->list, "birthdays|lapsed|reminders|followups")->required();
  list->add_option("--date", args->date, "Today (YYYY-MM-DD, default today)");
  list->add_option("--days", args->days, "birthdays: days ahead; lapsed: days away; reminders/followups: window");
  list->add_option("--limit", args->limit, "At most this many tasks (default 200; the rest: --after)");
  list->add_option("--after", args->after, "Continue after this customer id (printed on stderr as more: --after N)");

  auto* contact = staffCommand<Args>(group, inv, args, "contact", "Log a call or message (done/skipped/no_answer)", runContact);
  contact->add_option("--customer", args->customer, "Phone, file number or member number")->required();
  contact->add_option("--kind", args->kind, "reminder|late|no_show|rebook|birthday_gift|birthday_greeting|"
                                            "care_reminder|seasonal|lapsed|followup|event_invite")->required();
  contact->add_option("--outcome", args->outcome, "done|skipped|no_answer")->required();
  contact->add_option("--channel", args->channel, "phone|sms|wechat|in_person");
  contact->add_option("--note", args->note, "What was said; a lapsed customer's reason");
  contact->add_option("--ref", args->ref, "Appointment id, visit id, event id or the list's ref");
  contact->add_option("--satisfaction", args->satisfaction, "Follow-ups: 1..5");
  contact->add_option("--id", args->id, "A UUID for this contact (a retry logs it once)");

  auto* report = group->add_subcommand("report", "Care reports");
  report->require_subcommand(1);
  auto* sat = staffCommand<Args>(report, inv, args, "satisfaction", "Follow-up satisfaction per staff member", runSatisfaction);
  sat->add_option("--from", args->from, "YYYY-MM-DD")->required();
  sat->add_option("--to", args->to, "YYYY-MM-DD")->required();

  auto* interval = staffCommand<Args>(group, inv, args, "interval", "Set the care plan's regular-care interval", runInterval);
  interval->add_option("--customer", args->customer)->required();
  interval->add_option("--days", args->days)->required();

  auto* event = group->add_subcommand("event", "Member events (沙龙活动)");
  event->require_subcommand(1);
  auto* create = staffCommand<Args>(event, inv, args, "create", "Create an event", runEventCreate);
  create->add_option("--title", args->title)->required();
  create->add_option("--topic", args->topic, "Matched against customers' event interests")->required();
  create->add_option("--start", args->start, "YYYY-MM-DD HH:MM")->required();
  create->add_option("--place", args->place);
  create->add_option("--id", args->id);
  staffCommand<Args>(event, inv, args, "invitees", "Opted-in customers interested in the topic, not invited yet", runEventInvitees)
      ->add_option("--event", args->event)->required();
  auto* attend = staffCommand<Args>(event, inv, args, "attend", "Record that a customer came", runEventAttend);
  attend->add_option("--event", args->event)->required();
  attend->add_option("--customer", args->customer)->required();

  staffCommand<Args>(group, inv, args, "summary", "A customer's no-shows, upcoming bookings, events and contacts", runSummary)
      ->add_option("--customer", args->customer)->required();
}

}  // namespace salon::cli
