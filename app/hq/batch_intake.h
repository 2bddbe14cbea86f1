#pragma once
// Writes one uploaded batch in one transaction (PROTOCOL.md, "Up"): events already
// stored are ignored, a gap is refused, projections follow only the new events,
// the audit head is kept. Batches of one store are serialized by a row lock on the
// store, so any number of salon-hq processes may share the database.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/hq/upload_batch.h"

#include <pqxx/connection>

namespace salon::hq {

constexpr std::int64_t kSkewThresholdMs = 5 * 60 * 1000;

// The 200 answer: {"stored_through","new","duplicates","quarantined"}. `body` is
// the JSON `batch` was parsed from (the events are inserted from it as they came).
// Throws Refusal for revoked (401), replayed and sequence_gap (409).
nlohmann::json takeBatch(pqxx::connection& db, const std::string& store, const UploadBatch& batch,
                         const std::string& body, std::int64_t hqNowMs);

}  // namespace salon::hq
