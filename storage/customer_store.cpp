#include "storage/customer_store.h"

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"
#include "storage/customer_numbers.h"
#include "storage/customer_rows.h"
#include "storage/sql.h"

namespace salon::storage {

const char* const kSummaryColumns = "id, file_no, member_no, name, phone, birthday, status";

CustomerSummary readSummary(SQLite::Statement& q, int c) {
  CustomerSummary s;
  s.id = q.getColumn(c).getInt64();
  s.fileNo = q.getColumn(c + 1).getString();
  s.memberNo = sql::text(q.getColumn(c + 2));
  s.name = q.getColumn(c + 3).getString();
  s.phone = q.getColumn(c + 4).getString();
  CivilDate d;
  if (!q.getColumn(c + 5).isNull() && parseDate(q.getColumn(c + 5).getString(), d)) s.birthday = d;
  s.status = q.getColumn(c + 6).getString();
  return s;
}

std::optional<CustomerSummary> SqliteCustomerFileStore::byPhone(const std::string& phone) {
  return guarded([&]() -> std::optional<CustomerSummary> {
    SQLite::Statement q(db_.sql(), std::string("SELECT ") + kSummaryColumns + " FROM customers WHERE phone = ? ORDER BY id LIMIT 1");
    q.bind(1, phone);
    if (!q.executeStep()) return std::nullopt;
    return readSummary(q);
  });
}

std::optional<CustomerId> SqliteCustomerFileStore::idOfFileNo(const std::string& fileNo) {
  return guarded([&]() -> std::optional<CustomerId> {
    SQLite::Statement q(db_.sql(), "SELECT id FROM customers WHERE file_no = ?");
    q.bind(1, fileNo);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
  });
}

namespace {

CivilDate dateOf(const std::string& text) {
  CivilDate d;
  parseDate(text, d);
  return d;
}

void loadFields(SQLite::Database& db, CustomerFile& f) {
  for (const FieldSpec& spec : fileFields()) f.fields[spec.key] = FieldValue{};
  SQLite::Statement q(db, "SELECT field, state, value FROM customer_fields WHERE customer_id = ?");
  q.bind(1, f.summary.id);
  while (q.executeStep())
    f.fields[q.getColumn(0).getString()] = {fieldStateFromName(q.getColumn(1).getString()), q.getColumn(2).getString()};
}

void loadVisits(SQLite::Database& db, CustomerFile& f) {
  SQLite::Statement q(db, "SELECT id, at, service, staff, duration_min, before_notes, after_notes, effect, products_used"
                          " FROM customer_visits WHERE customer_id = ? ORDER BY at DESC, id DESC");
  q.bind(1, f.summary.id);
  while (q.executeStep()) {
    VisitRecord v;
    v.id = q.getColumn(0).getInt64();
    v.at = q.getColumn(1).getInt64();
    v.service = q.getColumn(2).getString();
    v.staff = q.getColumn(3).getString();
    v.durationMinutes = q.getColumn(4).getInt();
    v.beforeNotes = q.getColumn(5).getString();
    v.afterNotes = q.getColumn(6).getString();
    v.effect = q.getColumn(7).getString();
    v.productsUsed = q.getColumn(8).getString();
    f.visits.push_back(std::move(v));
  }
  SQLite::Statement fb(db, "SELECT id, visit_id, at, rating, comment FROM customer_feedback WHERE customer_id = ? ORDER BY id");
  fb.bind(1, f.summary.id);
  while (fb.executeStep()) {
    AfterCareFeedback a{fb.getColumn(0).getInt64(), fb.getColumn(1).getInt64(), fb.getColumn(2).getInt64(),
                        fb.getColumn(3).getInt(), fb.getColumn(4).getString()};
    for (VisitRecord& v : f.visits)
      if (v.id == a.visitId) v.feedback.push_back(a);
  }
}

void loadPets(SQLite::Database& db, CustomerFile& f) {
  SQLite::Statement q(db, "SELECT id, name, species, breed, weight_g, temperament, health_notes FROM pets"
                          " WHERE customer_id = ? ORDER BY id");
  q.bind(1, f.summary.id);
  while (q.executeStep()) {
    Pet p;
    p.id = q.getColumn(0).getInt64();
    p.name = q.getColumn(1).getString();
    p.species = q.getColumn(2).getString();
    p.breed = q.getColumn(3).getString();
    p.weightGrams = q.getColumn(4).getInt();
    p.temperament = q.getColumn(5).getString();
    p.healthNotes = q.getColumn(6).getString();
    SQLite::Statement vq(db, "SELECT id, vaccine, given_on, expires_on FROM pet_vaccinations WHERE pet_id = ? ORDER BY id");
    vq.bind(1, p.id);
    while (vq.executeStep())
      p.vaccinations.push_back({vq.getColumn(0).getInt64(), vq.getColumn(1).getString(),
                                dateOf(vq.getColumn(2).getString()), dateOf(vq.getColumn(3).getString())});
    SQLite::Statement sq(db, "SELECT id, at, service, staff, notes FROM pet_visits WHERE pet_id = ? ORDER BY at DESC, id DESC");
    sq.bind(1, p.id);
    while (sq.executeStep())
      p.visits.push_back({sq.getColumn(0).getInt64(), sq.getColumn(1).getInt64(), sq.getColumn(2).getString(),
                          sq.getColumn(3).getString(), sq.getColumn(4).getString()});
    f.pets.push_back(std::move(p));
  }
}

}  // namespace

std::optional<CustomerFile> SqliteCustomerFileStore::load(CustomerId id) {
  return guarded([&]() -> std::optional<CustomerFile> {
    SQLite::Database& db = db_.sql();
    SQLite::Statement q(db, std::string("SELECT ") + kSummaryColumns +
                                ", phone_shared, created_at, created_by, consent_status, consent_notice, consent_at,"
                                " consent_staff, marketing_opt_in FROM customers WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    CustomerFile f;
    f.summary = readSummary(q);
    f.sharedPhone = q.getColumn(7).getInt() != 0;
    f.createdAt = q.getColumn(8).getInt64();
    f.createdBy = q.getColumn(9).getString();
    f.consent = {q.getColumn(10).getString(), q.getColumn(11).getString(), q.getColumn(12).getInt64(),
                 q.getColumn(13).getString(), q.getColumn(14).getInt() != 0};
    loadFields(db, f);
    loadVisits(db, f);
    loadPets(db, f);
    return f;
  });
}

RegistrationResult SqliteCustomerFileStore::insertOne(SQLite::Database& s, const NewCustomerFile& f,
                                                      const std::string& status, bool imported) {
  RegistrationResult r;
  r.fileNo = formatFileNo(chainStoreCode(s), f.year, reserveFileNumbers(s, f.year, 1));
  if (f.member) r.memberNo = nextMemberNo(s);
  r.id = CustomerRowWriter(s).insert(f, r.fileNo, r.memberNo, status, imported);
  return r;
}

RegistrationResult SqliteCustomerFileStore::create(const NewCustomerFile& f, AuditEntry audit, OutboxMessage out) {
  RegistrationResult r;
  db_.write([&](SQLite::Database& s) {
    r = insertOne(s, f, "pending_review", false);
    audit.recordId = r.fileNo;
    appendAudit(s, audit);
    out.payload = nlohmann::json{{"customer_id", r.id}, {"file_no", r.fileNo}, {"member_no", r.memberNo}}.dump();
    appendOutbox(s, out);
  });
  return r;
}

std::vector<RegistrationResult> SqliteCustomerFileStore::createAll(const std::vector<NewCustomerFile>& files,
                                                                   AuditEntry audit, OutboxMessage out) {
  std::vector<RegistrationResult> all;
  db_.write([&](SQLite::Database& s) {
    all.clear();
    nlohmann::json nos = nlohmann::json::array();
    for (const NewCustomerFile& f : files) {
      all.push_back(insertOne(s, f, "pending_review", true));
      nos.push_back(all.back().fileNo);
    }
    appendAudit(s, audit);
    out.payload = nlohmann::json{{"count", all.size()}, {"file_nos", nos}}.dump();
    appendOutbox(s, out);
  });
  return all;
}

void SqliteCustomerFileStore::setField(CustomerId id, const std::string& key, const FieldValue& v,
                                       const AuditEntry& audit, const OutboxMessage& out) {
  db_.write([&](SQLite::Database& s) {
    CustomerRowWriter(s).insertField(id, key, v, audit.at, audit.staff);
    // Mirrors in the customers row, for lists and for the other modules.
    if (key == "birthday" || key == "skin_type") {
      SQLite::Statement up(s, key == "birthday" ? "UPDATE customers SET birthday = ? WHERE id = ?"
                                                : "UPDATE customers SET skin_type = ? WHERE id = ?");
      if (key == "birthday" && v.state != FieldState::Value) up.bind(1); else up.bind(1, v.value);
      up.bind(2, id);
      up.exec();
    }
    appendAudit(s, audit);
    appendOutbox(s, out);
  });
}

std::string SqliteCustomerFileStore::enrol(CustomerId id, const AuditEntry& audit, const OutboxMessage& out) {
  std::string no;
  db_.write([&](SQLite::Database& s) {
    no = nextMemberNo(s);
    SQLite::Statement up(s, "UPDATE customers SET member_no = ? WHERE id = ? AND member_no IS NULL");
    SQLite::bind(up, no, id);
    up.exec();
    appendAudit(s, audit);
    appendOutbox(s, out);
  });
  return no;
}

std::int64_t SqliteCustomerFileStore::addVisit(CustomerId id, const VisitRecord& v, const AuditEntry& audit,
                                               const OutboxMessage& out) {
  std::int64_t vid = 0;
  db_.write([&](SQLite::Database& s) {
    vid = CustomerRowWriter(s).insertVisit(id, v);
    appendAudit(s, audit);
    appendOutbox(s, out);
  });
  return vid;
}

std::int64_t SqliteCustomerFileStore::addFeedback(CustomerId id, const AfterCareFeedback& f, const AuditEntry& audit,
                                                  const OutboxMessage& out) {
  std::int64_t fid = 0;
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement ins(s, "INSERT INTO customer_feedback (visit_id, customer_id, at, rating, comment) VALUES (?,?,?,?,?)");
    SQLite::bind(ins, f.visitId, id, f.at, f.rating, f.comment);
    ins.exec();
    fid = s.getLastInsertRowid();
    appendAudit(s, audit);
    appendOutbox(s, out);
  });
  return fid;
}

