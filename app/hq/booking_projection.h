#pragma once
// What online booking needs from a store's uploaded events, projected in the
// batch's transaction (like sale_projection): appointment.* (its payload carries
// the state) into store_appointments, staff.absent into staff_absences,
// settings.changed into store_settings, and the kiosk's answers to online holds
// (booking.decided) onto online_bookings.
#include <string>
#include <vector>

#include "app/hq/sale_projection.h"

namespace salon::hq {

std::vector<QuarantinedEvent> projectBookingEvents(pqxx::dbtransaction& w, const std::string& store,
                                                   const std::vector<const OutboxEvent*>& fresh);

}  // namespace salon::hq
