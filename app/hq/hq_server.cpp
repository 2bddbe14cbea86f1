#include "app/hq/hq_server.h"

#include <httplib.h>
#include <signal.h>

#include <iostream>
#include <pqxx/pqxx>
#include <thread>

#include "app/hq/booking_sweep.h"
#include "app/hq/connection_pool.h"
#include "app/hq/dashboard_api.h"
#include "app/hq/hq_certificate.h"
#include "app/hq/hq_clock.h"
#include "app/hq/hq_schema.h"
#include "app/hq/member_api.h"
#include "app/hq/chain_files.h"
#include "app/hq/member_debits.h"
#include "app/hq/public_api.h"
#include "app/hq/sms.h"
#include "app/hq/store_roll.h"
#include "app/hq/sync_api.h"
#include "app/hq/web_page.h"

namespace salon::hq {
namespace {

// Migrates and records what enrolment codes carry: the certificate's fingerprint
// always (it is what this process serves), the public URL when given or unset.
void prepareDatabase(const ServeOptions& o, const HqCertificate& cert, const std::string& url) {
  pqxx::connection db(o.pg);
  int applied = migrate(db);
  if (applied > 0) std::cerr << "salon-hq: applied " << applied << " migration(s)\n";
  std::string known = hqSetting(db, "cert_fingerprint");
  if (!known.empty() && known != cert.fingerprint)
    std::cerr << "salon-hq: warning: this certificate differs from the one enrolled kiosks pinned (" << known << ")\n";
  keepHqSetting(db, "cert_fingerprint", cert.fingerprint);
  if (!o.publicUrl.empty() || hqSetting(db, "public_url").empty()) keepHqSetting(db, "public_url", url);
}

// SIGTERM/SIGINT are blocked in every thread and taken here, where stopping the
// server is safe (not from a signal handler).
void stopOnSignal(httplib::Server& server) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread t([&server, set] {
    int sig = 0;
    sigwait(&set, &sig);
    std::cerr << "salon-hq: stopping (signal " << sig << ")\n";
    server.stop();
  });
  t.detach();
}

// The fake folder when asked for, else the real provider when sms.url is set.
std::unique_ptr<SmsProvider> smsProvider(const ServeOptions& o) {
  if (!o.smsOutbox.empty()) return std::make_unique<FolderSms>(o.smsOutbox);
  pqxx::connection db(o.pg);
  HttpsSmsSettings s{hqSetting(db, "sms.url"), hqSetting(db, "sms.key_id"), hqSetting(db, "sms.secret"),
                     hqSetting(db, "sms.sign_name"), {}};
  s.templates["decided"] = hqSetting(db, "sms.template.decided");
  for (const std::string& kind : smsKinds()) s.templates[kind] = hqSetting(db, "sms.template." + kind);
  if (s.url.empty()) return std::make_unique<NoSms>();
  if (auto missing = kindsWithoutTemplate(s.templates); !missing.empty()) {  // set before this check existed
    std::cerr << "salon-hq: the SMS provider has no template id for: " << kindList(missing)
              << "; those texts fail until `salon-hq online sms` names them\n";
  }
  return std::make_unique<HttpsSms>(s);
}

}  // namespace

bool splitListen(const std::string& listen, std::string& host, int& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = listen.substr(0, colon);
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (...) {
    return false;
  }
  return port > 0 && port < 65536;
}

int serve(const ServeOptions& o) {
  std::string host;
  int port = 0;
  if (!splitListen(o.listen, host, port)) throw std::runtime_error("--listen wants HOST:PORT, not " + o.listen);
  ::signal(SIGPIPE, SIG_IGN);
  HqCertificate cert = ensureCertificate(o.dir);
  std::string url = o.publicUrl.empty() ? "https://" + (host == "0.0.0.0" ? "127.0.0.1" : host) + ":" +
                                              std::to_string(port)
                                        : o.publicUrl;
  prepareDatabase(o, cert, url);
  httplib::SSLServer server(cert.certPath.c_str(), cert.keyPath.c_str());
  if (!server.is_valid()) throw std::runtime_error("cannot load the certificate in " + o.dir);
  int threads = o.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server.set_tcp_nodelay(true);  // no Nagle stall between the headers and the body of an answer
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(10);
  server.set_read_timeout(30, 0);
  ConnectionPool pool(o.pg, static_cast<std::size_t>(o.connections));
  mountSyncApi(server, pool);
  auto clock = std::make_shared<const HqClock>(o.clockFile);
  std::shared_ptr<SmsProvider> sms = smsProvider(o);
  PublicDesk desk{pool, *clock, *sms};
  mountPublicApi(server, desk);
  mountMemberApi(server, pool, *clock);
  mountMemberDebits(server, pool);
  mountChainFileApi(server, pool);
  mountDashboardApi(server, pool);
  startBookingSweep(o.pg, sms, clock);
  mountWebPage(server);
  stopOnSignal(server);
  if (!server.bind_to_port(host.c_str(), port)) throw std::runtime_error("cannot listen on " + o.listen);
  std::cerr << "salon-hq: serving " << url << " (listening on " << o.listen << ", certificate " << cert.fingerprint
            << ")\n";
  server.listen_after_bind();
  return 0;
}

}  // namespace salon::hq
