#pragma once
// A thread of `salon-hq serve` that keeps online bookings moving without anyone
// asking: every few seconds it declines holds whose store did not answer within its
// confirm window (store_offline), and texts customers the store's decision once.
// Several processes may run it: rows are taken FOR UPDATE SKIP LOCKED.
#include <memory>
#include <string>

#include <pqxx/connection>

#include "app/core/clock.h"

namespace salon::hq {

class SmsProvider;

// One pass; returns how many customers were told.
int sweepBookings(pqxx::connection& db, SmsProvider& sms, Instant now);

// Runs sweepBookings every `everyMs` on its own connection until the process ends
// (the thread shares the provider and the clock, so they outlive serve's frame).
void startBookingSweep(const std::string& pg, std::shared_ptr<SmsProvider> sms, std::shared_ptr<const Clock> clock,
                       int everyMs = 2000);

}  // namespace salon::hq
