// salon-kiosk appointments …: the appointment book headless (客户预约管理):
// list, book, move, check-in, no-show, cancel, complete, reminders, late, absent,
// briefing and view (the day view model). Boarding stays: boarding_commands.cpp.
#include <iostream>
#include <memory>
#include <set>

#include "app/cli/appointment_cli.h"
#include "app/core/briefing.h"
#include "app/core/customer_files.h"
#include "app/core/day_view.h"
#include "app/core/error.h"
#include "app/core/text_rules.h"
#include "storage/appointment_store.h"
#include "storage/care_store.h"
#include "storage/catalog_store.h"
#include "storage/check_in_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_store.h"
#include "storage/settings_store.h"
#include "storage/staff_store.h"

namespace salon::cli {
namespace {

struct Args {
  std::string db, staff, date, id, start, member, method = "phone", reason, input = "-";
  long grace = 15;
  int days = 1;
  bool json = false;
};

std::string setting(Session& s, const std::string& key, const std::string& fallback = "") {
  auto v = storage::guarded([&] { return storage::readSetting(s.db->sql(), key); });
  return v ? *v : fallback;
}

struct Book {
  Session s;
  storage::SqliteAppointmentStore store;
  Appointments appointments;
  explicit Book(Session session)
      : s(std::move(session)),
        store(*s.db),
        appointments(store, *s.guard, *s.clock, s.zone, parsePriorityHolds(setting(s, "appointments.priority_holds"))) {}
};

std::unique_ptr<Book> openBook(const Invocation& inv, const Args& a) {
  return std::make_unique<Book>(openSession(inv, a.db, a.staff));
}

// The customer's name and phone for the calling lists.
nlohmann::json withContact(Session& s, const Appointment& a) {
  nlohmann::json j = appointmentJson(a, s.zone);
  SQLite::Statement q(s.db->sql(), "SELECT name, phone, file_no FROM customers WHERE id = ?");
  q.bind(1, static_cast<std::int64_t>(a.customer));
  if (q.executeStep()) {
    j["customer"] = q.getColumn(0).getString();
    j["phone"] = q.getColumn(1).getString();
    j["file_no"] = q.getColumn(2).getString();
  }
  return j;
}

bool contacted(Session& s, const std::string& kind, const std::string& ref) {
  return !storage::contactedFor(s.db->sql(), kind, ref).empty();
}

std::vector<Staff> activeStaff(Session& s) {
  std::vector<Staff> out;
  for (const Staff& st : storage::SqliteStaffStore(*s.db).listStaff())
    if (st.active) out.push_back(st);
  return out;
}

// Who may be picked for "any qualified": beauticians and anyone a service names,
// not absent that day.
std::vector<std::string> candidates(Session& s, const std::vector<AppointmentService>& services, const CivilDate& day) {
  std::set<std::string> named;
  for (const auto& svc : services) named.insert(svc.qualifiedStaff.begin(), svc.qualifiedStaff.end());
  auto absent = storage::absentOn(s.db->sql(), day);
  std::vector<std::string> out;
  for (const Staff& st : activeStaff(s)) {
    bool off = std::find(absent.begin(), absent.end(), st.code) != absent.end();
    if (!off && (st.role == Role::Beautician || named.count(st.code))) out.push_back(st.code);
  }
  return out;
}

std::vector<AppointmentService> servicesOf(Session& s, const nlohmann::json& codes) {
  PriceBook book = storage::guarded([&] { return storage::loadPriceBook(s.db->sql()); });
  std::vector<AppointmentService> out;
  if (!codes.is_array()) throw DomainError("bad_input", "services: a list of catalog codes");
  for (const auto& c : codes) {
    if (!c.is_string()) throw DomainError("bad_input", "services: a list of catalog codes");
    const CatalogItem& item = book.require(c.get<std::string>());
    if (item.kind != ItemKind::Service || !item.active || item.durationMinutes <= 0)
      throw DomainError("not_a_service", item.code);
    out.push_back({item.code, item.name, item.durationMinutes, item.qualifiedStaff});
  }
  return out;
}


int runBook(const Invocation& inv, const Args& a) {
  nlohmann::json p = readJsonInput(a.input);
  auto b = openBook(inv, a);
  Session& s = b->s;
  CustomerSummary who = storage::findCustomer(s.db->sql(), str(p, "customer"));
  BookingRequest r;
  r.id = str(p, "id");
  if (r.id.empty()) throw DomainError("bad_input", "id (a UUID made by the caller)");
  r.customer = who.id;
  r.isMember = storage::hasPriorityBooking(s.db->sql(), who.id, codeList(setting(s, "appointments.priority_tiers")));
  if (p.contains("pet") && !p["pet"].is_null()) {
    if (!p["pet"].is_number_integer()) throw DomainError("bad_input", "pet: the pet's id");
    r.pet = p["pet"].get<std::int64_t>();
  }
  r.services = servicesOf(s, p.value("services", nlohmann::json::array()));
  r.staff = str(p, "staff");
  r.room = str(p, "room");
  r.start = parseLocalDateTime(str(p, "start"), s.zone);
  r.channel = str(p, "channel", "counter");
  r.note = str(p, "note");
  r.kind = str(p, "kind", "in_store");
  r.address = str(p, "address");
  CivilDate day = localDate(r.start, s.zone);
  if (!r.staff.empty()) {
    auto absent = storage::absentOn(s.db->sql(), day);
    if (std::find(absent.begin(), absent.end(), r.staff) != absent.end()) throw DomainError("staff_absent", r.staff);
  }
  r.staffOnDuty = candidates(s, r.services, day);
  std::vector<VaccinationWarning> warnings;
  if (r.pet) warnings = petWarnings(s, who.id, *r.pet, r.start);
  Appointment booked = b->appointments.book(s.me, r);
  nlohmann::json out = appointmentJson(booked, s.zone);
  out["customer"] = who.name;
  out["no_shows"] = storage::noShowsOf(s.db->sql(), who.id);
  out["vaccination_warnings"] = warningsJson(warnings);
  if (a.json) {
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << booked.id << "\t" << out["start"].get<std::string>() << "\t" << booked.staff << "\n";
    for (const auto& w : warnings)
      std::cerr << (w.expired ? "vaccination expired: " : "vaccination expiring: ") << w.vaccine << " "
                << formatDate(w.expiresOn) << "\n";
  }
  return 0;
}

int runList(const Invocation& inv, const Args& a) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  s.guard->require(s.me, Action::BookAppointment, "appointments", a.date);
  CivilDate day = dateArg(a.date, s);
  if (a.days < 1 || a.days > 31) throw DomainError("bad_input", "--days 1..31");
  nlohmann::json out = nlohmann::json::array();
  // --days 7: the week view, day by day.
  for (int d = 0; d < a.days; ++d)
    for (const Appointment& ap : b->appointments.day(civilFromDays(daysFromCivil(day) + d)))
      if (a.member.empty() || ap.staff == a.member) out.push_back(withContact(s, ap));
  s.auditView("appointments", formatDate(day) + (a.days > 1 ? " +" + std::to_string(a.days) + "d" : ""),
              "appointment book");
  printList(out, a.json, {"start", "end", "staff", "customer", "state", "id"});
  return 0;
}

int runMove(const Invocation& inv, const Args& a) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  Instant start = parseLocalDateTime(a.start, s.zone);
  if (!a.member.empty()) {
    auto absent = storage::absentOn(s.db->sql(), localDate(start, s.zone));
    if (std::find(absent.begin(), absent.end(), a.member) != absent.end()) throw DomainError("staff_absent", a.member);
  }
  auto current = b->store.appointment(a.id);
  bool member = current && storage::hasPriorityBooking(s.db->sql(), current->customer,
                                                       codeList(setting(s, "appointments.priority_tiers")));
  Appointment moved = b->appointments.move(s.me, a.id, start, a.member, member);
  printList(appointmentJson(moved, s.zone), a.json, {"id", "start", "end", "staff"});
  return 0;
}

