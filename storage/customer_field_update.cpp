#include "storage/customer_field_update.h"

#include "app/core/error.h"
#include "app/core/phone.h"
#include "app/core/text_rules.h"
#include "storage/customer_rows.h"
#include "storage/sql.h"

namespace salon::storage {

std::string currentFieldValue(SQLite::Database& db, CustomerId id, const std::string& field) {
  if (field == "name" || field == "phone") {
    SQLite::Statement q(db, "SELECT " + field + " FROM customers WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) throw DomainError("customer_not_found", std::to_string(id));
    return q.getColumn(0).getString();
  }
  if (!findField(field)) throw DomainError("field_unknown", field);
  SQLite::Statement q(db, "SELECT state, value FROM customer_fields WHERE customer_id = ? AND field = ?");
  SQLite::bind(q, id, field);
  if (!q.executeStep()) return "";
  return q.getColumn(0).getString() == "declined" ? kDeclinedValue : q.getColumn(1).getString();
}

void updateName(SQLite::Database& db, CustomerId id, const NameKeys& k, const std::string& name) {
  SQLite::Statement up(db, "UPDATE customers SET name = ?, name_search = ?, pinyin = ?, initials = ?,"
                           " pinyin_sort = ?, stroke_sort = ? WHERE id = ?");
  sql::bind(up, name, k.searchForm, k.pinyin, k.initials, sql::blob(k.pinyinSortKey), sql::blob(k.strokeSortKey), id);
  up.exec();
  SQLite::Statement del(db, "DELETE FROM customer_name_grams WHERE customer_id = ?");
  del.bind(1, id);
  del.exec();
  SQLite::Statement gram(db, "INSERT OR IGNORE INTO customer_name_grams (gram, place, customer_id) VALUES (?,?,?)");
  for (const NameGram& g : k.grams) {
    gram.reset();
    SQLite::bind(gram, g.text, static_cast<int>(g.place), id);
    gram.exec();
  }
}

void updatePhone(SQLite::Database& db, CustomerId id, const PhoneNumber& p) {
  SQLite::Statement up(db, "UPDATE customers SET phone = ?, phone_last4 = ? WHERE id = ?");
  SQLite::bind(up, p.normalised, p.last4, id);
  up.exec();
}

namespace {

// The mirrors the customers row keeps for lists and other modules.
void updateMirror(SQLite::Database& db, CustomerId id, const std::string& key, const FieldValue& v) {
  if (key != "birthday" && key != "skin_type") return;
  SQLite::Statement up(db, key == "birthday" ? "UPDATE customers SET birthday = ? WHERE id = ?"
                                             : "UPDATE customers SET skin_type = ? WHERE id = ?");
  if (key == "birthday" && v.state != FieldState::Value) up.bind(1); else up.bind(1, v.value);
  up.bind(2, id);
  up.exec();
}

}  // namespace

void CustomerFieldUpdate::operator()(SQLite::Database& db, const ChangeRequest& r) const {
  if (currentFieldValue(db, r.customer, r.field) != r.oldValue) throw DomainError("stale_change", r.field);
  if (r.field == "name") {
    std::string name = checkName(r.newValue);
    updateName(db, r.customer, keys_->keysOf(name), name);
  } else if (r.field == "phone") {
    updatePhone(db, r.customer, parsePhone(checkText("phone", r.newValue, {30, false, false})));
  } else {
    FieldValue v = checkField(r.field, fieldValueOfChange(r.newValue));
    CustomerRowWriter(db).insertField(r.customer, r.field, v, r.decidedAt.value_or(r.requestedAt), r.decidedBy);
    updateMirror(db, r.customer, r.field, v);
  }
}

}  // namespace salon::storage
