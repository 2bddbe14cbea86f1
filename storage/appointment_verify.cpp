#include "storage/appointment_verify.h"

namespace salon::storage {
namespace {

std::string firstOf(SQLite::Database& db, const char* sql) {
  SQLite::Statement q(db, sql);
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

}  // namespace

LedgerCheck checkAppointments(SQLite::Database& db) {
  LedgerCheck r{"appointments", true, ""};
  struct Rule {
    const char* what;
    const char* sql;
  } rules[] = {
      {"length differs from its services: ",
       "SELECT a.id FROM appointments a WHERE (a.end_at - a.start_at) <>"
       " (SELECT coalesce(sum(duration_minutes), 0) * 60000 FROM appointment_services s WHERE s.appointment_id = a.id)"
       " LIMIT 1"},
      {"staff double-booked: ",
       "SELECT a.id FROM appointments a JOIN appointments b ON a.staff = b.staff AND a.id < b.id"
       " AND a.start_at < b.end_at AND b.start_at < a.end_at AND b.start_at > a.start_at - 43200000"
       " WHERE a.state IN ('booked', 'checked_in') AND b.state IN ('booked', 'checked_in') LIMIT 1"},
      {"room double-booked: ",
       "SELECT a.id FROM appointments a JOIN appointments b ON a.room = b.room AND a.room <> '' AND a.id < b.id"
       " AND a.start_at < b.end_at AND b.start_at < a.end_at AND b.start_at > a.start_at - 43200000"
       " WHERE a.state IN ('booked', 'checked_in') AND b.state IN ('booked', 'checked_in') LIMIT 1"},
      {"kennel double-booked: ",
       "SELECT a.id FROM boarding_stays a JOIN boarding_stays b ON a.kennel = b.kennel AND a.id < b.id"
       " AND a.check_in_on < b.check_out_on AND b.check_in_on < a.check_out_on"
       " WHERE a.state IN ('booked', 'in') AND b.state IN ('booked', 'in') LIMIT 1"},
      {"satisfaction outside a follow-up: ",
       "SELECT id FROM care_contacts WHERE satisfaction <> 0 AND kind <> 'followup' LIMIT 1"},
  };
  for (const Rule& rule : rules) {
    std::string bad = firstOf(db, rule.sql);
    if (bad.empty()) continue;
    r.ok = false;
    r.problem = rule.what + bad;
    break;
  }
  return r;
}

}  // namespace salon::storage
