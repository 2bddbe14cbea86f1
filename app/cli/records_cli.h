#pragma once
// Shared by the record-keeping subcommands (changes, reviews, services,
// complaints, disputes, loans, compliance): one database, the signed-in staff
// member, the guard and the record-keeping store.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/recording_deadline.h"
#include "storage/audit_store.h"
#include "storage/record_keeping_store.h"

namespace salon::cli {

struct RecordsArgs {
  std::string db, staff, id, file, field, value, reason, notes, purpose, customer, item, assignee, channel = "counter",
      description, from, to, format = "json", due, sale, lines, manager, last4, card, request, week, encoding,
      corrects;
  bool approve = false, byCustomer = false, complete = false, undamaged = false, upheld = false, pending = false;
  int minutes = 0, score = 0;
};

struct RecordsRoom {
  std::unique_ptr<storage::Database> db;
  storage::SqliteAuditLog audit;
  Guard guard;
  const Clock& clock;
  Staff me;
  storage::SqliteRecordKeeping store;
  StoreZone zone;

  RecordsRoom(const Invocation& inv, const RecordsArgs& a);
  // File number, member number or phone → id (DomainError unknown_customer).
  CustomerId customerId(const std::string& key);
};

// Store rules: the complaint deadline (settings key complaint_hours, default 48).
RecordingRules recordingRules(storage::Database& db);

// "2026-11-22 14:05" in the store's zone, or null.
nlohmann::json localTime(const std::optional<Instant>& t, StoreZone zone);

// Adds --db and --staff to `sub`.
CLI::App* staffCommand(CLI::App* parent, const char* name, const char* what, RecordsArgs& a);

}  // namespace salon::cli
