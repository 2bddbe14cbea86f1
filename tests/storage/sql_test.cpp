#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include "storage/sql.h"

using namespace salon;
using namespace salon::storage;

namespace {

struct Row {
  std::string name;
  Money price;
  std::optional<std::int64_t> at;
  std::string ref;
  std::string bytes;
};

Row readRow(SQLite::Statement& q) {
  return {q.getColumn(0).getString(), sql::money(q.getColumn(1)), sql::optionalInt(q.getColumn(2)),
          sql::text(q.getColumn(3)), sql::bytes(q.getColumn(4))};
}

}  // namespace

TEST_CASE("sql::bind writes Money as fen, absent values and empty references as NULL, bytes as a BLOB") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t (name TEXT, price INTEGER, at INTEGER, ref TEXT, bytes BLOB)");
  SQLite::Statement ins(db, "INSERT INTO t VALUES (?,?,?,?,?)");
  std::string bytes("\x1B@\0\xFF", 4);
  sql::bind(ins, std::string("cut"), Money(12800), std::optional<std::int64_t>(1700000000000), sql::orNull("mgr"),
            sql::blob(bytes));
  ins.exec();
  ins.reset();
  sql::bind(ins, "wash", Money(-50), std::optional<std::int64_t>(), sql::orNull(""), sql::blob(""));
  ins.exec();

  CHECK(db.execAndGet("SELECT count(*) FROM t WHERE at IS NULL AND ref IS NULL").getInt() == 1);
  CHECK(db.execAndGet("SELECT typeof(price) || typeof(bytes) FROM t WHERE name = 'cut'").getString() ==
        "integerblob");

  SQLite::Statement q(db, "SELECT name, price, at, ref, bytes FROM t ORDER BY rowid");
  std::vector<Row> rows = sql::rows(q, readRow);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].price == Money(12800));
  CHECK(rows[0].at == 1700000000000);
  CHECK(rows[0].ref == "mgr");
  CHECK(rows[0].bytes == bytes);
  CHECK(rows[1].price == Money(-50));
  CHECK_FALSE(rows[1].at);
  CHECK(rows[1].ref.empty());
  CHECK(rows[1].bytes.empty());
}

TEST_CASE("SQLite::bind binds plain values in order, sql::firstRow reads one row or nothing") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  SQLite::Statement q(db, "SELECT ?1 || ':' || ?2 || ':' || ?3 WHERE ?4");
  SQLite::bind(q, std::string("a"), std::int64_t(7), true, 1);
  auto text = [](SQLite::Statement& s) { return s.getColumn(0).getString(); };
  CHECK(sql::firstRow(q, text) == std::optional<std::string>("a:7:1"));
  q.reset();
  SQLite::bind(q, "b", 8, false, 0);
  CHECK_FALSE(sql::firstRow(q, text));
}
