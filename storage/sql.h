#pragma once
// SQL values for the salon's types, on top of SQLiteCpp.
//
// Parameters: `SQLite::bind(q, a, b, c)` (SQLiteCpp's VariadicBind.h) binds ?1 ?2 ?3
// in order; Instant, CustomerId and Money's `.fen` are std::int64_t and bind as they
// are, a flag binds as 0/1. SQLiteCpp 3.2 has no NULL for an absent value, so where a
// value may be NULL, `sql::bind` walks the parameters the same way and also takes
// std::optional (NULL when absent), `sql::orNull` text (NULL when empty), `sql::blob`
// bytes and Money.
//
// Columns: `money`, `optionalInt` and `text` read NULL as the salon means it;
// `rows` and `firstRow` run a statement and read each row with a row reader.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/money.h"

namespace salon::storage::sql {

// Text that is NULL when empty (a staff reference not yet made, say).
struct OrNull {
  const std::string& text;
};
inline OrNull orNull(const std::string& text) { return {text}; }

// Bytes bound as a BLOB (a printer job, a photo), not as text.
struct Blob {
  const std::string& bytes;
};
inline Blob blob(const std::string& bytes) { return {bytes}; }

inline void bindAt(SQLite::Statement& q, int i, Money m) { q.bind(i, m.fen); }
inline void bindAt(SQLite::Statement& q, int i, OrNull v) {
  if (v.text.empty()) q.bind(i); else q.bind(i, v.text);
}
inline void bindAt(SQLite::Statement& q, int i, Blob v) {
  q.bind(i, v.bytes.data(), static_cast<int>(v.bytes.size()));
}
template <class T>
void bindAt(SQLite::Statement& q, int i, const T& v) { q.bind(i, v); }
template <class T>
void bindAt(SQLite::Statement& q, int i, const std::optional<T>& v) {
  if (v) bindAt(q, i, *v); else q.bind(i);
}

// Binds ?1, ?2, ... in order, as SQLite::bind does, with NULLs and Money.
template <class... A>
void bind(SQLite::Statement& q, const A&... args) {
  int i = 0;
  (bindAt(q, ++i, args), ...);
}

inline Money money(const SQLite::Column& c) { return Money(c.getInt64()); }
// An instant or an id that may be NULL.
inline std::optional<std::int64_t> optionalInt(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::int64_t>(c.getInt64());
}
// NULL reads as "".
inline std::string text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }
// The bytes of a BLOB as they are.
inline std::string bytes(const SQLite::Column& c) {
  return std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

// Every row of `q`, each read by `read(q)`.
template <class Read>
auto rows(SQLite::Statement& q, Read read) -> std::vector<decltype(read(q))> {
  std::vector<decltype(read(q))> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

// The first row of `q` read by `read(q)`, or nothing when there is none.
template <class Read>
auto firstRow(SQLite::Statement& q, Read read) -> std::optional<decltype(read(q))> {
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

}  // namespace salon::storage::sql
