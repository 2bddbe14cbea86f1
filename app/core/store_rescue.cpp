#include "app/core/store_rescue.h"

#include <cstdio>

namespace salon {
namespace {

struct Kind {
  const char* code;
  const char* prefix;
};

// Fixed numbers: support's sheet lists them, so they never change meaning.
constexpr Kind kKinds[] = {
    {"db_corrupt", "D1"},  {"db_empty_file", "D2"}, {"db_too_new", "D3"},  {"db_readonly", "D4"},
    {"disk_full", "D5"},   {"db_busy", "D6"},       {"db_tables_missing", "D7"}, {"db_cantopen", "D8"},
    {"db_error", "D9"},    {"db_missing", "D0"},    {"database_damaged", "D1"},
};

}  // namespace

bool isStoreProblem(const std::string& code) {
  for (const Kind& k : kKinds)
    if (code == k.code) return true;
  return false;
}

std::string supportCodeOf(const StoreProblem& p) {
  std::string prefix = "D9";
  for (const Kind& k : kKinds)
    if (p.code == k.code) prefix = k.prefix;
  // FNV-1a of the detail, folded to 16 bits.
  std::uint32_t h = 2166136261u;
  for (unsigned char c : p.detail) h = (h ^ c) * 16777619u;
  char out[16];
  std::snprintf(out, sizeof out, "%s-%04X", prefix.c_str(), static_cast<unsigned>((h ^ (h >> 16)) & 0xFFFF));
  return out;
}

}  // namespace salon