int runState(const Invocation& inv, const Args& a, const std::string& state) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  Appointment done;
  if (state == "checked_in") {
    storage::SqliteCheckInQueue queue(*s.db);
    done = b->appointments.checkIn(s.me, a.id, queue, a.method);
  } else {
    if (state == "cancelled" && a.reason.empty()) throw DomainError("reason_required", a.id);
    done = b->appointments.setState(s.me, a.id, state, a.reason);
  }
  nlohmann::json out = appointmentJson(done, s.zone);
  out["no_shows"] = storage::noShowsOf(s.db->sql(), done.customer);
  printList(out, a.json, {"id", "state", "start", "staff"});
  return 0;
}

int runReminders(const Invocation& inv, const Args& a) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  s.guard->require(s.me, Action::ContactCustomer, "appointments", "reminders");
  CivilDate today = dateArg(a.date, s);
  nlohmann::json out = nlohmann::json::array();
  for (const Appointment& ap : b->appointments.remindersFor(today)) {
    nlohmann::json j = withContact(s, ap);
    j["reminded"] = contacted(s, "reminder", ap.id);
    out.push_back(j);
  }
  s.auditView("appointments", "reminders " + formatDate(today), "reminder");
  printList(out, a.json, {"start", "customer", "phone", "staff", "reminded", "id"});
  return 0;
}

