#include "storage/customer_directory.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <unordered_set>

#include "app/core/customer_file.h"
#include "app/core/phone.h"
#include "app/core/text_rules.h"
#include "storage/customer_store.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

// Collects ids in rank order, once each, up to the limit.
struct Ranked {
  std::size_t limit;
  std::vector<CustomerId> ids;
  std::unordered_set<CustomerId> seen;
  bool full() const { return ids.size() >= limit; }
  long remaining() const { return static_cast<long>(limit - ids.size()); }
  void take(SQLite::Statement& q) {
    while (!full() && q.executeStep()) {
      CustomerId id = q.getColumn(0).getInt64();
      if (seen.insert(id).second) ids.push_back(id);
    }
  }
  // Runs `sql` with text binds; asks for enough rows to fill up after duplicates.
  void run(SQLite::Database& db, const std::string& sql, const std::vector<std::string>& binds) {
    if (full()) return;
    SQLite::Statement q(db, sql + " LIMIT ?");
    int i = 1;
    for (const std::string& b : binds) q.bind(i++, b);
    long want = limit == SIZE_MAX ? -1 : remaining() + static_cast<long>(seen.size());
    q.bind(i, want);
    take(q);
  }
};

std::string trimmed(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool phoneLike(const std::string& q) {
  bool digit = false;
  for (unsigned char c : q) {
    if (std::isdigit(c)) digit = true;
    else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')') return false;
  }
  return digit;
}

bool lettersOnly(const std::string& q) {
  for (unsigned char c : q)
    if (!std::isalpha(c)) return false;
  return !q.empty();
}

void phoneMatches(SQLite::Database& db, Ranked& r, const std::string& q) {
  std::string digits;
  for (char c : q)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (isPhone(q)) r.run(db, "SELECT id FROM customers WHERE phone = ? ORDER BY id", {parsePhone(q).normalised});
  if (digits.size() >= 5 && digits.size() < 11)  // the start of a mobile number
    r.run(db, "SELECT id FROM customers WHERE phone >= ? AND phone < ? ORDER BY phone, id", {digits, digits + ":"});
  if (digits.size() == 8 && digits == q)  // a Hong Kong or Macau number typed without its +852 / +853
    r.run(db, "SELECT id FROM customers WHERE phone IN (?, ?) ORDER BY id", {"+852" + digits, "+853" + digits});
  if (digits.size() == 4) r.run(db, "SELECT id FROM customers WHERE phone_last4 = ? ORDER BY id", {digits});
}

constexpr const char* kGramSql = "SELECT customer_id FROM customer_name_grams WHERE gram = ? ORDER BY place, customer_id";

void nameMatches(SQLite::Database& db, Ranked& r, NameKeyMaker& keys, const std::string& q) {
  std::string form = keys.searchForm(q);
  std::vector<char32_t> cps;
  if (form.empty() || !decodeUtf8(form, cps)) return;
  if (cps.size() <= kMaxGram) {
    r.run(db, kGramSql, {form});
    return;
  }
  // Longer than any stored piece: candidates by the first four characters, then
  // the whole query must be inside the name.
  std::string head = encodeUtf8(std::vector<char32_t>(cps.begin(), cps.begin() + kMaxGram));
  r.run(db,
        "SELECT c.id FROM customer_name_grams g JOIN customers c ON c.id = g.customer_id"
        " WHERE g.gram = ? AND instr(c.name_search, ?) > 0"
        " ORDER BY c.name_search <> ?, substr(c.name_search, 1, length(?)) <> ?, c.id",
        {head, form, form, form, form});
}

void pinyinMatches(SQLite::Database& db, Ranked& r, const std::string& q) {
  std::string p;
  for (char c : q) p += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  r.run(db, "SELECT id FROM customers WHERE pinyin = ? ORDER BY id", {p});
  r.run(db, "SELECT id FROM customers WHERE initials = ? ORDER BY id", {p});
  r.run(db, "SELECT id FROM customers WHERE pinyin >= ? AND pinyin < ? ORDER BY pinyin, id", {p, p + "{"});
  r.run(db, "SELECT id FROM customers WHERE initials >= ? AND initials < ? ORDER BY initials, id", {p, p + "{"});
}

}  // namespace

