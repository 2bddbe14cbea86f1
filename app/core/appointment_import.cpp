#include "app/core/appointment_import.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "app/core/error.h"

namespace salon {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The store's appointments plus the file's rows booked so far: a row clashing
// with an earlier row is refused like one clashing with the book. Nothing is
// saved: `save` keeps the appointment for the write.
class ImportBook : public AppointmentStore {
 public:
  explicit ImportBook(AppointmentStore& store) : store_(store) {}
  std::optional<Appointment> appointment(const std::string& id) override { return store_.appointment(id); }
  std::vector<Appointment> clashes(const Appointment& c) override {
    std::vector<Appointment> out = store_.clashes(c);
    for (const Appointment& a : booked)
      if (a.staff == c.staff || (!c.room.empty() && a.room == c.room) || (c.pet && a.pet == c.pet)) out.push_back(a);
    return out;
  }
  std::vector<Appointment> between(Instant from, Instant to) override { return store_.between(from, to); }
  void save(const Appointment& a, const AuditEntry&) override { booked.push_back(a); }
  int noShows(CustomerId customer) override { return store_.noShows(customer); }
  std::vector<Appointment> booked;

 private:
  AppointmentStore& store_;
};

// 2026-12-08, 2026/12/8, 2026.12.8.
CivilDate dateCell(const std::string& cell) {
  std::string t = trimCell(cell);
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  char buf[16];
  if (std::sscanf(t.c_str(), "%d%c%d%c%d", &y, &a, &m, &b, &d) == 5 && a == b && (a == '/' || a == '.' || a == '-'))
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else
    throw DomainError("date_invalid", t);
  CivilDate out;
  if (!parseDate(buf, out)) throw DomainError("date_invalid", t);
  return out;
}

// 9:30, 14:30, 14:30:00 → minutes after midnight.
int timeCell(const std::string& cell) {
  std::string t = trimCell(cell);
  int h = -1, m = -1, s = 0;
  char tail = 0;
  int n = std::sscanf(t.c_str(), "%d:%d:%d%c", &h, &m, &s, &tail);
  if ((n != 2 && n != 3) || h < 0 || h > 23 || m < 0 || m > 59 || s != 0) throw DomainError("time_invalid", t);
  return h * 60 + m;
}

// "面部护理、肩颈按摩" or "S-FACIAL+S-MASSAGE": each by code or name, active services only.
std::vector<AppointmentService> servicesCell(const std::string& cell, const std::vector<CatalogItem>& catalog) {
  std::string text = trimCell(cell);
  for (const std::string sep : {"、", "+", "/", "；", ";"})
    for (std::size_t p; (p = text.find(sep)) != std::string::npos;) text.replace(p, sep.size(), ",");
  std::vector<AppointmentService> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string name = trimCell(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!name.empty()) {
      auto it = std::find_if(catalog.begin(), catalog.end(), [&](const CatalogItem& i) {
        return i.kind == ItemKind::Service && i.active && i.durationMinutes > 0 && (i.code == name || i.name == name);
      });
      if (it == catalog.end()) throw DomainError("service_unknown", name);
      out.push_back({it->code, it->name, it->durationMinutes, it->qualifiedStaff});
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (out.empty()) throw DomainError("service_unknown", "(empty)");
  return out;
}

// A staff member by code or name; "" = anyone qualified.
std::string staffCell(const std::string& cell, const std::vector<Staff>& staff) {
  std::string t = trimCell(cell);
  if (t.empty() || t == "任意" || lower(t) == "any") return "";
  for (const Staff& s : staff)
    if (s.active && (s.code == t || s.name == t)) return s.code;
  throw DomainError("staff_unknown", t);
}

struct Columns {
  std::map<std::string, std::size_t> at;  // target → column
  std::size_t width = 0;
  std::string cell(const CsvRecord& r, const char* target) const {
    auto it = at.find(target);
    return it == at.end() ? "" : csvCellText(r.fields[it->second]);
  }
};

Columns columnsOf(const CsvRecord& header, const std::map<std::string, std::string>& map) {
  Columns c;
  c.width = header.fields.size();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    auto m = map.find(trimCell(header.fields[i]));
    std::string t = m != map.end() ? m->second : appointmentTargetOf(header.fields[i]);
    if (!t.empty() && !c.at.count(t)) c.at[t] = i;
  }
  for (const char* needed : {"date", "time", "customer", "service"})
    if (!c.at.count(needed)) throw DomainError("import_column_missing", needed);
  return c;
}

}  // namespace

