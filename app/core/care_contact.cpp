#include "app/core/care_contact.h"

#include <algorithm>
#include <map>

#include "app/core/error.h"
#include "app/core/uuid.h"

namespace salon {

const std::vector<std::string>& careContactKinds() {
  static const std::vector<std::string> all = {
      "reminder",      "late",          "no_show", "rebook",   "birthday_gift", "birthday_greeting",
      "care_reminder", "seasonal",      "lapsed",  "followup", "event_invite",
  };
  return all;
}

bool isMarketingKind(const std::string& kind) {
  return kind == "care_reminder" || kind == "seasonal" || kind == "event_invite";
}

namespace {

bool oneOf(const std::string& v, const std::vector<std::string>& all) {
  return std::find(all.begin(), all.end(), v) != all.end();
}

void checkShape(const CareContact& c) {
  if (!oneOf(c.kind, careContactKinds())) throw DomainError("bad_input", "kind " + c.kind);
  if (!oneOf(c.channel, {"phone", "sms", "wechat", "in_person"})) throw DomainError("bad_input", "channel " + c.channel);
  if (!oneOf(c.outcome, {"done", "skipped", "no_answer"})) throw DomainError("bad_input", "outcome " + c.outcome);
  if (c.outcome == "skipped" && c.note.empty()) throw DomainError("note_required", "skipped");
  // 长时间没到店的原因: the point of the call is the reason.
  if (c.kind == "lapsed" && c.outcome == "done" && c.note.empty()) throw DomainError("note_required", "lapsed");
  if (c.kind != "followup" && c.satisfaction != 0) throw DomainError("bad_input", "satisfaction is for follow-ups");
  if (c.satisfaction < 0 || c.satisfaction > 5) throw DomainError("bad_input", "satisfaction 1..5");
  if (c.kind == "followup" && c.outcome == "done" && c.satisfaction == 0)
    throw DomainError("satisfaction_required", c.ref);
  if (c.note.size() > 2000) throw DomainError("bad_input", "note too long");
}

}  // namespace

CareContact CareContacts::record(const Staff& by, CareContact c) {
  guard_.require(by, Action::ContactCustomer, "customer", std::to_string(c.customer));
  if (c.id.empty()) c.id = newUuid();
  if (auto existing = store_.contact(c.id)) return *existing;
  checkShape(c);
  auto optIn = store_.marketingOptIn(c.customer);
  if (!optIn) throw DomainError("customer_not_found", std::to_string(c.customer));
  if (isMarketingKind(c.kind) && !*optIn) throw DomainError("no_marketing_consent", std::to_string(c.customer));
  c.aboutStaff.clear();
  if (c.kind == "followup") {
    std::int64_t visit = 0;
    try {
      visit = std::stoll(c.ref);
    } catch (const std::exception&) {
      throw DomainError("bad_input", "follow-up ref must be a visit id");
    }
    auto served = store_.visitStaff(c.customer, visit);
    if (!served) throw DomainError("not_found", "visit " + c.ref);
    c.aboutStaff = *served;
  }
  c.staff = by.code;
  c.at = clock_.now();
  store_.append(c, auditOf(c.at, by.code, "care.contact", "customer", std::to_string(c.customer),
                           c.kind + " " + c.outcome));
  return c;
}

std::vector<SatisfactionRow> satisfactionByStaff(const std::vector<CareContact>& followUps) {
  std::map<std::string, SatisfactionRow> rows;
  for (const CareContact& c : followUps) {
    if (c.kind != "followup" || c.satisfaction < 1 || c.satisfaction > 5) continue;
    SatisfactionRow& r = rows[c.aboutStaff];
    r.staff = c.aboutStaff;
    ++r.answered;
    r.sum += c.satisfaction;
    ++r.counts[c.satisfaction - 1];
  }
  std::vector<SatisfactionRow> out;
  for (auto& [staff, r] : rows) out.push_back(r);
  return out;
}

}  // namespace salon
