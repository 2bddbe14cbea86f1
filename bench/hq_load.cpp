// hq_load: a load generator for salon-hq on loopback (issue 17's figures).
//   1. steady: N stores (500) each push a 50-event batch every 10 s for 2 minutes;
//      errors and the p50/p99 of the batch commit (request sent → 200 received);
//   2. catch-up: one store offline for a month (30,000 events) uploads in 500-event
//      batches, one after another, as the kiosk does; the time it takes;
//   3. throughput: 8 stores push 500-event batches back to back for 15 s; events/s.
// Starts its own `salon-hq sandbox` in a temporary folder and stops it at the end.
//   hq_load [--stores 500] [--seconds 120] [--offline 30000] [--clients 16]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "app/core/uuid.h"
#include "app/hq/store_roll.h"
#include "app/hq/store_token.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Options {
  int stores = 500, seconds = 120, batchEvents = 50, everySeconds = 10, offline = 30000, clients = 16;
  int burstSeconds = 15, burstStores = 8;
};

struct Sandbox {
  std::string dir, hq, pg;
  int port = 0;
};

std::string runCapture(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  ::pclose(p);
  return out;
}

Sandbox startSandbox() {
  char tmpl[] = "/tmp/hq_load.XXXXXX";
  if (!::mkdtemp(tmpl)) throw std::runtime_error("no temp folder");
  Sandbox s;
  s.dir = tmpl;
  std::string out = runCapture(std::string(SALON_HQ_BIN) + " sandbox --dir " + s.dir);
  json j = json::parse(out.substr(0, out.find('\n')));
  s.hq = j["hq"];
  s.pg = j["pg"];
  s.port = std::stoi(s.hq.substr(s.hq.rfind(':') + 1));
  return s;
}

void stopSandbox(const Sandbox& s) {
  runCapture(std::string(SALON_HQ_BIN) + " sandbox --stop --dir " + s.dir + " >/dev/null 2>&1");
  runCapture("rm -rf " + s.dir);
}

struct LoadStore {
  std::string code, token;
  std::int64_t seq = 0;
};

std::vector<LoadStore> enrolStores(const Sandbox& sb, const std::string& prefix, int n) {
  pqxx::connection db(sb.pg);
  std::vector<LoadStore> out;
  for (int i = 0; i < n; ++i) {
    char code[32];
    std::snprintf(code, sizeof code, "%s%04d", prefix.c_str(), i + 1);
    auto e = salon::hq::enrolStore(db, code, code);
    out.push_back({code, e.token, 0});
  }
  return out;
}

// A sale.settled event shaped like the kiosk's outbox payload (storage/sale_json.cpp),
// written from a template so the load generator spends its time waiting on HQ.
void appendSaleEvent(std::string& out, LoadStore& s) {
  static const std::string payload =
      R"(,"kind":"sale","business_day":"2026-12-04","completed_at":"2026-12-04 10:00",)"
      R"("recorded_at":"2026-12-04 10:00","completed_at_ms":1764813600000,"cashier":"cash","customer":null,)"
      R"("lines":[{"line":1,"item":"S-CUT","name":"洗剪吹","kind":"service","category":"hair","qty":1,)"
      R"("unit_price":8800,"gross":8800,"benefit":"none","benefit_amount":0,"manual_discount":0,"adjustment":0,)"
      R"("net":8800,"staff":[{"code":"beau","share_bp":10000}]}],)"
      R"("totals":{"gross":8800,"benefits":0,"line_discounts":0,"order_discount":0,"subtotal":8800,"tax":0,)"
      R"("tax_inclusive":true,"rounding":0,"total":8800},)"
      R"("tenders":[{"type":"cash","amount":8800,"handed":10000}],"change":1200,"points_earned":0})";
  std::string id = salon::newUuid();
  out += R"({"id":")" + id + R"(","seq":)" + std::to_string(++s.seq) +
         R"(,"type":"sale.settled","at":1764813600000,"day":"2026-12-04","payload":{"id":")" + id + "\"" + payload +
         "}";
}

std::string batchBody(LoadStore& s, int events) {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
  std::string out = R"({"store":")" + s.code + R"(","batch":")" + salon::newUuid() + R"(","sent_at":)" +
                    std::to_string(now.count()) + R"(,"events":[)";
  out.reserve(static_cast<std::size_t>(events) * 800);
  for (int i = 0; i < events; ++i) {
    if (i) out += ",";
    appendSaleEvent(out, s);
  }
  return out + R"(],"audit_head":{"seq":)" + std::to_string(s.seq) + R"(,"hash":"load"}})";
}