std::vector<CustomerId> SqliteCustomerDirectory::matchIds(const std::string& query, int limit) {
  return guarded([&] {
    SQLite::Database& db = db_.sql();
    Ranked r{limit <= 0 ? SIZE_MAX : static_cast<std::size_t>(limit), {}, {}};
    std::string q = trimmed(query);
    if (q.empty()) return r.ids;
    std::string u = upper(q);
    if (isFileNo(u)) r.run(db, "SELECT id FROM customers WHERE file_no = ?", {u});
    if (isMemberNo(u)) r.run(db, "SELECT id FROM customers WHERE member_no = ?", {u});
    if (phoneLike(q)) {
      phoneMatches(db, r, q);
      return r.ids;
    }
    nameMatches(db, r, keys_, q);
    if (lettersOnly(q)) pinyinMatches(db, r, q);
    return r.ids;
  });
}

namespace {
std::vector<CustomerSummary> summariesOf(SQLite::Database& db, const std::vector<CustomerId>& ids) {
  std::vector<CustomerSummary> out;
  out.reserve(ids.size());
  SQLite::Statement q(db, std::string("SELECT ") + kSummaryColumns + " FROM customers WHERE id = ?");
  for (CustomerId id : ids) {
    q.reset();
    q.bind(1, id);
    if (q.executeStep()) out.push_back(readSummary(q));
  }
  return out;
}
}  // namespace

std::vector<CustomerSummary> SqliteCustomerDirectory::search(const std::string& query, int limit) {
  std::vector<CustomerId> ids = matchIds(query, limit);
  return guarded([&] { return summariesOf(db_.sql(), ids); });
}

std::int64_t SqliteCustomerDirectory::countMatches(const std::string& query) {
  return static_cast<std::int64_t>(matchIds(query, 0).size());
}

std::optional<CustomerSummary> SqliteCustomerDirectory::byId(CustomerId id) {
  auto found = guarded([&] { return summariesOf(db_.sql(), {id}); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<CustomerSummary> SqliteCustomerDirectory::recent(int limit) {
  return list(CustomerOrder::Created, 0, limit);
}

namespace {

std::vector<CustomerSummary> page(SQLite::Database& db, const std::string& where, const std::string& orderBy,
                                  std::int64_t offset, std::int64_t limit) {
  SQLite::Statement q(db, std::string("SELECT ") + kSummaryColumns + " FROM customers " + where + " ORDER BY " + orderBy +
                              " LIMIT ? OFFSET ?");
  SQLite::bind(q, limit, offset);
  std::vector<CustomerSummary> out;
  while (q.executeStep()) out.push_back(readSummary(q));
  return out;
}

// Files with a skin type first (by type, then pinyin), then those without: two
// walks of the (skin_type, pinyin_sort) index instead of sorting every file.
std::vector<CustomerSummary> bySkinType(SQLite::Database& db, std::int64_t offset, std::int64_t limit) {
  std::int64_t typed = db.execAndGet("SELECT COUNT(*) FROM customers WHERE skin_type > ''").getInt64();
  std::vector<CustomerSummary> out;
  if (offset < typed) out = page(db, "WHERE skin_type > ''", "skin_type, pinyin_sort, id", offset, limit);
  if (limit >= 0 && static_cast<std::int64_t>(out.size()) >= limit) return out;
  std::int64_t rest = limit < 0 ? -1 : limit - static_cast<std::int64_t>(out.size());
  auto untyped = page(db, "WHERE skin_type = ''", "pinyin_sort, id", std::max<std::int64_t>(0, offset - typed), rest);
  out.insert(out.end(), untyped.begin(), untyped.end());
  return out;
}

}  // namespace

std::vector<CustomerSummary> SqliteCustomerDirectory::list(CustomerOrder order, int offset, int limit) {
  std::int64_t lim = limit <= 0 ? -1 : limit, off = offset < 0 ? 0 : offset;
  if (order == CustomerOrder::SkinType) return guarded([&] { return bySkinType(db_.sql(), off, lim); });
  const char* orderBy = "";
  switch (order) {
    case CustomerOrder::Pinyin: orderBy = "pinyin_sort, id"; break;
    case CustomerOrder::SurnameStrokes: orderBy = "stroke_sort, id"; break;
    case CustomerOrder::Created: orderBy = "created_at DESC, id DESC"; break;
    case CustomerOrder::SkinType: break;
  }
  return guarded([&] { return page(db_.sql(), "", orderBy, off, lim); });
}

}  // namespace salon::storage
