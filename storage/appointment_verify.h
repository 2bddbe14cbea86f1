#pragma once
#include "storage/verify.h"

namespace salon::storage {

// Appointments: each lasts exactly as long as its services; no staff member,
// room or kennel holds two live bookings at once; only follow-ups carry a
// satisfaction score.
LedgerCheck checkAppointments(SQLite::Database& db);

}  // namespace salon::storage
