#pragma once
// Projections of new events, written in the batch's transaction: sales, their
// lines and tenders, per-store per-day totals (the Z report's figures) and the
// customers registered at each store. A payload that cannot be projected is
// returned as a quarantine reason instead; the rest of the batch goes on.
#include <string>
#include <vector>

#include "app/hq/upload_batch.h"

namespace pqxx {
class dbtransaction;
}

namespace salon::hq {

struct QuarantinedEvent {
  const OutboxEvent* event;
  std::string reason;
};

// The sale kind an event type posts ("sale", "void", ...), or "" when the type is no sale.
std::string saleKindOf(const std::string& eventType);

// Projects `fresh` (events stored for the first time) and returns those it could not.
std::vector<QuarantinedEvent> projectEvents(pqxx::dbtransaction& w, const std::string& store,
                                            const std::vector<const OutboxEvent*>& fresh);

}  // namespace salon::hq
