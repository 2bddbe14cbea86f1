#include "storage/customer_rows.h"

#include "storage/settings_store.h"
#include "storage/sql.h"

namespace salon::storage {

std::string storeCode(SQLite::Database& db) {
  auto code = readSetting(db, "store.code");
  return code && !code->empty() ? *code : "S01";
}

StoreZone storeZone(SQLite::Database& db) {
  StoreZone z;
  if (auto v = readSetting(db, "store.zone_offset_minutes")) {
    try {
      z.offsetMinutes = std::stoi(*v);
    } catch (const std::exception&) {
      // A damaged setting: keep the default +08:00 rather than refuse to work.
    }
  }
  return z;
}

std::int64_t reserveFileNumbers(SQLite::Database& db, int year, std::int64_t count) {
  SQLite::Statement up(db, "INSERT INTO customer_file_numbers (year, last) VALUES (?, ?)"
                           " ON CONFLICT(year) DO UPDATE SET last = last + excluded.last RETURNING last");
  SQLite::bind(up, year, count);
  up.executeStep();
  return up.getColumn(0).getInt64() - count + 1;
}

std::int64_t reserveMemberNumbers(SQLite::Database& db, std::int64_t count) {
  SQLite::Statement up(db, "INSERT INTO customer_member_numbers (one, last) VALUES (1, ?)"
                           " ON CONFLICT(one) DO UPDATE SET last = last + excluded.last RETURNING last");
  up.bind(1, count);
  up.executeStep();
  return up.getColumn(0).getInt64() - count + 1;
}

CustomerRowWriter::CustomerRowWriter(SQLite::Database& db, const std::string& gramTable)
    : db_(db),
      customer_(db,
                "INSERT INTO customers (file_no, member_no, name, phone, birthday, status, created_at, created_by,"
                " phone_last4, phone_shared, name_search, pinyin, initials, pinyin_sort, stroke_sort, skin_type,"
                " consent_status, consent_notice, consent_at, consent_staff, marketing_opt_in, imported)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
      gram_(db, "INSERT OR IGNORE INTO " + gramTable + " (gram, place, customer_id) VALUES (?,?,?)"),
      field_(db, "INSERT INTO customer_fields (customer_id, field, state, value, updated_at, updated_by)"
                 " VALUES (?,?,?,?,?,?) ON CONFLICT(customer_id, field) DO UPDATE SET state = excluded.state,"
                 " value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by"),
      visit_(db, "INSERT INTO customer_visits (customer_id, at, service, staff, duration_min, before_notes,"
                 " after_notes, effect, products_used) VALUES (?,?,?,?,?,?,?,?,?)"),
      pet_(db, "INSERT INTO pets (customer_id, name, species, breed, weight_g, temperament, health_notes, created_at)"
               " VALUES (?,?,?,?,?,?,?,?)") {}

CustomerId CustomerRowWriter::insert(const NewCustomerFile& f, const std::string& fileNo, const std::string& memberNo,
                                     const std::string& status, bool imported) {
  SQLite::Statement& s = customer_;
  s.reset();
  s.clearBindings();
  auto bd = f.fields.find("birthday");
  std::optional<std::string> birthday;
  if (bd != f.fields.end() && bd->second.state == FieldState::Value) birthday = bd->second.value;
  auto skin = f.fields.find("skin_type");
  sql::bind(s, fileNo, sql::orNull(memberNo), f.name, f.phone.normalised, birthday, status, f.createdAt, f.createdBy,
            f.phone.last4, f.sharedPhone, f.keys.searchForm, f.keys.pinyin, f.keys.initials,
            sql::blob(f.keys.pinyinSortKey), sql::blob(f.keys.strokeSortKey),
            skin != f.fields.end() ? skin->second.value : std::string(), f.consent.status, f.consent.noticeVersion,
            f.consent.at, f.consent.staff, f.consent.marketing, imported);
  s.exec();
  CustomerId id = db_.getLastInsertRowid();
  for (const NameGram& g : f.keys.grams) {
    gram_.reset();
    SQLite::bind(gram_, g.text, static_cast<int>(g.place), id);
    gram_.exec();
  }
  for (const auto& [key, value] : f.fields)
    if (value.state != FieldState::Empty) insertField(id, key, value, f.createdAt, f.createdBy);
  return id;
}

void CustomerRowWriter::insertField(CustomerId id, const std::string& key, const FieldValue& v, Instant at,
                                    const std::string& staff) {
  if (v.state == FieldState::Empty) {
    SQLite::Statement del(db_, "DELETE FROM customer_fields WHERE customer_id = ? AND field = ?");
    SQLite::bind(del, id, key);
    del.exec();
    return;
  }
  field_.reset();
  SQLite::bind(field_, id, key, fieldStateName(v.state), v.value, at, staff);
  field_.exec();
}

std::int64_t CustomerRowWriter::insertVisit(CustomerId id, const VisitRecord& v) {
  visit_.reset();
  SQLite::bind(visit_, id, v.at, v.service, v.staff, v.durationMinutes, v.beforeNotes, v.afterNotes, v.effect,
               v.productsUsed);
  visit_.exec();
  return db_.getLastInsertRowid();
}

std::int64_t CustomerRowWriter::insertPet(CustomerId id, const Pet& p, Instant at) {
  pet_.reset();
  SQLite::bind(pet_, id, p.name, p.species, p.breed, p.weightGrams, p.temperament, p.healthNotes, at);
  pet_.exec();
  return db_.getLastInsertRowid();
}

}  // namespace salon::storage
