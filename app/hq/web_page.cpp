#include "app/hq/web_page.h"

#include <httplib.h>

#include <string>

namespace salon::hq {
namespace {

// Only this origin's files and API; no inline script, no frames (WeChat's browser included).
constexpr const char* kPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self';"
    " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// The dashboard's charts (ECharts) style their tooltips inline; scripts stay 'self' only.
constexpr const char* kDashboardPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';"
    " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

void serveAsset(const WebAsset& a, httplib::Response& res) {
  res.status = 200;
  bool dashboard = std::string(a.path).rfind("/dashboard/", 0) == 0;
  res.set_header("Content-Security-Policy", dashboard ? kDashboardPolicy : kPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Strict-Transport-Security", "max-age=31536000");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(a.body, a.type);
}

}  // namespace

void mountWebPage(httplib::Server& server) {
  for (const WebAsset& a : webAssets()) {
    server.Get(a.path, [&a](const httplib::Request&, httplib::Response& res) { serveAsset(a, res); });
    if (std::string(a.path) == "/web/index.html")
      server.Get("/", [&a](const httplib::Request&, httplib::Response& res) { serveAsset(a, res); });
    if (std::string(a.path) == "/dashboard/index.html")
      server.Get("/dashboard/", [&a](const httplib::Request&, httplib::Response& res) { serveAsset(a, res); });
  }
}

}  // namespace salon::hq