int runLate(const Invocation& inv, const Args& a) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  s.guard->require(s.me, Action::ContactCustomer, "appointments", "late");
  if (a.grace < 0 || a.grace > 24 * 60) throw DomainError("bad_input", "--grace minutes");
  nlohmann::json out = nlohmann::json::array();
  for (const Appointment& ap : b->appointments.lateArrivals(a.grace * kMinute)) {
    nlohmann::json j = withContact(s, ap);
    j["minutes_late"] = (s.now() - ap.start) / kMinute;
    j["called"] = contacted(s, "late", ap.id);
    out.push_back(j);
  }
  s.auditView("appointments", "late", "late arrival call");
  printList(out, a.json, {"start", "customer", "phone", "minutes_late", "id"});
  return 0;
}

// Qualified staff free for the same time (not absent): rebooking suggestions.
nlohmann::json alternatives(Book& b, const Appointment& ap) {
  nlohmann::json out = nlohmann::json::array();
  Session& s = b.s;
  for (const std::string& code : candidates(s, ap.services, localDate(ap.start, s.zone))) {
    if (code == ap.staff) continue;
    bool ok = std::all_of(ap.services.begin(), ap.services.end(), [&](const auto& svc) { return qualifies(svc, code); });
    if (!ok) continue;
    Appointment probe = ap;
    probe.staff = code;
    probe.room.clear();
    probe.pet.reset();
    bool free = true;
    for (const Appointment& other : b.store.clashes(probe))
      if (other.staff == code && overlaps(probe, other)) free = false;
    if (free) out.push_back(code);
  }
  return out;
}

std::vector<AppointmentService> withQualified(Session& s, std::vector<AppointmentService> services) {
  PriceBook book = storage::guarded([&] { return storage::loadPriceBook(s.db->sql()); });
  for (auto& svc : services)
    if (const CatalogItem* item = book.item(svc.itemCode)) svc.qualifiedStaff = item->qualifiedStaff;
  return services;
}

int runAbsent(const Invocation& inv, const Args& a) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  s.guard->require(s.me, Action::BookAppointment, "staff", a.member);
  CivilDate day = dateArg(a.date, s);
  if (!storage::SqliteStaffStore(*s.db).findStaff(a.member)) throw DomainError("unknown_staff", a.member);
  s.db->write([&](SQLite::Database& db) {
    storage::recordAbsence(db, a.member, day, a.reason, s.me.code, s.now());
    storage::appendAudit(db, auditOf(s.now(), s.me.code, "staff.absent", "staff", a.member,
                                     formatDate(day) + (a.reason.empty() ? "" : " " + a.reason)));
  });
  nlohmann::json out = nlohmann::json::array();
  for (Appointment ap : b->appointments.toRebook(a.member, day)) {
    ap.services = withQualified(s, ap.services);
    nlohmann::json j = withContact(s, ap);
    j["alternatives"] = alternatives(*b, ap);
    j["contacted"] = contacted(s, "rebook", ap.id);
    out.push_back(j);
  }
  s.auditView("appointments", "rebook " + a.member + " " + formatDate(day), "rebooking");
  printList(out, a.json, {"start", "customer", "phone", "alternatives", "contacted", "id"});
  return 0;
}

