#pragma once
// The fields of a customer file beyond name and phone, by section, and the
// three states a field can be in. Nothing is recorded by force (切忌强制记录): a
// field the customer declined to give is "declined" and is never reported missing.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace salon {

enum class FieldState { Empty, Value, Declined };
const char* fieldStateName(FieldState s);
FieldState fieldStateFromName(const std::string& name);  // DomainError field_state_invalid

struct FieldValue {
  FieldState state = FieldState::Empty;
  std::string value;
  static FieldValue of(std::string v) { return {FieldState::Value, std::move(v)}; }
  static FieldValue declined() { return {FieldState::Declined, ""}; }
  bool operator==(const FieldValue& o) const { return state == o.state && value == o.value; }
};

enum class FieldKind { Text, Date, Choice };

struct FieldSpec {
  const char* key;
  const char* section;
  FieldKind kind;
  std::size_t maxChars;
  bool allowEmoji;  // free notes may carry one; names and addresses may not
  std::vector<std::string> choices;
};

// Sections, in the order a file is shown: basic, health, beauty_history, skin,
// care_plan, opinions, preferences, recommendations, events, notes. The record
// sections "visits" and "pets" and "consent" are kept apart from these fields.
const std::vector<std::string>& fileSections();
const std::vector<FieldSpec>& fileFields();
const FieldSpec* findField(const std::string& key);  // nullptr if unknown

// A checked, normalised field value; DomainError field_unknown, date_invalid,
// choice_invalid or the text rules' errors (naming the field).
FieldValue checkField(const std::string& key, const FieldValue& v);

using FieldMap = std::map<std::string, FieldValue>;

}  // namespace salon
