#include "app/cli/appointment_cli.h"

#include <fstream>
#include <iostream>
#include <iterator>

#include "app/core/error.h"
#include "storage/boarding_store.h"
#include "storage/customer_store.h"
#include "storage/catalog_store.h"

namespace salon::cli {

void Session::auditView(const std::string& what, const std::string& id, const std::string& purpose,
                        const std::string& sections) {
  audit->append(auditOf(now(), me.code, "customer.view", what, id, purpose, sections));
}

Session openSession(const Invocation& inv, const std::string& dbPath, const std::string& staffCode) {
  Session s;
  s.db = openDatabase(dbPath);
  s.clock = inv.clock;
  s.me = actAs(*s.db, *inv.clock, staffCode);
  s.zone = storage::guarded([&] { return storage::readZone(s.db->sql()); });
  s.audit = std::make_unique<storage::SqliteAuditLog>(*s.db);
  s.guard = std::make_unique<Guard>(*s.audit, *inv.clock);
  return s;
}

CivilDate dateArg(const std::string& text, const Session& s) {
  if (text.empty()) return localDate(s.now(), s.zone);
  CivilDate d;
  if (!parseDate(text, d)) throw DomainError("bad_input", "date " + text);
  return d;
}

Instant parseLocalDateTime(const std::string& text, StoreZone zone) {
  CivilDate d;
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  bool ok = text.size() == 16 && (text[10] == ' ' || text[10] == 'T') && text[13] == ':' && digit(11) &&
            digit(12) && digit(14) && digit(15) && parseDate(text.substr(0, 10), d);
  int h = ok ? std::stoi(text.substr(11, 2)) : 0, m = ok ? std::stoi(text.substr(14, 2)) : 0;
  if (!ok || h > 23 || m > 59) throw DomainError("bad_input", "time " + text + " (YYYY-MM-DD HH:MM)");
  return startOfLocalDay(d, zone) + h * kHour + m * kMinute;
}

nlohmann::json appointmentJson(const Appointment& a, StoreZone zone) {
  nlohmann::json services = nlohmann::json::array();
  for (const auto& s : a.services)
    services.push_back({{"code", s.itemCode}, {"name", s.name}, {"minutes", s.durationMinutes}});
  return {{"id", a.id},
          {"customer_id", a.customer},
          {"pet", a.pet ? nlohmann::json(*a.pet) : nlohmann::json()},
          {"services", services},
          {"staff", a.staff},
          {"room", a.room},
          {"start", formatLocalDateTime(a.start, zone)},
          {"end", formatLocalDateTime(a.end, zone)},
          {"channel", a.channel},
          {"state", a.state},
          {"kind", a.kind},
          {"address", a.address},
          {"note", a.note},
          {"booked_by", a.bookedBy}};
}

nlohmann::json contactJson(const CareContact& c, StoreZone zone) {
  return {{"id", c.id},         {"customer_id", c.customer}, {"kind", c.kind},
          {"ref", c.ref},       {"channel", c.channel},      {"outcome", c.outcome},
          {"note", c.note},     {"satisfaction", c.satisfaction}, {"about_staff", c.aboutStaff},
          {"staff", c.staff},   {"at", formatLocalDateTime(c.at, zone)}};
}

void printList(const nlohmann::json& out, bool asJson, const std::vector<std::string>& keys) {
  if (asJson) {
    std::cout << out.dump(2) << "\n";
    return;
  }
  const nlohmann::json& items = out.is_array() ? out : nlohmann::json::array({out});
  for (const auto& item : items) {
    std::string line;
    for (const auto& k : keys) {
      if (!line.empty()) line += "\t";
      if (!item.contains(k) || item[k].is_null()) continue;
      line += item[k].is_string() ? item[k].get<std::string>() : item[k].dump();
    }
    std::cout << line << "\n";
  }
}

nlohmann::json warningsJson(const std::vector<VaccinationWarning>& ws) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : ws)
    out.push_back({{"vaccine", w.vaccine}, {"expires_on", formatDate(w.expiresOn)}, {"expired", w.expired}});
  return out;
}

std::vector<VaccinationWarning> petWarnings(Session& s, CustomerId customer, std::int64_t pet, Instant start) {
  auto owner = storage::SqliteCustomerFileStore(*s.db).ownerOfPet(pet);
  if (!owner || *owner != customer) throw DomainError("pet_not_found", std::to_string(pet));
  return vaccinationWarnings(storage::vaccinationsOf(s.db->sql(), pet), localDate(start, s.zone));
}

std::string str(const nlohmann::json& j, const char* key, const std::string& fallback) {
  if (!j.contains(key) || j[key].is_null()) return fallback;
  if (!j[key].is_string()) throw DomainError("bad_input", std::string(key) + ": text expected");
  return j[key].get<std::string>();
}

}  // namespace salon::cli
