// TEMPORARY: see basic_customer_directory.h.
#include "storage/basic_customer_directory.h"

#include <algorithm>

namespace salon::storage {
namespace {

constexpr const char* kColumns = "SELECT id, file_no, member_no, name, phone, birthday, status FROM customers ";

CustomerSummary readRow(SQLite::Statement& q) {
  CustomerSummary c;
  c.id = q.getColumn(0).getInt64();
  c.fileNo = q.getColumn(1).getString();
  c.memberNo = q.getColumn(2).isNull() ? "" : q.getColumn(2).getString();
  c.name = q.getColumn(3).getString();
  c.phone = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) {
    std::string b = q.getColumn(5).getString();
    if (b.size() == 10) c.birthday = CivilDate{std::stoi(b.substr(0, 4)), std::stoi(b.substr(5, 2)), std::stoi(b.substr(8, 2))};
  }
  c.status = q.getColumn(6).getString();
  return c;
}

std::vector<CustomerSummary> readAll(SQLite::Statement& q) {
  std::vector<CustomerSummary> out;
  while (q.executeStep()) out.push_back(readRow(q));
  return out;
}

bool allDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// LIKE wildcards in what a person typed match themselves.
std::string likeEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::optional<CustomerSummary> BasicCustomerDirectory::byId(CustomerId id) {
  return guarded([&]() -> std::optional<CustomerSummary> {
    SQLite::Statement q(db_.sql(), std::string(kColumns) + "WHERE id = ?");
    q.bind(1, static_cast<std::int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    return readRow(q);
  });
}

std::vector<CustomerSummary> BasicCustomerDirectory::search(const std::string& query, int limit) {
  if (query.empty()) return {};
  return guarded([&] {
    if (allDigits(query)) {
      // Whole number, or its last digits (4 or more): phone_suffix.
      SQLite::Statement q(db_.sql(), std::string(kColumns) +
                                         "WHERE phone = ?1 OR (length(?1) >= 4 AND substr(phone, -length(?1)) = ?1) "
                                         "ORDER BY created_at DESC, id DESC LIMIT ?2");
      q.bind(1, query);
      q.bind(2, limit);
      return readAll(q);
    }
    SQLite::Statement q(db_.sql(), std::string(kColumns) +
                                       "WHERE file_no = ?1 OR member_no = ?1 OR name LIKE ?2 ESCAPE '\\' "
                                       "ORDER BY (file_no = ?1 OR member_no = ?1) DESC, created_at DESC, id DESC LIMIT ?3");
    q.bind(1, query);
    q.bind(2, "%" + likeEscape(query) + "%");
    q.bind(3, limit);
    return readAll(q);
  });
}

std::vector<CustomerSummary> BasicCustomerDirectory::recent(int limit) {
  return guarded([&] {
    SQLite::Statement q(db_.sql(), std::string(kColumns) + "ORDER BY created_at DESC, id DESC LIMIT ?");
    q.bind(1, limit);
    return readAll(q);
  });
}

}  // namespace salon::storage
