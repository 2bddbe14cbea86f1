#include "app/core/customer_fields.h"

#include "app/core/clock.h"
#include "app/core/error.h"
#include "app/core/customer.h"
#include "app/core/text_rules.h"

namespace salon {

std::optional<CustomerOrder> customerOrderNamed(const std::string& n) {
  if (n == "pinyin") return CustomerOrder::Pinyin;
  if (n == "strokes") return CustomerOrder::SurnameStrokes;
  if (n == "created") return CustomerOrder::Created;
  if (n == "skin") return CustomerOrder::SkinType;
  return std::nullopt;
}

const char* fieldStateName(FieldState s) {
  switch (s) {
    case FieldState::Empty: return "empty";
    case FieldState::Value: return "value";
    case FieldState::Declined: return "declined";
  }
  return "empty";
}

FieldState fieldStateFromName(const std::string& n) {
  if (n == "empty") return FieldState::Empty;
  if (n == "value") return FieldState::Value;
  if (n == "declined") return FieldState::Declined;
  throw DomainError("field_state_invalid", n);
}

const std::vector<std::string>& fileSections() {
  static const std::vector<std::string> all = {"basic",     "health",      "beauty_history",  "skin",   "care_plan",
                                               "opinions",  "preferences", "recommendations", "events", "notes"};
  return all;
}

const std::vector<FieldSpec>& fileFields() {
  using K = FieldKind;
  static const std::vector<FieldSpec> all = {
      {"gender", "basic", K::Choice, 10, false, {"female", "male", "other"}},
      {"birthday", "basic", K::Date, 10, false, {}},
      {"address", "basic", K::Text, 200, false, {}},
      {"occupation", "basic", K::Text, 50, false, {}},
      {"education", "basic", K::Text, 50, false, {}},
      {"income_band", "basic", K::Choice, 20, false, {"under_5k", "5k_10k", "10k_20k", "20k_50k", "over_50k"}},
      {"allergies", "health", K::Text, 500, false, {}},
      {"skin_sensitivity", "health", K::Text, 200, false, {}},
      {"illnesses", "health", K::Text, 500, false, {}},
      {"medication", "health", K::Text, 500, false, {}},
      {"earlier_treatments", "beauty_history", K::Text, 1000, false, {}},
      {"treatment_places", "beauty_history", K::Text, 500, false, {}},
      {"treatment_results", "beauty_history", K::Text, 1000, false, {}},
      {"skin_type", "skin", K::Choice, 20, false, {"dry", "oily", "combination", "normal", "sensitive"}},
      {"skin_diagnosis", "skin", K::Text, 2000, false, {}},
      {"care_devices", "care_plan", K::Text, 500, false, {}},
      {"care_techniques", "care_plan", K::Text, 500, false, {}},
      {"care_products", "care_plan", K::Text, 500, false, {}},
      {"opinions", "opinions", K::Text, 2000, true, {}},
      {"pressure", "preferences", K::Choice, 10, false, {"light", "medium", "firm"}},
      {"topics", "preferences", K::Text, 500, true, {}},
      {"massage_wishes", "preferences", K::Text, 500, true, {}},
      {"recommended_items", "recommendations", K::Text, 1000, false, {}},
      {"next_push_items", "recommendations", K::Text, 1000, false, {}},
      {"event_interests", "events", K::Text, 1000, true, {}},
      {"events_attended", "events", K::Text, 1000, true, {}},
      {"notes", "notes", K::Text, 2000, true, {}},
  };
  return all;
}

const FieldSpec* findField(const std::string& key) {
  for (const FieldSpec& f : fileFields())
    if (key == f.key) return &f;
  return nullptr;
}

FieldValue checkField(const std::string& key, const FieldValue& v) {
  const FieldSpec* spec = findField(key);
  if (!spec) throw DomainError("field_unknown", key);
  if (v.state != FieldState::Value) return {v.state, ""};
  std::string text = checkText(key, v.value, {spec->maxChars, spec->allowEmoji, spec->kind == FieldKind::Text});
  if (text.empty()) return {};
  if (spec->kind == FieldKind::Date) {
    CivilDate d;
    if (!parseDate(text, d) || d.year < 1900) throw DomainError("date_invalid", key + " " + text);
    text = formatDate(d);
  } else if (spec->kind == FieldKind::Choice) {
    bool ok = false;
    for (const std::string& c : spec->choices) ok = ok || c == text;
    if (!ok) throw DomainError("choice_invalid", key + " " + text);
  }
  return FieldValue::of(text);
}

}  // namespace salon
