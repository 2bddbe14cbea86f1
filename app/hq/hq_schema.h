#pragma once
// The head office's PostgreSQL schema: numbered migrations (app/hq/migrations/
// NNN_name.sql, embedded at build time), applied in order, each in its own
// transaction, under an advisory lock so several salon-hq processes may start at once.
#include <string>
#include <vector>

#include <pqxx/connection>

namespace salon::hq {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& migrations();

// Applies what is missing; returns how many migrations ran.
int migrate(pqxx::connection& db);

}  // namespace salon::hq
