#include <catch2/catch.hpp>

#include "storage/basic_customer_directory.h"
#include "support/temp_dir.h"

using namespace salon;
using namespace salon::storage;

namespace {

void addStaff(Database& db) {
  db.write([](SQLite::Database& s) {
    s.exec("INSERT INTO staff (code, name, role, department, pin_hash, active, created_at) "
           "VALUES ('admin', '管理员', 'admin', '', 'x', 1, 0)");
  });
}

void addCustomer(Database& db, const std::string& fileNo, const std::string& member, const std::string& name,
                 const std::string& phone, std::int64_t at) {
  db.write([&](SQLite::Database& s) {
    SQLite::Statement q(s, "INSERT INTO customers (file_no, member_no, name, phone, birthday, status, created_at, created_by) "
                           "VALUES (?, ?, ?, ?, '1990-05-06', 'in_force', ?, 'admin')");
    q.bind(1, fileNo);
    if (member.empty()) q.bind(2); else q.bind(2, member);
    q.bind(3, name);
    q.bind(4, phone);
    q.bind(5, at);
    q.exec();
  });
}

std::vector<std::string> names(const std::vector<CustomerSummary>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(c.name);
  return out;
}

}  // namespace

TEST_CASE("the temporary customer directory finds by phone, phone suffix, name and numbers") {
  test::TempDir dir;
  auto db = Database::open(dir.file("c.db"));
  addStaff(*db);
  addCustomer(*db, "S01-2026-000001", "M00000001", "张三", "13800138000", 100);
  addCustomer(*db, "S01-2026-000002", "", "陳美玲", "13912345678", 200);
  addCustomer(*db, "S01-2026-000003", "", "张_丰", "13700005678", 300);
  BasicCustomerDirectory dir_(*db);

  CHECK(names(dir_.search("13800138000", 10)) == std::vector<std::string>{"张三"});
  // The last four digits match two files, newest first.
  CHECK(names(dir_.search("5678", 10)) == std::vector<std::string>{"张_丰", "陳美玲"});
  // Fewer than four digits never match a suffix, and a middle part never matches.
  CHECK(dir_.search("678", 10).empty());
  CHECK(dir_.search("0013", 10).empty());
  CHECK(names(dir_.search("美玲", 10)) == std::vector<std::string>{"陳美玲"});
  CHECK(names(dir_.search("M00000001", 10)) == std::vector<std::string>{"张三"});
  CHECK(names(dir_.search("S01-2026-000002", 10)) == std::vector<std::string>{"陳美玲"});
  // LIKE wildcards typed by a person match only themselves.
  CHECK(names(dir_.search("_", 10)) == std::vector<std::string>{"张_丰"});
  CHECK(dir_.search("%", 10).empty());
  CHECK(dir_.search("", 10).empty());
  CHECK(dir_.search("5678", 1).size() == 1);

  auto recent = dir_.recent(2);
  REQUIRE(recent.size() == 2);
  CHECK(recent[0].fileNo == "S01-2026-000003");
  auto one = dir_.byId(recent[1].id);
  REQUIRE(one);
  CHECK(one->name == "陳美玲");
  CHECK(one->memberNo.empty());
  REQUIRE(one->birthday);
  CHECK(one->birthday->month == 5);
  CHECK(one->status == "in_force");
  CHECK_FALSE(dir_.byId(9999));
}
