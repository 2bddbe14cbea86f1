#include "app/core/customer_files.h"

#include <algorithm>
#include <cstdio>

#include "app/core/error.h"
#include "app/core/text_rules.h"
#include "app/core/uuid.h"

namespace salon {
namespace {

std::string idText(std::int64_t id) { return std::to_string(id); }

OutboxMessage message(const std::string& type, Instant at, const std::string& payload) {
  return {newUuid(), type, payload, at};
}

std::string payloadOf(CustomerId id, const std::string& extraKey = "", std::int64_t extra = 0) {
  std::string p = "{\"customer_id\":" + idText(id);
  if (!extraKey.empty()) p += ",\"" + extraKey + "\":" + idText(extra);
  return p + "}";
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::string requirePurpose(const std::string& purpose) {
  std::string p = checkText("purpose", purpose, {200, false, false});
  if (p.empty()) throw DomainError("purpose_required", "");
  return p;
}

std::string shortText(const std::string& field, const std::string& v, std::size_t max = 100) {
  return checkText(field, v, {max, false, false});
}

std::string noteText(const std::string& field, const std::string& v) { return checkText(field, v, {2000, true, true}); }

}  // namespace

std::vector<std::string> allViewSections() {
  std::vector<std::string> all = fileSections();
  all.insert(all.end(), {"consent", "visits", "pets"});
  return all;
}

CustomerFile onlySections(CustomerFile f, const std::vector<std::string>& sections) {
  auto has = [&](const std::string& s) { return std::find(sections.begin(), sections.end(), s) != sections.end(); };
  std::vector<std::string> known = allViewSections();
  for (const std::string& s : sections)
    if (std::find(known.begin(), known.end(), s) == known.end()) throw DomainError("section_unknown", s);
  for (auto it = f.fields.begin(); it != f.fields.end();) {
    const FieldSpec* spec = findField(it->first);
    it = spec && has(spec->section) ? std::next(it) : f.fields.erase(it);
  }
  if (!has("basic")) f.summary.birthday.reset();
  if (!has("visits")) f.visits.clear();
  if (!has("pets")) f.pets.clear();
  if (!has("consent")) f.consent = Consent{"", "", 0, "", false};
  return f;
}

NewCustomerFile CustomerFiles::prepare(const Staff& who, const Registration& r, Instant at) {
  NewCustomerFile f;
  f.name = checkName(r.name);
  f.keys = keys_.keysOf(f.name);
  if (r.phone.empty()) throw DomainError("contact_required", "phone");
  f.phone = parsePhone(checkText("phone", r.phone, {30, false, false}));
  f.sharedPhone = r.sharedPhoneConfirmed;
  f.member = r.member;
  for (const FieldSpec& spec : fileFields()) f.fields[spec.key] = FieldValue{};
  for (const auto& [key, value] : r.fields) f.fields[key] = checkField(key, value);
  const FieldValue& bd = f.fields["birthday"];
  if (bd.state == FieldState::Value) {
    CivilDate d;
    parseDate(bd.value, d);
    if (localDate(at, zone_) < d) throw DomainError("date_invalid", "birthday " + bd.value);
  }
  f.consent = {"agreed", checkText("notice_version", r.noticeVersion, {20, false, false}), at, who.code,
               r.marketingOptIn};
  f.createdAt = at;
  f.createdBy = who.code;
  f.year = localDate(at, zone_).year;
  return f;
}

RegistrationResult CustomerFiles::registerCustomer(const Staff& who, const Registration& r) {
  Guard(audit_, clock_).require(who, Action::RegisterCustomer, "customer", "new");
  Instant now = clock_.now();
  if (!r.consentGiven) {
    // A walk-in: served without a file. Nothing personal goes into the audit log either.
    audit_.append(auditOf(now, who.code, "customer.walk_in", "customer", "walk-in", "consent declined"));
    RegistrationResult w;
    w.walkIn = true;
    return w;
  }
  NewCustomerFile f = prepare(who, r, now);
  if (!r.sharedPhoneConfirmed)
    if (auto existing = store_.byPhone(f.phone.normalised)) throw DomainError("phone_in_use", existing->fileNo);
  std::string sections = "basic,consent";
  for (const auto& [key, value] : f.fields)
    if (value.state != FieldState::Empty) sections += "," + key;
  return store_.create(f, auditOf(now, who.code, "customer.register", "customer", "", "", sections),
                       message("customer.registered", now, "{}"));
}

std::vector<RegistrationResult> CustomerFiles::importFiles(const Staff& who, const std::vector<NewCustomerFile>& files,
                                                           const std::string& source) {
  Guard(audit_, clock_).require(who, Action::ImportCustomers, "customer", "*");
  Instant now = clock_.now();
  std::vector<NewCustomerFile> all = files;
  for (NewCustomerFile& f : all) f.consent = {"to_confirm", "", 0, who.code, false};
  return store_.createAll(all,
                          auditOf(now, who.code, "customer.import", "customer", "*",
                                  shortText("source", source, 200), std::to_string(all.size()) + " files"),
                          message("customer.imported", now, "{\"count\":" + std::to_string(all.size()) + "}"));
}

CustomerFile CustomerFiles::loadOrThrow(CustomerId id) {
  auto f = store_.load(id);
  if (!f) throw DomainError("customer_not_found", idText(id));
  return *f;
}

CustomerFile CustomerFiles::open(const Staff& who, CustomerId id, const std::string& purpose,
                                 std::vector<std::string> sections) {
  std::string why = requirePurpose(purpose);
  Guard(audit_, clock_).require(who, Action::ViewCustomerFile, "customer", idText(id));
  if (sections.empty()) sections = allViewSections();
  CustomerFile f = onlySections(loadOrThrow(id), sections);
  // The view is logged before the file is handed out.
  audit_.append(auditOf(clock_.now(), who.code, "customer.view", "customer", f.summary.fileNo, why, joined(sections)));
  return f;
}

CustomerFile CustomerFiles::openByFileNo(const Staff& who, const std::string& fileNo, const std::string& purpose,
                                         std::vector<std::string> sections) {
  requirePurpose(purpose);
  // Checked before the lookup: a role without file access must not learn which
  // file numbers exist.
  Guard(audit_, clock_).require(who, Action::ViewCustomerFile, "customer", fileNo);
  auto id = store_.idOfFileNo(fileNo);
  if (!id) throw DomainError("customer_not_found", fileNo);
  return open(who, *id, purpose, std::move(sections));
}

std::vector<CustomerSummary> CustomerFiles::find(const Staff& who, const std::string& query, const std::string& purpose,
                                                 int limit) {
  std::string why = requirePurpose(purpose);
  Guard(audit_, clock_).require(who, Action::ViewCustomerFile, "customer", "search");
  std::string q = checkText("query", query, {60, false, false});
  std::vector<CustomerSummary> found = directory_.search(q, limit);
  // What was seen: the summaries of these files (up to 20 named, then a count).
  std::string seen;
  for (std::size_t i = 0; i < found.size() && i < 20; ++i) seen += (i ? "," : "") + found[i].fileNo;
  if (found.size() > 20) seen += ",+" + std::to_string(found.size() - 20);
  audit_.append(auditOf(clock_.now(), who.code, "customer.view", "customer", seen.empty() ? "search" : seen, why,
                        "summary"));
  return found;
}

void CustomerFiles::editField(const Staff& who, CustomerId id, const std::string& key, const FieldValue& v,
                              const std::string& reason) {
  CustomerFile f = loadOrThrow(id);
  Guard(audit_, clock_).require(who, Action::EditCustomerFile, "customer", f.summary.fileNo);
  std::string why = checkText("reason", reason, {200, false, false});
  if (why.empty()) throw DomainError("reason_required", key);
  FieldValue checked = checkField(key, v);
  Instant now = clock_.now();
  if (key == "birthday" && checked.state == FieldState::Value) {
    CivilDate d;
    parseDate(checked.value, d);
    if (localDate(now, zone_) < d) throw DomainError("date_invalid", "birthday " + checked.value);
  }
  store_.setField(id, key, checked, auditOf(now, who.code, "customer.edit", "customer", f.summary.fileNo, why, key),
                  message("customer.edited", now, payloadOf(id)));
}

std::string CustomerFiles::enrol(const Staff& who, CustomerId id) {
  CustomerFile f = loadOrThrow(id);
  Guard(audit_, clock_).require(who, Action::RegisterCustomer, "customer", f.summary.fileNo);
  if (!f.summary.memberNo.empty()) return f.summary.memberNo;
  Instant now = clock_.now();
  return store_.enrol(id, auditOf(now, who.code, "customer.enrol", "customer", f.summary.fileNo, "", "basic"),
                      message("customer.enrolled", now, payloadOf(id)));
}

std::int64_t CustomerFiles::addVisit(const Staff& who, CustomerId id, VisitRecord v) {
  CustomerFile f = loadOrThrow(id);
  Guard(audit_, clock_).require(who, Action::RecordServiceDetails, "customer", f.summary.fileNo);
  Instant now = clock_.now();
  v.service = shortText("service", v.service);
  if (v.service.empty()) throw DomainError("service_required", "service");
  v.beforeNotes = noteText("before_notes", v.beforeNotes);
  v.afterNotes = noteText("after_notes", v.afterNotes);
  v.effect = noteText("effect", v.effect);
  v.productsUsed = checkText("products_used", v.productsUsed, {500, false, true});
  if (v.durationMinutes < 0 || v.durationMinutes > 24 * 60) throw DomainError("duration_invalid", idText(v.durationMinutes));
  if (v.at == 0) v.at = now;
  if (v.at > now + kMinute) throw DomainError("date_invalid", "visit in the future");
  v.staff = who.code;
  return store_.addVisit(id, v, auditOf(now, who.code, "customer.visit_add", "customer", f.summary.fileNo, "", "visits"),
                         message("customer.visit_added", now, payloadOf(id)));
}

std::int64_t CustomerFiles::addFeedback(CustomerId id, std::int64_t visitId, int rating, const std::string& comment) {
  auto owner = store_.ownerOfVisit(visitId);
  if (!owner || *owner != id) throw DomainError("visit_not_found", idText(visitId));
  if (rating < 1 || rating > 5) throw DomainError("rating_invalid", idText(rating));
  CustomerFile f = loadOrThrow(id);
  Instant now = clock_.now();
  AfterCareFeedback fb{0, visitId, now, rating, checkText("comment", comment, {1000, true, true})};
  return store_.addFeedback(id, fb, auditOf(now, "", "customer.feedback", "customer", f.summary.fileNo, "", "visits"),
                            message("customer.feedback_given", now, payloadOf(id, "visit_id", visitId)));
}

std::int64_t CustomerFiles::addPet(const Staff& who, CustomerId id, Pet p) {
  CustomerFile f = loadOrThrow(id);
  Guard(audit_, clock_).require(who, Action::RegisterCustomer, "customer", f.summary.fileNo);
  p.name = checkName(p.name);
  static const std::vector<std::string> kSpecies = {"dog", "cat", "rabbit", "bird", "other"};
  if (std::find(kSpecies.begin(), kSpecies.end(), p.species) == kSpecies.end())
    throw DomainError("choice_invalid", "species " + p.species);
  p.breed = shortText("breed", p.breed, 50);
  p.temperament = shortText("temperament", p.temperament, 200);
  p.healthNotes = noteText("health_notes", p.healthNotes);
  if (p.weightGrams < 0 || p.weightGrams > 150000) throw DomainError("weight_invalid", idText(p.weightGrams));
  Instant now = clock_.now();
  return store_.addPet(id, p, auditOf(now, who.code, "customer.pet_add", "customer", f.summary.fileNo, "", "pets"),
                       message("customer.pet_added", now, payloadOf(id)));
}

std::int64_t CustomerFiles::addVaccination(const Staff& who, std::int64_t petId, Vaccination v) {
  auto owner = store_.ownerOfPet(petId);
  if (!owner) throw DomainError("pet_not_found", idText(petId));
  CustomerFile f = loadOrThrow(*owner);
  Guard(audit_, clock_).require(who, Action::RecordServiceDetails, "customer", f.summary.fileNo);
  v.vaccine = shortText("vaccine", v.vaccine, 50);
  if (v.vaccine.empty()) throw DomainError("vaccine_required", "vaccine");
  if (v.expiresOn < v.givenOn) throw DomainError("date_invalid", "vaccination expires before it was given");
  Instant now = clock_.now();
  return store_.addVaccination(petId, v,
                               auditOf(now, who.code, "customer.pet_vaccination", "customer", f.summary.fileNo, "", "pets"),
                               message("customer.pet_vaccinated", now, payloadOf(*owner, "pet_id", petId)));
}

std::int64_t CustomerFiles::addPetVisit(const Staff& who, std::int64_t petId, PetVisit v) {
  auto owner = store_.ownerOfPet(petId);
  if (!owner) throw DomainError("pet_not_found", idText(petId));
  CustomerFile f = loadOrThrow(*owner);
  Guard(audit_, clock_).require(who, Action::RecordServiceDetails, "customer", f.summary.fileNo);
  v.service = shortText("service", v.service);
  if (v.service.empty()) throw DomainError("service_required", "service");
  v.notes = noteText("notes", v.notes);
  Instant now = clock_.now();
  if (v.at == 0) v.at = now;
  v.staff = who.code;
  return store_.addPetVisit(petId, v,
                            auditOf(now, who.code, "customer.pet_visit_add", "customer", f.summary.fileNo, "", "pets"),
                            message("customer.pet_visit_added", now, payloadOf(*owner, "pet_id", petId)));
}

// ---- the file itself

const FieldValue& CustomerFile::field(const std::string& key) const {
  static const FieldValue kEmpty{};
  auto it = fields.find(key);
  return it == fields.end() ? kEmpty : it->second;
}

std::vector<std::string> CustomerFile::missingFields() const {
  std::vector<std::string> out;
  for (const FieldSpec& spec : fileFields()) {
    auto it = fields.find(spec.key);  // a section not opened is not judged
    if (it != fields.end() && it->second.state == FieldState::Empty) out.push_back(spec.key);
  }
  return out;
}

std::string formatFileNo(const std::string& storeCode, int year, std::int64_t seq) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s-%04d-%06lld", storeCode.c_str(), year, static_cast<long long>(seq));
  return buf;
}

bool isFileNo(const std::string& t) {
  // S01-2026-000123: a store code of letters and digits, the year, six or more digits.
  auto dash1 = t.find('-');
  if (dash1 == std::string::npos || dash1 == 0 || t.size() < dash1 + 12) return false;
  for (std::size_t i = 0; i < dash1; ++i)
    if (!std::isalnum(static_cast<unsigned char>(t[i]))) return false;
  if (t[dash1 + 5] != '-') return false;
  for (std::size_t i = dash1 + 1; i < t.size(); ++i)
    if (i != dash1 + 5 && !std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  return true;
}

std::string formatMemberNo(std::int64_t seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "M%08lld", static_cast<long long>(seq));
  return buf;
}

bool isMemberNo(const std::string& t) {
  if (t.size() != 9 || (t[0] != 'M' && t[0] != 'm')) return false;
  for (std::size_t i = 1; i < 9; ++i)
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  return true;
}

}  // namespace salon
