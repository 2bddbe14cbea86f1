#include "app/hq/http_failure.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "app/hq/refusal.h"

namespace salon::hq {

void answerJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), "application/json");
}

void answerRefusal(httplib::Response& res, const Refusal& r) {
  nlohmann::json body = {{"error", r.code}, {"message", r.what()}};
  for (const auto& [k, v] : r.extra.items())
    if (k != "store") body[k] = v;
  answerJson(res, r.status, body);
}

void answerFailure(const httplib::Request& req, httplib::Response& res, bool showDetail) {
  nlohmann::json body;
  try {
    throw;
  } catch (const pqxx::broken_connection& e) {
    std::cerr << "salon-hq: database unreachable: " << e.what() << "\n";
    res.status = 503;
    body = {{"error", "hq_database_unavailable"}, {"message", "head office database unreachable"}};
  } catch (const std::exception& e) {
    std::cerr << "salon-hq: " << req.method << " " << req.path << " failed: " << e.what() << "\n";
    res.status = 500;
    body = {{"error", "hq_internal"}, {"message", showDetail ? e.what() : "internal error"}};
  } catch (...) {
    std::cerr << "salon-hq: " << req.method << " " << req.path << " failed\n";
    res.status = 500;
    body = {{"error", "hq_internal"}, {"message", "internal error"}};
  }
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), "application/json");
}

}  // namespace salon::hq
