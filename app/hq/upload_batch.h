#pragma once
// A batch of outbox events as the kiosk uploads it (PROTOCOL.md, "Up"), parsed
// and checked before any database work: anything malformed is 400 bad_batch.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace salon::hq {

constexpr std::size_t kMaxBatchEvents = 500;

struct OutboxEvent {
  std::string id;  // the kiosk's UUID: stored once
  std::int64_t seq = 0;
  std::string type;
  std::int64_t at = 0;  // kiosk clock, ms
  std::string day;      // the kiosk's business day, YYYY-MM-DD
  nlohmann::json payload;
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

struct UploadBatch {
  std::string store, id;
  std::int64_t sentAt = 0;
  std::vector<OutboxEvent> events;  // in seq order, consecutive
  std::optional<AuditHead> auditHead;
  std::optional<std::int64_t> eventsWaiting;  // still in the kiosk's outbox after this batch; absent: not told
};

// Throws Refusal(400, "bad_batch") with what is wrong.
UploadBatch parseUploadBatch(const std::string& body);

}  // namespace salon::hq