nlohmann::json briefingJson(const Briefing& b, StoreZone zone) {
  nlohmann::json pets = nlohmann::json::array();
  for (const auto& p : b.pets)
    pets.push_back({{"id", p.id}, {"name", p.name}, {"species", p.species}, {"temperament", p.temperament},
                    {"health_notes", p.healthNotes}, {"vaccination_warnings", warningsJson(p.warnings)}});
  return {{"appointment", appointmentJson(b.appointment, zone)},
          {"customer", b.name},
          {"file_no", b.fileNo},
          {"member", b.member},
          {"no_shows", b.noShows},
          {"health_alert", b.healthAlert()},
          {"health", {{"allergies", b.allergies}, {"skin_sensitivity", b.skinSensitivity},
                      {"illnesses", b.illnesses}, {"medication", b.medication}}},
          {"care_plan", {{"devices", b.careDevices}, {"techniques", b.careTechniques}, {"products", b.careProducts}}},
          {"preferences", {{"pressure", b.pressure}, {"topics", b.topics}, {"massage_wishes", b.massageWishes}}},
          {"recommend", {{"recommended_items", b.recommendedItems}, {"next_push_items", b.nextPushItems}}},
          {"last_visit", {{"service", b.lastService}, {"effect", b.lastEffect}, {"staff", b.lastStaff}}},
          {"pets", pets}};
}

int runBriefing(const Invocation& inv, const Args& a) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  CivilDate day = a.date.empty() ? civilFromDays(daysFromCivil(localDate(s.now(), s.zone)) + 1) : dateArg(a.date, s);
  // Refused up front, not only when a file is opened: an empty day must not tell
  // a role without file access that the book is empty.
  s.guard->require(s.me, Action::ViewCustomerFile, "appointments", "briefing");
  storage::SqliteCustomerFileStore files(*s.db);
  NameKeyMaker keys;
  storage::SqliteCustomerDirectory directory(*s.db, keys);
  CustomerFiles service(files, directory, *s.audit, *s.clock, keys, s.zone);
  nlohmann::json out = nlohmann::json::array();
  for (const Appointment& ap : b->appointments.day(day)) {
    if (ap.state != "booked" && ap.state != "checked_in") continue;
    // Each file opened is audited as a view for the purpose "service".
    CustomerFile f = service.open(s.me, ap.customer, "service", briefingSections());
    out.push_back(briefingJson(briefingOf(ap, f, storage::noShowsOf(s.db->sql(), ap.customer), day), s.zone));
  }
  if (a.json) {
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const auto& j : out)
    std::cout << j["appointment"]["start"].get<std::string>() << "\t" << j["customer"].get<std::string>()
              << (j["health_alert"].get<bool>() ? "\t⚠ " + j["health"]["allergies"].get<std::string>() : "") << "\n";
  return 0;
}

nlohmann::json dayViewJson(const DayView& v) {
  nlohmann::json cols = nlohmann::json::array();
  for (const StaffColumn& c : v.columns) {
    nlohmann::json slots = nlohmann::json::array(), gaps = nlohmann::json::array();
    for (const DaySlot& sl : c.slots)
      slots.push_back({{"id", sl.appointmentId}, {"customer", sl.customerName}, {"from", sl.startMinute},
                       {"to", sl.endMinute}, {"state", sl.state}, {"services", sl.services}, {"room", sl.room},
                       {"home_visit", sl.homeVisit}});
    for (const FreeGap& g : c.gaps) gaps.push_back({{"from", g.startMinute}, {"to", g.endMinute}});
    cols.push_back({{"staff", c.staff}, {"name", c.name}, {"absent", c.absent}, {"slots", slots}, {"gaps", gaps}});
  }
  return {{"date", formatDate(v.date)}, {"open", v.openMinute}, {"close", v.closeMinute}, {"live", v.live},
          {"columns", cols}};
}

int minuteSetting(Session& s, const std::string& key, int fallback) {
  std::string v = setting(s, key);
  if (v.empty()) return fallback;
  try {
    return static_cast<int>(parseLocalDateTime("2000-01-01 " + v, StoreZone{0}) - startOfLocalDay({2000, 1, 1}, StoreZone{0})) /
           static_cast<int>(kMinute);
  } catch (const DomainError&) {
    throw DomainError("setting_invalid", key + " " + v);
  }
}

