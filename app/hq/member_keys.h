#pragma once
// The key head office keeps a member's figures under (member_value, member_packages,
// member_movements, member_phones: issue 18 named it member_no). A member with a card
// number is kept under it; a membership without one (a tier given at the counter or
// online, no card yet) under the file number, which is unique across the chain when it
// begins with the code head office enrolled its store under (K01-2026-000001), and is
// made so with the store's code in front otherwise ("S01/S01-2025-000007": a file
// numbered before the store was enrolled). The kiosk finds the file by any of the three.
// When it gets a card number, head office moves it to the number (member_rekey.h).
#include <string>

#include <nlohmann/json.hpp>

namespace salon::hq {

inline std::string memberKey(const std::string& store, const std::string& memberNo, const std::string& fileNo) {
  if (!memberNo.empty() || fileNo.empty()) return memberNo;
  return fileNo.rfind(store + "-", 0) == 0 ? fileNo : store + "/" + fileNo;
}

// The same from an event's {"member_no", "file_no"?} (an older kiosk sends no file_no).
inline std::string memberKeyOf(const std::string& store, const nlohmann::json& who) {
  auto text = [&](const char* key) {
    auto it = who.find(key);
    return it != who.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  return memberKey(store, text("member_no"), text("file_no"));
}

// SQL for the keys a member's append-only rows may carry: its number and every file key
// head office moved to it (member_rekey.h), as an array computed once (so an index on
// the key column still serves `col = ANY ...`). `param` names the number, e.g. "$1".
inline std::string memberKeysSql(const std::string& param) {
  return "(ARRAY(SELECT " + param + "::text UNION ALL SELECT file_key FROM member_aliases WHERE member_no = " + param +
         "))";
}

}  // namespace salon::hq