std::int64_t SqliteCustomerFileStore::addPet(CustomerId id, const Pet& p, const AuditEntry& audit,
                                             const OutboxMessage& out) {
  std::int64_t pid = 0;
  db_.write([&](SQLite::Database& s) {
    pid = CustomerRowWriter(s).insertPet(id, p, audit.at);
    appendAudit(s, audit);
    appendOutbox(s, out);
  });
  return pid;
}

std::int64_t SqliteCustomerFileStore::addVaccination(std::int64_t petId, const Vaccination& v, const AuditEntry& audit,
                                                     const OutboxMessage& out) {
  std::int64_t vid = 0;
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement ins(s, "INSERT INTO pet_vaccinations (pet_id, vaccine, given_on, expires_on) VALUES (?,?,?,?)");
    SQLite::bind(ins, petId, v.vaccine, formatDate(v.givenOn), formatDate(v.expiresOn));
    ins.exec();
    vid = s.getLastInsertRowid();
    appendAudit(s, audit);
    appendOutbox(s, out);
  });
  return vid;
}

std::int64_t SqliteCustomerFileStore::addPetVisit(std::int64_t petId, const PetVisit& v, const AuditEntry& audit,
                                                  const OutboxMessage& out) {
  std::int64_t vid = 0;
  db_.write([&](SQLite::Database& s) {
    SQLite::Statement ins(s, "INSERT INTO pet_visits (pet_id, at, service, staff, notes) VALUES (?,?,?,?,?)");
    SQLite::bind(ins, petId, v.at, v.service, v.staff, v.notes);
    ins.exec();
    vid = s.getLastInsertRowid();
    appendAudit(s, audit);
    appendOutbox(s, out);
  });
  return vid;
}

namespace {
std::optional<CustomerId> ownerBy(Database& db, const char* sql, std::int64_t id) {
  return guarded([&]() -> std::optional<CustomerId> {
    SQLite::Statement q(db.sql(), sql);
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
  });
}
}  // namespace

std::optional<CustomerId> SqliteCustomerFileStore::ownerOfPet(std::int64_t petId) {
  return ownerBy(db_, "SELECT customer_id FROM pets WHERE id = ?", petId);
}

std::optional<CustomerId> SqliteCustomerFileStore::ownerOfVisit(std::int64_t visitId) {
  return ownerBy(db_, "SELECT customer_id FROM customer_visits WHERE id = ?", visitId);
}

}  // namespace salon::storage
