#include "storage/customer_rows.h"

#include "storage/settings_store.h"

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
  up.bind(1, year);
  up.bind(2, count);
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

namespace {
void bindBlob(SQLite::Statement& s, int i, const std::string& b) {
  s.bind(i, static_cast<const void*>(b.data()), static_cast<int>(b.size()));
}
}  // namespace

CustomerId CustomerRowWriter::insert(const NewCustomerFile& f, const std::string& fileNo, const std::string& memberNo,
                                     const std::string& status, bool imported) {
  SQLite::Statement& s = customer_;
  s.reset();
  s.clearBindings();
  s.bind(1, fileNo);
  if (memberNo.empty()) s.bind(2); else s.bind(2, memberNo);
  s.bind(3, f.name);
  s.bind(4, f.phone.normalised);
  auto bd = f.fields.find("birthday");
  if (bd != f.fields.end() && bd->second.state == FieldState::Value) s.bind(5, bd->second.value); else s.bind(5);
  s.bind(6, status);
  s.bind(7, static_cast<std::int64_t>(f.createdAt));
  s.bind(8, f.createdBy);
  s.bind(9, f.phone.last4);
  s.bind(10, f.sharedPhone ? 1 : 0);
  s.bind(11, f.keys.searchForm);
  s.bind(12, f.keys.pinyin);
  s.bind(13, f.keys.initials);
  bindBlob(s, 14, f.keys.pinyinSortKey);
  bindBlob(s, 15, f.keys.strokeSortKey);
  auto skin = f.fields.find("skin_type");
  s.bind(16, skin != f.fields.end() ? skin->second.value : std::string());
  s.bind(17, f.consent.status);
  s.bind(18, f.consent.noticeVersion);
  s.bind(19, static_cast<std::int64_t>(f.consent.at));
  s.bind(20, f.consent.staff);
  s.bind(21, f.consent.marketing ? 1 : 0);
  s.bind(22, imported ? 1 : 0);
  s.exec();
  CustomerId id = db_.getLastInsertRowid();
  for (const NameGram& g : f.keys.grams) {
    gram_.reset();
    gram_.bind(1, g.text);
    gram_.bind(2, static_cast<int>(g.place));
    gram_.bind(3, static_cast<std::int64_t>(id));
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
    del.bind(1, static_cast<std::int64_t>(id));
    del.bind(2, key);
    del.exec();
    return;
  }
  field_.reset();
  field_.bind(1, static_cast<std::int64_t>(id));
  field_.bind(2, key);
  field_.bind(3, fieldStateName(v.state));
  field_.bind(4, v.value);
  field_.bind(5, static_cast<std::int64_t>(at));
  field_.bind(6, staff);
  field_.exec();
}

std::int64_t CustomerRowWriter::insertVisit(CustomerId id, const VisitRecord& v) {
  visit_.reset();
  visit_.bind(1, static_cast<std::int64_t>(id));
  visit_.bind(2, static_cast<std::int64_t>(v.at));
  visit_.bind(3, v.service);
  visit_.bind(4, v.staff);
  visit_.bind(5, v.durationMinutes);
  visit_.bind(6, v.beforeNotes);
  visit_.bind(7, v.afterNotes);
  visit_.bind(8, v.effect);
  visit_.bind(9, v.productsUsed);
  visit_.exec();
  return db_.getLastInsertRowid();
}

std::int64_t CustomerRowWriter::insertPet(CustomerId id, const Pet& p, Instant at) {
  pet_.reset();
  pet_.bind(1, static_cast<std::int64_t>(id));
  pet_.bind(2, p.name);
  pet_.bind(3, p.species);
  pet_.bind(4, p.breed);
  pet_.bind(5, p.weightGrams);
  pet_.bind(6, p.temperament);
  pet_.bind(7, p.healthNotes);
  pet_.bind(8, static_cast<std::int64_t>(at));
  pet_.exec();
  return db_.getLastInsertRowid();
}

}  // namespace salon::storage
