// The calls and tomorrow's briefing (WorkLists, appointments_lists.h).
#include <unordered_map>

#include "app/core/briefing.h"
#include "app/core/customer_files.h"
#include "app/core/name_keys.h"
#include "app/kiosk/appointments_lists.h"

namespace salon::kiosk {
namespace {

namespace ab = ui::ab;
constexpr std::int64_t kLateGrace = 15 * kMinute;

std::unordered_map<std::string, std::string> staffNames(DayBook& days) {
  std::unordered_map<std::string, std::string> out;
  for (const Staff& s : days.staffList()) out[s.code] = s.name;
  return out;
}

}  // namespace

void WorkLists::loadCalls() {
  const DeskContext& k = b_.k;
  b_.guard.require(b_.me(), Action::ContactCustomer, "appointments", "calls");
  rows_.clear();
  Appointments book = b_.book();
  auto names = staffNames(b_.days());
  auto add = [&](ab::WorkSection& sec, const Appointment& a, const char* kind, bool withDate, std::string detail) {
    CustomerContact c = b_.days().contact(a.customer);
    std::string when = clockText(minuteOf(a.start, k.zone));
    if (withDate) when = formatDate(localDate(a.start, k.zone)).substr(5) + " " + when;
    ab::WorkRow r = row(std::string(kind) + "." + a.id, {a.customer, kind, a.id, c.marketing});
    r.title = when + "  " + c.name + "  " + c.phone;
    r.detail = std::move(detail);
    sec.rows.push_back(std::move(r));
    return &sec.rows.back();
  };
  ab::WorkSection reminders{b_.t("ui.appointments.reminders"), b_.t("ui.appointments.none"), {}};
  for (const Appointment& a : book.remindersFor(b_.today()))
    add(reminders, a, "reminder", true, servicesOf(a) + " · " + names[a.staff]);
  ab::WorkSection late{b_.t("ui.appointments.late"), b_.t("ui.appointments.none"), {}};
  for (const Appointment& a : book.lateArrivals(kLateGrace))
    add(late, a, "late", false,
        b_.t("ui.appointments.minutes_late") + " " + std::to_string((k.clock.now() - a.start) / kMinute) + " · " +
            servicesOf(a) + " · " + names[a.staff]);
  ab::WorkSection rebook{b_.t("ui.appointments.rebook"), b_.t("ui.appointments.none"), {}};
  for (int d = 0; d < 2; ++d) {
    CivilDate day = plusDays(b_.today(), d);
    for (const std::string& staff : b_.days().absentOn(day))
      for (const Appointment& a : book.toRebook(staff, day))
        add(rebook, a, "rebook", true, servicesOf(a) + " · " + names[a.staff] + " (" + b_.t("ui.appointments.absent") + ")")
            ->alert = b_.t("ui.appointments.rebook_hint");
  }
  b_.view().sections = {std::move(late), std::move(reminders), std::move(rebook)};
  k.audit.append(auditOf(k.clock.now(), b_.me().code, "customer.view", "appointments", "calls " + formatDate(b_.today()),
                         "reminder", "name,phone"));
  callNotes();
}

void WorkLists::callNotes() {
  ui::AppointmentsView& v = b_.view();
  v.notes.clear();
  for (const char* n : {"informed", "will_come", "reschedule", "not_needed", "wrong_number"})
    v.notes.push_back({n, b_.t(std::string("ui.appointments.note.") + n), note_ == b_.t(std::string("ui.appointments.note.") + n)});
  noteEntry();
}

void WorkLists::loadBriefing() {
  const DeskContext& k = b_.k;
  rows_.clear();
  CivilDate tomorrow = plusDays(b_.today(), 1);
  NameKeyMaker keys;
  CustomerFiles service(k.backroom.files(), k.directory, k.audit, k.clock, keys, k.zone);
  auto names = staffNames(b_.days());
  ab::WorkSection sec{b_.t("ui.appointments.briefing_for") + " " + formatDate(tomorrow), b_.t("ui.appointments.none"), {}};
  for (const Appointment& a : b_.book().day(tomorrow)) {
    if (a.state != "booked" && a.state != "checked_in") continue;
    // Each file read is audited as a view for the purpose "service".
    CustomerFile f = service.open(b_.me(), a.customer, "service", briefingSections());
    sec.rows.push_back(briefingRow(a, f, names[a.staff]));
  }
  b_.view().sections = {std::move(sec)};
}

ab::WorkRow WorkLists::briefingRow(const Appointment& a, const CustomerFile& file, const std::string& staffName) {
  Briefing br = briefingOf(a, file, b_.store().noShows(a.customer), plusDays(b_.today(), 1));
  ab::WorkRow r;
  r.key = "brief." + a.id;
  r.title = clockText(minuteOf(a.start, b_.k.zone)) + "  " + br.name + (br.member ? " · " + b_.t("ui.appointments.member") : "") +
            " · " + staffName + " · " + servicesOf(a);
  auto part = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    r.detail += (r.detail.empty() ? "" : "\n") + b_.t(key) + ": " + value;
  };
  part("ui.appointments.brief.care_plan", br.careTechniques + (br.careProducts.empty() ? "" : " " + br.careProducts));
  part("ui.appointments.brief.recommend", br.recommendedItems + (br.nextPushItems.empty() ? "" : " " + br.nextPushItems));
  part("ui.appointments.brief.preferences", br.pressure + (br.topics.empty() ? "" : " " + br.topics));
  part("ui.appointments.brief.last_visit", br.lastService + (br.lastEffect.empty() ? "" : " " + br.lastEffect));
  if (br.noShows) part("ui.appointments.no_shows", std::to_string(br.noShows));
  std::string alert;
  if (!br.allergies.empty()) alert += b_.t("ui.appointments.brief.allergies") + ": " + br.allergies + " ";
  if (!br.illnesses.empty()) alert += b_.t("ui.appointments.brief.illnesses") + ": " + br.illnesses + " ";
  if (!br.medication.empty()) alert += b_.t("ui.appointments.brief.medication") + ": " + br.medication + " ";
  for (const PetBriefing& p : br.pets)
    for (const VaccinationWarning& w : p.warnings)
      alert += p.name + " " + b_.t(w.expired ? "ui.appointments.vaccine_expired" : "ui.appointments.vaccine_expiring") +
               " " + w.vaccine + " " + formatDate(w.expiresOn) + " ";
  r.alert = alert;
  return r;
}

}  // namespace salon::kiosk