int runView(const Invocation& inv, const Args& a) {
  auto b = openBook(inv, a);
  Session& s = b->s;
  s.guard->require(s.me, Action::BookAppointment, "appointments", a.date);
  CivilDate day = dateArg(a.date, s);
  auto absent = storage::absentOn(s.db->sql(), day);
  std::vector<RosterEntry> roster;
  for (const Staff& st : activeStaff(s))
    if (st.role == Role::Beautician || std::find(absent.begin(), absent.end(), st.code) != absent.end())
      roster.push_back({st.code, st.name, std::find(absent.begin(), absent.end(), st.code) != absent.end()});
  auto list = b->appointments.day(day);
  std::vector<CustomerId> ids;
  for (const auto& ap : list) ids.push_back(ap.customer);
  DayHours hours{minuteSetting(s, "appointments.open", 9 * 60), minuteSetting(s, "appointments.close", 21 * 60), 15};
  DayView v = buildDayView(day, s.zone, roster, list, storage::customerNames(s.db->sql(), ids), hours);
  s.auditView("appointments", formatDate(day), "appointment book");
  std::cout << dayViewJson(v).dump(a.json ? 2 : -1) << "\n";
  return 0;
}

}  // namespace

void addAppointmentCommands(CLI::App& app, Invocation& inv) {
  auto args = std::make_shared<Args>();
  auto* group = app.add_subcommand("appointments", "The appointment book (客户预约管理)");
  group->require_subcommand(1);
  staffCommand<Args>(group, inv, args, "list", "A day's appointments", runList)
      ->add_option("--date", args->date, "YYYY-MM-DD (default today)");
  group->get_subcommand("list")->add_option("--staff-member", args->member, "Only this staff member's");
  group->get_subcommand("list")->add_option("--days", args->days, "How many days from --date (7 = the week)");
  staffCommand<Args>(group, inv, args, "book", "Book from a JSON payload (--json - reads stdin)", runBook)
      ->add_option("input", args->input, "The payload file, or - for stdin (default)");
  auto* move = staffCommand<Args>(group, inv, args, "move", "Move to a new start and/or staff member", runMove);
  move->add_option("--id", args->id)->required();
  move->add_option("--start", args->start, "YYYY-MM-DD HH:MM store time")->required();
  move->add_option("--staff-member", args->member, "The new staff member");
  struct StateCmd {
    const char* name;
    const char* state;
    const char* help;
  };
  for (StateCmd c : {StateCmd{"check-in", "checked_in", "Customer arrived: joins today's queue"},
                     StateCmd{"no-show", "no_show", "Customer did not come (counted per customer)"},
                     StateCmd{"cancel", "cancelled", "Cancel (a reason is required)"},
                     StateCmd{"complete", "completed", "Service done"}}) {
    std::string state = c.state;
    auto* sub = staffCommand<Args>(group, inv, args, c.name, c.help,
                        [state](const Invocation& i, const Args& a) { return runState(i, a, state); });
    sub->add_option("--id", args->id)->required();
    sub->add_option("--reason", args->reason);
    if (state == "checked_in") sub->add_option("--method", args->method, "phone|card|qr (how they were found)");
  }
  staffCommand<Args>(group, inv, args, "reminders", "Tomorrow's reminder list with contacts", runReminders)
      ->add_option("--date", args->date, "Today (default today); lists the next day");
  staffCommand<Args>(group, inv, args, "late", "Booked customers not here GRACE minutes after the start", runLate)
      ->add_option("--grace", args->grace, "Minutes (default 15)");
  auto* absent = staffCommand<Args>(group, inv, args, "absent", "Record an absence; list appointments to rebook", runAbsent);
  absent->add_option("--staff-member", args->member)->required();
  absent->add_option("--date", args->date, "YYYY-MM-DD (default today)");
  absent->add_option("--reason", args->reason);
  staffCommand<Args>(group, inv, args, "briefing", "The day's customers' files, read before the day (default tomorrow)",
          runBriefing)
      ->add_option("--date", args->date, "YYYY-MM-DD (default tomorrow)");
  staffCommand<Args>(group, inv, args, "view", "The day view model: staff columns and free gaps", runView)
      ->add_option("--date", args->date, "YYYY-MM-DD (default today)");

  addBoardingCommands(group, inv);
}

}  // namespace salon::cli
