#pragma once
// Reminders the day before (issue 19; the pet shop's rule: remind customers the day
// before). A confirmed online booking whose local day is tomorrow, from the store's
// `online.reminder_from` (default 10:00, local) on, gets one SMS in the language it
// was booked in, unless the phone replied TD (mayText, Purpose::Reminder).
//
// Once, across restarts, crashes and several processes: the claim is a row in
// booking_texts (booking, 'reminder') inserted in the transaction that sends; a
// second sweeper's insert waits for the first to commit and then does nothing; a
// crash before the commit leaves no row, the next pass sends again under the same
// idempotency key ("<booking>:reminder"), which the provider delivers once.
#include <pqxx/connection>

#include "app/core/clock.h"

namespace salon::hq {

class SmsProvider;

// One pass; returns how many reminders were sent.
int sendReminders(pqxx::connection& db, SmsProvider& sms, Instant now);

}  // namespace salon::hq
