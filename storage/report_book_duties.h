#pragma once
// The service details' clock for the reports, counted from the per-hour items of
// report_hour_service_duties (migration report_year_items) instead of judging a
// year of service lines one by one, with the same figures as
// storage::serviceDetailItems gives computeCompliance.
#include "app/core/compliance.h"
#include "storage/database.h"

namespace salon::storage {

// The services owed details whose clock started in [from - 1 day, to), as items
// for computeCompliance at `now`: the sales that a tap may belong to, that have
// details recorded, that a correction names, or that fall in an hour a boundary
// cuts (from, to, now, a local midnight, less the clock's length) are read raw
// and judged as serviceDetailItems does; every other service is an overdue,
// untapped one and is counted per hour and staff member. Not marked corrected:
// `corrections` are applied to the raw items here.
std::vector<RecordedItem> countedServiceDuties(Database& db, Instant from, Instant to, const RecordingRules& rules,
                                               Instant now, const std::vector<Correction>& corrections);

// The consumption records' clock the same way (report_hour_consumption): records
// of the span (clock started in [from - 1 day, to) or recorded in [from, to)) of
// sales a correction names, or in an hour a boundary cuts (from, to, a local
// midnight, less the clock's length or plus the record's delay), are read raw as
// recordedItems reads them; the rest are counted per hour, cashier and delay.
// `now` is not needed (a record is always done) but kept for one signature.
std::vector<RecordedItem> countedConsumption(Database& db, Instant from, Instant to, const RecordingRules& rules,
                                             Instant now, const std::vector<Correction>& corrections);

}  // namespace salon::storage
