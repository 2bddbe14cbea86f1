#pragma once
// The demo salon's boarding and member events around today, so the appointments
// screen's 寄养 tab and 沙龙活动 list show what a pet shop and a beauty salon see
// on an ordinary day: a dog arriving, a cat going home, a rabbit staying; an
// event today with its invitees and one in five days with whom to invite.
#include "app/core/clock.h"
#include "storage/database.h"

namespace salon::demo {

// Once, on a store with pets and no stays or events yet; rows only (no audit or
// outbox: like the rest of the demo's history, nothing to send to head office).
void seedDemoCare(storage::Database& db, const Clock& clock);

}  // namespace salon::demo
