#pragma once
// What every endpoint answers when a request fails outside its own refusals:
// PostgreSQL unreachable (503 hq_database_unavailable) or anything unexpected
// (500 hq_internal). Call it from a `catch (...)`: it rethrows to tell them apart.
#include <httplib.h>

#include <nlohmann/json.hpp>

namespace salon::hq {

struct Refusal;

// A JSON answer no cache keeps (every answer of head office's API).
void answerJson(httplib::Response& res, int status, const nlohmann::json& body);
// {"error": code, "message": text, ...extra} with the refusal's status.
void answerRefusal(httplib::Response& res, const Refusal& r);

// `showDetail`: the exception's text in the answer (kiosks' endpoints); the public
// page's answers keep it in the log only.
void answerFailure(const httplib::Request& req, httplib::Response& res, bool showDetail);

}  // namespace salon::hq