std::string appointmentTargetOf(const std::string& header) {
  static const std::map<std::string, std::string> kAliases = {
      {"日期", "date"},        {"预约日期", "date"},     {"到店日期", "date"},     {"date", "date"},
      {"时间", "time"},        {"预约时间", "time"},     {"开始时间", "time"},     {"到店时间", "time"},
      {"time", "time"},        {"start", "time"},       {"手机", "customer"},     {"手机号", "customer"},
      {"手机号码", "customer"}, {"电话", "customer"},    {"联系电话", "customer"}, {"会员卡号", "customer"},
      {"卡号", "customer"},    {"顾客", "customer"},     {"客户", "customer"},     {"customer", "customer"},
      {"phone", "customer"},   {"card", "customer"},    {"card_no", "customer"},  {"member_no", "customer"},
      {"项目", "service"},     {"服务", "service"},      {"服务项目", "service"},  {"预约项目", "service"},
      {"项目名称", "service"}, {"项目编码", "service"},  {"service", "service"},   {"美容师", "staff"},
      {"技师", "staff"},       {"员工", "staff"},        {"服务人员", "staff"},    {"发型师", "staff"},
      {"staff", "staff"},      {"备注", "note"},         {"note", "note"},         {"notes", "note"},
  };
  auto it = kAliases.find(lower(trimCell(header)));
  return it == kAliases.end() ? "" : it->second;
}

namespace {

// What every row is checked against, read once.
struct BookContext {
  DayBook& book;
  Appointments& appointments;
  const Staff& who;
  StoreZone zone;
  const CustomerLookup& byCard;
  BookSettings settings;
  std::vector<Staff> staff;
  std::vector<CatalogItem> catalog;
};

// One row booked as at the counter (and inside the opening hours).
Appointment bookRow(BookContext& c, const Columns& cols, const CsvRecord& rec) {
  if (rec.fields.size() != cols.width)
    throw DomainError("import_column_count", std::to_string(rec.fields.size()) + " / " + std::to_string(cols.width));
  CivilDate day = dateCell(cols.cell(rec, "date"));
  int minute = timeCell(cols.cell(rec, "time"));
  std::string ref = trimCell(cols.cell(rec, "customer"));
  if (ref.empty()) throw DomainError("customer_not_found", "(empty)");
  std::optional<CustomerId> card = c.byCard ? c.byCard(ref) : std::nullopt;
  CustomerId customer = card ? *card : c.book.findCustomer(ref).id;
  BookingRequest r;
  r.customer = customer;
  r.services = servicesCell(cols.cell(rec, "service"), c.catalog);
  r.staff = staffCell(cols.cell(rec, "staff"), c.staff);
  r.start = startOfLocalDay(day, c.zone) + minute * kMinute;
  r.note = trimCell(cols.cell(rec, "note"));
  int length = 0;
  for (const AppointmentService& s : r.services) length += s.durationMinutes;
  if (minute < c.settings.hours.openMinute || minute + length > c.settings.hours.closeMinute)
    throw DomainError("outside_hours", formatLocalDateTime(r.start, c.zone));
  std::vector<std::string> absent = c.book.absentOn(day);
  if (!r.staff.empty() && std::find(absent.begin(), absent.end(), r.staff) != absent.end())
    throw DomainError("staff_absent", r.staff);
  for (const RosterEntry& e : rosterOf(c.staff, c.catalog, absent))
    if (!e.absent) r.staffOnDuty.push_back(e.code);
  r.isMember = c.book.priorityBooking(customer, c.settings.priorityTiers);
  return c.appointments.book(c.who, r);
}

}  // namespace

AppointmentImportPlan planAppointmentImport(ImportSource& src, DayBook& book, AppointmentStore& store, Guard& guard,
                                            const Clock& clock, StoreZone zone, const Staff& who,
                                            const std::map<std::string, std::string>& headerMap,
                                            const CustomerLookup& byCard, const ImportProgress& progress) {
  ImportScan scan = scanImport(src, progress);
  AppointmentImportPlan plan;
  plan.encoding = scan.encoding;
  plan.sha256 = scan.sha256;
  plan.bytes = scan.bytes;
  CsvRecordStream stream(src, scan.encoding);
  CsvRecord header, rec;
  if (!stream.next(header) || stream.tooLong()) throw DomainError("import_empty", "");
  Columns cols = columnsOf(header, headerMap);
  ImportBook collected(store);
  BookSettings settings = book.settings();
  Appointments appointments(collected, guard, clock, zone, parsePriorityHolds(settings.priorityHolds));
  BookContext c{book, appointments, who, zone, byCard, settings, book.staffList(), book.services()};
  while (stream.next(rec)) {
    if (++plan.rows > kMaxAppointmentImportRows)
      throw DomainError("import_too_many_rows", std::to_string(kMaxAppointmentImportRows));
    if (progress && plan.rows % 100 == 0) progress("check", stream.bytesRead(), plan.bytes);
    try {
      if (stream.tooLong()) throw DomainError("row_too_long", "over " + std::to_string(kMaxImportRowBytes / 1024) + " KiB");
      Appointment a = bookRow(c, cols, rec);
      plan.goodLines.push_back(rec.line);
      ++plan.perStaff[a.staff];
      plan.good.push_back(std::move(a));
    } catch (const DomainError& e) {
      if (e.code() == "permission_denied") throw;
      if (plan.bad.size() < kMaxReportedProblems) plan.bad.push_back({rec.line, e.code(), e.detail()});
      ++plan.badRows;
    }
  }
  if (progress) progress("check", plan.bytes, plan.bytes);
  return plan;
}

}  // namespace salon
