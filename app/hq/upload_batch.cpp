#include "app/hq/upload_batch.h"

#include "app/core/clock.h"
#include "app/core/uuid.h"
#include "app/hq/refusal.h"

namespace salon::hq {
namespace {

[[noreturn]] void bad(const std::string& what) { throw Refusal(400, "bad_batch", what); }

std::int64_t integerField(const nlohmann::json& j, const char* key, const std::string& where) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) bad(where + ": \"" + key + "\" must be an integer");
  return it->get<std::int64_t>();
}

std::string textField(const nlohmann::json& j, const char* key, const std::string& where) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
    bad(where + ": \"" + key + "\" must be a non-empty string");
  return it->get<std::string>();
}

OutboxEvent parseEvent(const nlohmann::json& j, std::size_t i) {
  std::string where = "events[" + std::to_string(i) + "]";
  if (!j.is_object()) bad(where + " must be an object");
  OutboxEvent e;
  e.id = textField(j, "id", where);
  if (!isUuid(e.id)) bad(where + ": id is not a UUID");
  e.seq = integerField(j, "seq", where);
  if (e.seq <= 0) bad(where + ": seq must be positive");
  e.type = textField(j, "type", where);
  e.at = integerField(j, "at", where);
  e.day = textField(j, "day", where);
  CivilDate d;
  if (!parseDate(e.day, d) || formatDate(d) != e.day) bad(where + ": day must be YYYY-MM-DD");
  auto p = j.find("payload");
  e.payload = p == j.end() ? nlohmann::json::object() : *p;
  return e;
}

void checkOrder(const std::vector<OutboxEvent>& events) {
  for (std::size_t i = 1; i < events.size(); ++i)
    if (events[i].seq != events[i - 1].seq + 1)
      bad("events must be in seq order with no gaps: " + std::to_string(events[i - 1].seq) + " then " +
          std::to_string(events[i].seq));
}

}  // namespace

UploadBatch parseUploadBatch(const std::string& body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) bad("the body is not a JSON object");
  UploadBatch b;
  b.store = textField(j, "store", "batch");
  b.id = textField(j, "batch", "batch");
  if (!isUuid(b.id)) bad("batch: \"batch\" is not a UUID");
  b.sentAt = integerField(j, "sent_at", "batch");
  auto events = j.find("events");
  if (events == j.end() || !events->is_array()) bad("batch: \"events\" must be an array");
  if (events->size() > kMaxBatchEvents) bad("batch: at most 500 events");
  for (std::size_t i = 0; i < events->size(); ++i) b.events.push_back(parseEvent((*events)[i], i));
  checkOrder(b.events);
  auto head = j.find("audit_head");
  if (head != j.end() && !head->is_null()) {
    if (!head->is_object()) bad("batch: \"audit_head\" must be an object");
    b.auditHead = AuditHead{integerField(*head, "seq", "audit_head"), textField(*head, "hash", "audit_head")};
  }
  if (j.contains("events_waiting") && !j["events_waiting"].is_null()) {
    b.eventsWaiting = integerField(j, "events_waiting", "batch");
    if (*b.eventsWaiting < 0) bad("batch: \"events_waiting\" must not be negative");
  }
  return b;
}

}  // namespace salon::hq
