#include "app/hq/member_debit_sessions.h"

#include <algorithm>
#include <pqxx/pqxx>

#include "app/hq/refusal.h"

namespace salon::hq {

using nlohmann::json;

std::vector<SessionAsk> parseSessions(const json& body) {
  std::vector<SessionAsk> out;
  auto it = body.find("packages");
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > 50) throw Refusal(400, "bad_request", "\"packages\" must be a list (50 at most)");
  for (const auto& p : *it) {
    const json& id = p.is_object() ? p.value("package", json()) : json();
    const json& n = p.is_object() ? p.value("sessions", json()) : json();
    if (!id.is_string() || id.get<std::string>().empty() || id.get<std::string>().size() > 80 ||
        !n.is_number_integer() || n.get<std::int64_t>() < 1 || n.get<std::int64_t>() > 1000)
      throw Refusal(400, "bad_request", "each package is {\"package\": id, \"sessions\": 1..1000}");
    out.push_back({id.get<std::string>(), n.get<int>()});
  }
  std::sort(out.begin(), out.end(), [](const SessionAsk& a, const SessionAsk& b) { return a.package < b.package; });
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].package == out[i - 1].package) throw Refusal(400, "bad_request", "package " + out[i].package + " twice");
  return out;
}

std::string openSessionsSql(const std::string& pkg, const std::string& store) {
  return "COALESCE((SELECT sum(s.sessions) FROM member_debit_sessions s JOIN open_member_debits d ON d.id = s.debit"
         " WHERE s.package = " + pkg + " AND (" + store + "::text = '' OR d.store <> " + store + ")), 0)";
}

json sessionsLeft(pqxx::transaction_base& t, const std::string& memberNo, const std::vector<SessionAsk>& asked,
                  const std::string& exceptStore) {
  json out = json::array();
  if (asked.empty()) return out;
  json ids = json::array();
  for (const auto& a : asked) ids.push_back(a.package);
  for (const auto& row : t.exec_params("SELECT p.package, p.sessions_left - " + openSessionsSql("p.package", "$3") +
                                           " FROM member_packages p WHERE p.member_no = $1 AND p.package IN"
                                           " (SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY p.package",
                                       memberNo, ids.dump(), exceptStore))
    out.push_back({{"package", row[0].as<std::string>()}, {"sessions_left", row[1].as<std::int64_t>()}});
  return out;
}

std::vector<SessionAsk> heldOf(const std::vector<SessionAsk>& asked, const json& left, bool& isShort) {
  std::vector<SessionAsk> held;
  isShort = false;
  for (const auto& a : asked)
    for (const auto& l : left)
      if (l["package"] == a.package) {
        held.push_back(a);
        if (l["sessions_left"].get<std::int64_t>() < a.sessions) isShort = true;
      }
  return held;
}

void holdSessions(pqxx::transaction_base& t, std::int64_t debit, const std::vector<SessionAsk>& held) {
  for (const auto& h : held)
    t.exec_params("INSERT INTO member_debit_sessions (debit, package, sessions) VALUES ($1, $2, $3)", debit, h.package,
                  h.sessions);
}

std::vector<SessionAsk> sessionsHeld(pqxx::transaction_base& t, std::int64_t debit) {
  std::vector<SessionAsk> out;
  for (const auto& row : t.exec_params("SELECT package, sessions FROM member_debit_sessions WHERE debit = $1"
                                       " ORDER BY package",
                                       debit))
    out.push_back({row[0].as<std::string>(), row[1].as<int>()});
  return out;
}

json sessionsJson(const std::vector<SessionAsk>& held) {
  json out = json::array();
  for (const auto& h : held) out.push_back({{"package", h.package}, {"sessions", h.sessions}});
  return out;
}

}  // namespace salon::hq