// One client connection (keep-alive), as one kiosk's link would be.
struct Link {
  explicit Link(int port) : client("127.0.0.1", port) {
    client.enable_server_certificate_verification(false);  // the kiosk pins instead; not measured here
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    client.set_read_timeout(60, 0);
  }
  // Milliseconds the batch took, or -1 on any error.
  double send(const LoadStore& s, const std::string& body) {
    httplib::Headers h = {{"Authorization", "Bearer " + s.token},
                          {"X-Salon-Signature", salon::hq::bodySignature(s.token, body)}};
    auto start = Clock::now();
    auto res = client.Post("/api/v1/events", h, body, "application/json");
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return res && res->status == 200 ? ms : -1;
  }
  httplib::SSLClient client;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

struct Steady {
  std::vector<double> latencies;
  int errors = 0, batches = 0;
  double behindMs = 0;  // how late the last batches started (workers saturated if large)
};

// Every store sends at its own offset within the period, then every period.
Steady runSteady(const Sandbox& sb, std::vector<LoadStore>& stores, const Options& o) {
  struct Job {
    double atMs;
    std::size_t store;
  };
  std::vector<Job> jobs;
  double periodMs = o.everySeconds * 1000.0;
  for (std::size_t i = 0; i < stores.size(); ++i)
    for (double t = periodMs * static_cast<double>(i) / static_cast<double>(stores.size()); t < o.seconds * 1000.0;
         t += periodMs)
      jobs.push_back({t, i});
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.atMs < b.atMs; });
  std::atomic<std::size_t> next{0};
  std::mutex m;
  Steady out;
  auto start = Clock::now();
  auto worker = [&] {
    Link link(sb.port);
    for (std::size_t j; (j = next.fetch_add(1)) < jobs.size();) {
      auto due = start + std::chrono::microseconds(static_cast<long long>(jobs[j].atMs * 1000));
      std::this_thread::sleep_until(due);
      double late = std::chrono::duration<double, std::milli>(Clock::now() - due).count();
      LoadStore& s = stores[jobs[j].store];
      std::string body;
      {
        std::lock_guard<std::mutex> lock(m);  // one batch of a store at a time, in seq order
        body = batchBody(s, o.batchEvents);
      }
      double ms = link.send(s, body);
      std::lock_guard<std::mutex> lock(m);
      ++out.batches;
      if (ms < 0) ++out.errors;
      else out.latencies.push_back(ms);
      out.behindMs = std::max(out.behindMs, late);
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < o.clients; ++i) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  return out;
}

// One store's month offline: 500-event batches back to back. Returns seconds, -1 on error.
double runCatchUp(const Sandbox& sb, LoadStore& s, int events) {
  Link link(sb.port);
  std::vector<std::string> bodies;
  for (int sent = 0; sent < events; sent += 500) bodies.push_back(batchBody(s, std::min(500, events - sent)));
  auto start = Clock::now();
  for (const auto& b : bodies)
    if (link.send(s, b) < 0) return -1;
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Several stores pushing full batches as fast as HQ takes them. Returns events/s.
double runBurst(const Sandbox& sb, std::vector<LoadStore>& stores, int seconds, int& errors) {
  std::atomic<long long> events{0};
  std::atomic<int> failed{0};
  auto stop = Clock::now() + std::chrono::seconds(seconds);
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (auto& s : stores)
    threads.emplace_back([&, store = &s] {
      Link link(sb.port);
      std::string body = batchBody(*store, 500);  // built ahead so the clock times HQ, not JSON
      while (Clock::now() < stop) {
        if (link.send(*store, body) < 0) {
          ++failed;
          break;
        }
        events += 500;
        body = batchBody(*store, 500);
      }
    });
  for (auto& t : threads) t.join();
  errors = failed;
  return static_cast<double>(events) / std::chrono::duration<double>(Clock::now() - start).count();
}

Options parseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    int v = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--stores")) o.stores = v;
    else if (!std::strcmp(argv[i], "--seconds")) o.seconds = v;
    else if (!std::strcmp(argv[i], "--offline")) o.offline = v;
    else if (!std::strcmp(argv[i], "--clients")) o.clients = v;
    else if (!std::strcmp(argv[i], "--burst-seconds")) o.burstSeconds = v;
  }
  return o;
}

void report(const Options& o, const Steady& st, double catchUp, double perSecond, int burstErrors) {
  json out = {{"steady", {{"stores", o.stores}, {"batch_events", o.batchEvents}, {"every_s", o.everySeconds},
                          {"seconds", o.seconds}, {"batches", st.batches}, {"errors", st.errors},
                          {"p50_ms", percentile(st.latencies, 0.50)}, {"p99_ms", percentile(st.latencies, 0.99)},
                          {"max_ms", percentile(st.latencies, 1.0)}, {"worst_start_delay_ms", st.behindMs}}},
              {"catch_up", {{"events", o.offline}, {"seconds", catchUp}}},
              {"throughput", {{"stores", o.burstStores}, {"seconds", o.burstSeconds}, {"events_per_s", perSecond},
                              {"errors", burstErrors}}}};
  std::cout << out.dump(2) << std::endl;
  bool ok = st.errors == 0 && percentile(st.latencies, 0.99) <= 250 && catchUp >= 0 && catchUp <= 30 &&
            perSecond >= 5000 && burstErrors == 0;
  std::cout << (ok ? "hq_load: all goals met (p99 <= 250 ms, catch-up <= 30 s, >= 5,000 events/s, 0 errors)"
                   : "hq_load: a goal was missed")
            << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parseOptions(argc, argv);
  Sandbox sb = startSandbox();
  try {
    auto stores = enrolStores(sb, "L", o.stores);
    auto offline = enrolStores(sb, "M", 1);
    auto burst = enrolStores(sb, "B", o.burstStores);
    std::cerr << "hq_load: " << o.stores << " stores, " << o.seconds << " s steady...\n";
    Steady st = runSteady(sb, stores, o);
    std::cerr << "hq_load: catch-up of " << o.offline << " events...\n";
    double catchUp = runCatchUp(sb, offline[0], o.offline);
    std::cerr << "hq_load: throughput burst...\n";
    int burstErrors = 0;
    double perSecond = runBurst(sb, burst, o.burstSeconds, burstErrors);
    report(o, st, catchUp, perSecond, burstErrors);
  } catch (const std::exception& e) {
    std::cerr << "hq_load: " << e.what() << "\n";
    stopSandbox(sb);
    return 1;
  }
  stopSandbox(sb);
  return 0;
}
