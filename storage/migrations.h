#pragma once
#include <string>
#include <vector>

namespace salon::storage {

struct Migration {
  int version;       // NNN of migrations/NNN_name.sql; PRAGMA user_version after it
  const char* name;
  const char* sql;
};

// Every migration, in order (generated from storage/migrations/*.sql).
const std::vector<Migration>& migrations();
int latestSchemaVersion();

}  // namespace salon::storage
