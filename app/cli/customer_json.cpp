#include "app/cli/customer_json.h"

#include "app/core/error.h"

namespace salon::cli {

using nlohmann::json;

json summaryJson(const CustomerSummary& s) {
  return {{"id", s.id},         {"file_no", s.fileNo}, {"member_no", s.memberNo},
          {"name", s.name},     {"phone", s.phone},    {"birthday", s.birthday ? json(formatDate(*s.birthday)) : json()},
          {"status", s.status}};
}

namespace {

json fieldJson(const FieldValue& v) {
  if (v.state == FieldState::Declined) return {{"declined", true}};
  if (v.state == FieldState::Empty) return nullptr;
  return v.value;
}

}  // namespace

json fileJson(const CustomerFile& f, StoreZone zone) {
  json j = summaryJson(f.summary);
  j["shared_phone"] = f.sharedPhone;
  j["created_at"] = formatLocalDateTime(f.createdAt, zone);
  j["created_by"] = f.createdBy;
  j["consent"] = {{"status", f.consent.status},
                  {"notice_version", f.consent.noticeVersion},
                  {"at", f.consent.at ? json(formatLocalDateTime(f.consent.at, zone)) : json()},
                  {"staff", f.consent.staff},
                  {"marketing", f.consent.marketing}};
  json sections = json::object();
  for (const FieldSpec& spec : fileFields())
    if (f.fields.count(spec.key)) sections[spec.section][spec.key] = fieldJson(f.field(spec.key));
  j["sections"] = sections;
  j["missing"] = f.missingFields();
  json visits = json::array();
  for (const VisitRecord& v : f.visits) {
    json fb = json::array();
    for (const AfterCareFeedback& a : v.feedback)
      fb.push_back({{"at", formatLocalDateTime(a.at, zone)}, {"rating", a.rating}, {"comment", a.comment}});
    visits.push_back({{"id", v.id}, {"at", formatLocalDateTime(v.at, zone)}, {"service", v.service}, {"staff", v.staff},
                      {"duration_min", v.durationMinutes}, {"before", v.beforeNotes}, {"after", v.afterNotes},
                      {"effect", v.effect}, {"products_used", v.productsUsed}, {"feedback", fb}});
  }
  j["visits"] = visits;
  json pets = json::array();
  for (const Pet& p : f.pets) {
    json vac = json::array(), pv = json::array();
    for (const Vaccination& v : p.vaccinations)
      vac.push_back({{"vaccine", v.vaccine}, {"given_on", formatDate(v.givenOn)}, {"expires_on", formatDate(v.expiresOn)}});
    for (const PetVisit& v : p.visits)
      pv.push_back({{"at", formatLocalDateTime(v.at, zone)}, {"service", v.service}, {"staff", v.staff}, {"notes", v.notes}});
    pets.push_back({{"id", p.id}, {"name", p.name}, {"species", p.species}, {"breed", p.breed},
                    {"weight_g", p.weightGrams}, {"temperament", p.temperament}, {"health_notes", p.healthNotes},
                    {"vaccinations", vac}, {"visits", pv}});
  }
  j["pets"] = pets;
  return j;
}

Registration registrationFromJson(const json& j) {
  if (!j.is_object()) throw DomainError("bad_input", "a JSON object");
  Registration r;
  auto text = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; };
  auto flag = [&](const char* key) { return j.contains(key) && j[key].is_boolean() && j[key].get<bool>(); };
  r.name = text("name");
  r.phone = text("phone");
  r.consentGiven = flag("consent");
  r.marketingOptIn = flag("marketing");
  r.member = flag("member");
  r.sharedPhoneConfirmed = flag("shared_phone");
  if (j.contains("notice_version") && j["notice_version"].is_string()) r.noticeVersion = j["notice_version"];
  if (j.contains("fields")) {
    if (!j["fields"].is_object()) throw DomainError("bad_input", "fields");
    for (const auto& [key, v] : j["fields"].items()) {
      if (v.is_string()) r.fields[key] = FieldValue::of(v.get<std::string>());
      else if (v.is_object() && v.value("declined", false)) r.fields[key] = FieldValue::declined();
      else if (!v.is_null()) throw DomainError("bad_input", "fields." + key);
    }
  }
  return r;
}

}  // namespace salon::cli
