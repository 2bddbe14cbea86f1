// salon-kiosk sync enrol|now|status|verify|resume|backup|backups|upload-openings: the kiosk's
// side of head-office sync (app/hq/PROTOCOL.md) from the command line.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/error.h"
#include "app/core/staff_auth.h"
#include "app/core/sync_engine.h"
#include "devices/hq_link.h"
#include "storage/audit_store.h"
#include "storage/member_openings.h"
#include "storage/sync_store.h"

namespace salon::cli {
namespace {

using Json = nlohmann::json;

struct SyncArgs {
  std::string db, staff, code, file;
  bool json = false;
  int timeoutSeconds = 30;  // each call to HQ (a frozen line must not hold the kiosk's worker for long)
  // sync run: how long, and the backoff's steps (tests shorten them)
  int seconds = 60;
  bool untilSent = false;
  std::int64_t intervalMs = 30 * kSecond, firstRetryMs = 5 * kSecond, capMs = 5 * kMinute, pollMs = kSecond;
};

// Signs in and checks the permission; `adminOnly`: only the admin role (the
// machine's keeper) enrols a store or lets it upload again.
Staff signIn(storage::Database& db, const Clock& clock, const SyncArgs& a, Action action, bool adminOnly = false) {
  Staff me = actAs(db, clock, a.staff);
  storage::SqliteAuditLog audit(db);
  Guard(audit, clock).require(me, action, "sync", "");
  if (adminOnly && me.role != Role::Admin) {
    AuditEntry e = auditOf(clock.now(), me.code, "permission.denied", "sync", "", "admin only");
    e.outcome = "refused";
    audit.append(e);
    throw DomainError("permission_denied", "sync (" + me.code + ", " + roleName(me.role) + "): admin only");
  }
  return me;
}

Json instantJson(const std::optional<Instant>& at) { return at ? Json(formatUtc(*at)) : Json(nullptr); }

Json statusJson(const SyncStatus& s, Instant now) {
  return {{"sent", s.sent},
          {"received", s.received},
          {"waiting", s.waiting},
          {"last_contact", instantJson(s.lastContact)},
          {"enrolled", s.enrolled},
          {"store", s.store},
          {"last_error", s.lastError.empty() ? Json(nullptr) : Json(s.lastError)},
          {"last_seq", s.lastSeq},
          {"hq_stored_through", s.hqStoredThrough},
          {"behind_through", s.behindThrough},
          {"overdraws", s.overdraws},
          {"overdue", syncOverdue(s, now)}};
}

devices::HqLinkTimeouts timeoutsOf(const SyncArgs& a) {
  int t = std::max(1, a.timeoutSeconds);
  return {std::min(t, 5), t, t};
}

std::unique_ptr<HeadOffice> lineTo(storage::SqliteSyncStore& store, const SyncArgs& a) {
  auto e = store.enrolment();
  if (!e) throw DomainError("not_enrolled", "salon-kiosk sync enrol");
  return devices::openHeadOffice(e->address, timeoutsOf(a));
}

int enrol(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = signIn(*db, *inv.clock, a, Action::ManageSettings, true);
  storage::SqliteAuditLog audit(*db);
  HeadOfficeAddress address;
  HeadOfficeHello hello;
  try {
    address = devices::readEnrolmentCode(a.code);
    hello = devices::openHeadOffice(address, timeoutsOf(a))->hello();
    if (hello.store != address.store) throw DomainError("hq_refused", "wrong_store " + hello.store);
  } catch (const DomainError& e) {
    AuditEntry refused = auditOf(inv.clock->now(), me.code, "sync.enrol", "sync", address.store, e.code());
    refused.outcome = "refused";
    audit.append(refused);
    throw;
  }
  storage::SqliteSyncStore(*db).enrol(
      address, auditOf(inv.clock->now(), me.code, "sync.enrol", "sync", address.store, address.url, "fp " + address.fingerprint));
  storage::SqliteSyncStore(*db).keepNumberBlock(hello.numberBlock);  // member numbers from the chain's block at once
  std::cout << Json{{"store", hello.store}, {"name", hello.name}, {"url", address.url},
                    {"stored_through", hello.storedThrough}}.dump()
            << "\n";
  return 0;
}

int syncNow(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  signIn(*db, *inv.clock, a, Action::Backup);
  storage::SqliteSyncStore store(*db);
  auto line = lineTo(store, a);
  SyncReport r = SyncEngine(store, *line, *inv.clock).round();
  SyncStatus s = store.status();
  if (a.json) {
    Json j = statusJson(s, inv.clock->now());
    j["sent_now"] = r.sent;
    j["received_now"] = r.received;
    j["error"] = r.ok() ? Json(nullptr) : Json(r.error);
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "sent " << r.sent << ", received " << r.received << ", waiting " << s.waiting << "\n";
  }
  if (!r.ok()) throw DomainError(r.error, r.detail);
  return 0;
}

int status(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  signIn(*db, *inv.clock, a, Action::Backup);  // the roles that keep the data (admin too, not cashiers)
  SyncStatus s = storage::SqliteSyncStore(*db).status();
  if (a.json) {
    std::cout << statusJson(s, inv.clock->now()).dump() << "\n";
    return 0;
  }
  if (!s.enrolled) std::cout << "not enrolled; ";
  std::cout << "sent " << s.sent << ", received " << s.received << ", waiting " << s.waiting << ", last contact "
            << (s.lastContact ? formatUtc(*s.lastContact) : "never") << (s.lastError.empty() ? "" : ", " + s.lastError)
            << "\n";
  return 0;
}

int verify(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  signIn(*db, *inv.clock, a, Action::VerifyAudit);
  storage::SqliteSyncStore store(*db);
  std::vector<HeldChainHead> heads = lineTo(store, a)->heads();
  std::vector<HeadMismatch> wrong = compareChainHeads(heads, store);
  Json list = Json::array();
  for (const HeadMismatch& m : wrong) list.push_back({{"seq", m.seq}, {"hq_hash", m.hqHash}, {"kiosk_hash", m.kioskHash}});
  std::cout << Json{{"heads", heads.size()}, {"ok", wrong.empty()}, {"mismatches", list}}.dump() << "\n";
  if (!wrong.empty())
    throw DomainError("audit_differs_from_head_office", "first at seq " + std::to_string(wrong.front().seq));
  return 0;
}

int resume(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = signIn(*db, *inv.clock, a, Action::ManageSettings, true);
  storage::SqliteSyncStore store(*db);
  SyncStatus s = store.status();
  if (s.behindThrough == 0) throw DomainError("bad_input", "not behind head office");
  store.acknowledgeBehind(auditOf(inv.clock->now(), me.code, "sync.behind_acknowledged", "sync", s.store,
                                  "head office holds through " + std::to_string(s.behindThrough)));
  std::cout << Json{{"continues_after", s.behindThrough}}.dump() << "\n";
  return 0;
}

int uploadBackup(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  Staff me = signIn(*db, *inv.clock, a, Action::Backup);
  std::ifstream in(a.file, std::ios::binary);
  if (!in) throw DomainError("backup_unreadable", a.file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  // HQ must never hold a readable copy: only the kiosk's encrypted format goes.
  if (bytes.rfind("SalonKioskBackup", 0) != 0) throw DomainError("backup_not_encrypted", a.file);
  storage::SqliteSyncStore store(*db);
  std::string name = a.file.substr(a.file.find_last_of('/') + 1);
  OffsiteBackup b = lineTo(store, a)->uploadBackup(name, bytes);
  storage::SqliteAuditLog(*db).append(auditOf(inv.clock->now(), me.code, "sync.backup_uploaded", "backup", b.id, name,
                                              std::to_string(b.bytes) + " bytes"));
  std::cout << Json{{"id", b.id}, {"name", name}, {"bytes", b.bytes}}.dump() << "\n";
  return 0;
}

int listBackups(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  signIn(*db, *inv.clock, a, Action::Backup);
  storage::SqliteSyncStore store(*db);
  Json list = Json::array();
  for (const OffsiteBackup& b : lineTo(store, a)->backups())
    list.push_back({{"id", b.id}, {"name", b.name}, {"bytes", b.bytes}, {"at", b.at}});
  std::cout << list.dump() << "\n";
  return 0;
}

// Between rounds, HQ's "anything waiting?"; a yes makes the round due now, and
// so does no answer (the round notes the failure, then the backoff decides).
void askBetweenRounds(SyncEngine engine, SyncBackoff& backoff, Instant now) {
  backoff.polled(now);
  try {
    if (!engine.somethingWaiting()) return;
  } catch (const DomainError&) {  // no answer: the round goes now and notes it
  }
  backoff.hurry(now);
}

// Rounds with backoff for a while, one JSON line a round: the kiosk's lane
// without the window (a headless kiosk, the network tests).
int runRounds(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  signIn(*db, *inv.clock, a, Action::Backup);
  storage::SqliteSyncStore store(*db);
  auto line = lineTo(store, a);
  SyncBackoff backoff(a.intervalMs, a.firstRetryMs, a.capMs, a.pollMs);
  std::int64_t polls = 0;  // questions asked since the last round
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(a.seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (backoff.pollDue(inv.clock->now())) {
      ++polls;
      askBetweenRounds(SyncEngine(store, *line, *inv.clock), backoff, inv.clock->now());
    }
    if (!backoff.due(inv.clock->now())) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    SyncReport r = SyncEngine(store, *line, *inv.clock).round();
    SyncStatus s = store.status();
    // One reading of the clock for the round's end: the wait printed is the one decided.
    const Instant ended = inv.clock->now();
    if (r.ok()) backoff.succeeded(ended);
    else backoff.failed(ended);
    std::cout << Json{{"ok", r.ok()}, {"error", r.ok() ? Json(nullptr) : Json(r.error)}, {"sent", r.sent},
                      {"received", r.received}, {"waiting", s.waiting}, {"failures", backoff.failures()},
                      {"polls", polls}, {"retry_in_ms", backoff.nextTry() - ended}}.dump()
              << std::endl;
    polls = 0;
    if (a.untilSent && r.ok() && s.waiting == 0) return 0;
  }
  if (a.untilSent) throw DomainError("hq_unreachable", "events still waiting after " + std::to_string(a.seconds) + " s");
  return 0;
}

// Old memberships without a card number (ledger rows from before migration 022): their
// opening balances queued now for head office, once each (the sync round does it too).
int uploadOpenings(const Invocation& inv, const SyncArgs& a) {
  auto db = openDatabase(a.db);
  signIn(*db, *inv.clock, a, Action::Backup, true);
  int queued = 0;
  const Instant now = inv.clock->now();
  db->write([&](SQLite::Database& s) { queued = storage::queueMemberOpenings(s, now, 1000000); });
  std::cout << Json{{"queued", queued}}.dump() << "\n";
  return 0;
}

using Runner = int (*)(const Invocation&, const SyncArgs&);

std::shared_ptr<SyncArgs> command(CLI::App* parent, Invocation& inv, const char* name, const char* what, Runner run) {
  auto args = std::make_shared<SyncArgs>();
  auto* sub = parent->add_subcommand(name, what);
  addDbOption(sub, args->db);
  sub->add_option("--staff", args->staff, "Staff code (PIN in SALON_PIN)")->required();
  sub->add_flag("--json", args->json, "Print JSON");
  sub->add_option("--timeout", args->timeoutSeconds, "Seconds to wait for head office on each call (30)");
  if (std::string(name) == "enrol") sub->add_option("--code", args->code, "The enrolment code (SALONHQ1.…)")->required();
  if (std::string(name) == "backup") sub->add_option("--file", args->file, "An encrypted backup file")->required();
  if (std::string(name) == "run") {
    sub->add_option("--seconds", args->seconds, "How long to keep syncing (60)");
    sub->add_flag("--until-sent", args->untilSent, "Stop once nothing waits");
    sub->add_option("--interval-ms", args->intervalMs, "Between good rounds (30000)");
    sub->add_option("--first-retry-ms", args->firstRetryMs, "After the first failure; doubles (5000)");
    sub->add_option("--cap-ms", args->capMs, "The longest wait after failures (300000)");
    sub->add_option("--poll-ms", args->pollMs,
                    "Between good rounds, ask head office this often whether anything waits; a yes starts a round "
                    "(1000; 0: never)");
  }
  sub->callback([&inv, args, run] { inv.run = [&inv, args, run] { return run(inv, *args); }; });
  return args;
}

}  // namespace

void addSyncCommands(CLI::App& app, Invocation& inv) {
  auto* sync = app.add_subcommand("sync", "Head-office sync: enrol, send and receive, status");
  sync->require_subcommand(1);
  command(sync, inv, "enrol", "Enrol this store with head office (admin)", enrol);
  command(sync, inv, "now", "Send every waiting event and receive what head office owns", syncNow);
  command(sync, inv, "run", "Sync rounds with backoff for --seconds, one JSON line a round", runRounds);
  command(sync, inv, "status", "Sent, received, waiting, last contact", status);
  command(sync, inv, "verify", "Check the audit chain against the heads head office keeps", verify);
  command(sync, inv, "upload-openings",
          "Queue the opening balances of old memberships without a card number for head office, once each (admin)",
          uploadOpenings);
  command(sync, inv, "resume", "Restored from an older backup: upload again after head office's number (admin)",
          resume);
  command(sync, inv, "backup", "Upload an encrypted backup file to head office", uploadBackup);
  command(sync, inv, "backups", "The backups head office keeps for this store", listBackups);
  addChainKeyCommand(sync, inv);
}

}  // namespace salon::cli
