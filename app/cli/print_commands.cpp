// salon-kiosk print receipt|card|jobs|retry|cancel|reprint|resume: tickets through the
// persistent print queue, exactly as the kiosk prints them.
#include <iostream>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/error.h"
#include "app/core/member_card.h"
#include "app/core/staff_auth.h"
#include "app/core/receipt.h"
#include "app/core/tickets.h"
#include "devices/escpos/paper_preview.h"
#include "devices/escpos/tickets.h"
#include "devices/print_queue.h"
#include "storage/audit_store.h"
#include "storage/checkout_store.h"
#include "storage/member_card_store.h"
#include "storage/print_job_store.h"
#include "storage/receipt_load.h"
#include "storage/settings_store.h"

namespace salon::cli {
namespace {

struct PrintArgs {
  std::string db, printer, staff, reason, sale, memberNo, job;
  int reprint = 0, lines = 3, limit = 20;
  bool reissue = false, maskName = false;
};

StoreZone storeZone(storage::Database& db) {
  StoreZone z;
  if (auto v = storage::readSetting(db.sql(), "store.zone_offset_minutes")) z.offsetMinutes = std::stoi(*v);
  return z;
}

std::string setting(storage::Database& db, const std::string& key) {
  return storage::readSetting(db.sql(), key).value_or("");
}

// The queue shows sales and member numbers, and printing them again hands out
// money records: whoever does it signs in, is checked and is audited.
Staff printingStaff(storage::Database& db, const Clock& clock, const PrintArgs& a, const std::string& what,
                    const std::string& id) {
  if (a.staff.empty()) throw DomainError("staff_sign_in_required", what);
  Staff me = actAs(db, clock, a.staff);
  storage::SqliteAuditLog audit(db);
  Guard(audit, clock).require(me, Action::SettleSale, "print_job", id);
  audit.append(auditOf(clock.now(), me.code, what, "print_job", id));
  return me;
}

// Hands the job to the queue, waits for the worker, and reports the outcome.
int runJob(storage::Database& db, const Clock& clock, PrintJob job) {
  storage::SqlitePrintJobStore store(db);
  devices::PrintOutcome outcome;
  {
    devices::PrintQueue queue(store, clock, {}, [&](const devices::PrintOutcome& o) { outcome = o; });
    queue.submit(std::move(job));
    queue.waitIdle(120000);
  }
  nlohmann::json out = {{"job", outcome.jobId}, {"state", printJobStateName(outcome.state)}, {"reason", outcome.reason}};
  std::cout << out.dump() << "\n";
  if (outcome.state == PrintJobState::Printed) return 0;
  auto colon = outcome.reason.find(':');
  throw DomainError(outcome.reason.substr(0, colon),
                    colon == std::string::npos ? "" : outcome.reason.substr(colon + 2) + " (" + outcome.jobId + ")");
}

int printReceipt(const Invocation& inv, const PrintArgs& a) {
  auto db = openDatabase(a.db);
  auto uri = devices::parsePrinterUri(a.printer);
  // A real sale: the same job the kiosk's checkout screen prints (重印 after the first).
  if (a.sale != "test") {
    printingStaff(*db, *inv.clock, a, "print.receipt", a.sale);
    storage::SqliteCheckoutStore sales(*db);
    devices::PaperPreview tickets(devices::profileOf(uri));
    return runJob(*db, *inv.clock, receiptJobFor(sales, tickets, a.sale, a.printer, a.reprint));
  }
  Receipt r = sampleReceipt(inv.clock->now(), a.lines);
  if (auto n = setting(*db, "store.name"); !n.empty()) r.storeName = n;
  if (auto v = setting(*db, "store.address"); !v.empty()) r.storeAddress = v;
  if (auto v = setting(*db, "store.phone"); !v.empty()) r.storePhone = v;
  r.zone = storeZone(*db);
  r.reprintCount = a.reprint;
  PrintJob job;
  job.kind = "receipt";
  job.title = "小票 " + r.saleNo + " (test)";
  job.printer = a.printer;
  job.bytes = devices::encodeReceipt(r, devices::profileOf(uri));
  return runJob(*db, *inv.clock, std::move(job));
}

int printCard(const Invocation& inv, const PrintArgs& a) {
  auto db = openDatabase(a.db);
  auto uri = devices::parsePrinterUri(a.printer);
  auto profile = devices::profileOf(uri);
  Staff me = actAs(*db, *inv.clock, a.staff);
  storage::SqliteMemberCardStore cards(*db);
  storage::SqliteAuditLog audit(*db);
  MemberCards service(cards, audit, *inv.clock);
  auto printed = a.reissue ? service.reissue(me, a.memberNo, a.reason) : service.reprint(me, a.memberNo, a.reason);
  devices::CardTicket t;
  t.holder = printed.holder;
  t.payload = printed.payload;
  t.event = printed.event;
  t.maskName = a.maskName;
  t.printedAt = inv.clock->now();
  t.zone = storeZone(*db);
  t.storeName = setting(*db, "store.name");
  PrintJob job;
  job.kind = "member_card";
  job.title = "会员卡 " + a.memberNo + " v" + std::to_string(printed.holder.cardVersion);
  job.printer = a.printer;
  job.bytes = devices::encodeMemberCard(t, profile);
  return runJob(*db, *inv.clock, std::move(job));
}

int listJobs(const Invocation& inv, const PrintArgs& a) {
  auto db = openDatabase(a.db);
  printingStaff(*db, *inv.clock, a, "print.jobs_view", "");
  nlohmann::json out = nlohmann::json::array();
  for (const PrintJob& j : storage::SqlitePrintJobStore(*db).recentJobs(a.limit))
    out.push_back({{"id", j.id}, {"kind", j.kind}, {"title", j.title}, {"printer", j.printer},
                   {"state", printJobStateName(j.state)}, {"reason", j.reason}, {"attempts", j.attempts},
                   {"reprint_of", j.reprintOf}, {"created_at", formatUtc(j.createdAt)}});
  std::cout << out.dump(2) << "\n";
  return 0;
}

enum class JobOp { Retry, Cancel, Reprint };

int jobOp(const Invocation& inv, const PrintArgs& a, JobOp op) {
  auto db = openDatabase(a.db);
  const char* names[] = {"print.retry", "print.cancel", "print.reprint"};
  printingStaff(*db, *inv.clock, a, names[static_cast<int>(op)], a.job);
  storage::SqlitePrintJobStore store(*db);
  if (!store.findJob(a.job)) throw DomainError("print_job_unknown", a.job);
  devices::PrintOutcome outcome;
  std::string id = a.job;
  {
    devices::PrintQueue queue(store, *inv.clock, {}, [&](const devices::PrintOutcome& o) { outcome = o; });
    if (op == JobOp::Retry) queue.retry(a.job);
    if (op == JobOp::Cancel) queue.cancel(a.job);
    if (op == JobOp::Reprint) id = queue.reprint(a.job);
    queue.waitIdle(120000);
  }
  nlohmann::json out = {{"job", id}, {"state", printJobStateName(outcome.state)}, {"reason", outcome.reason}};
  std::cout << out.dump() << "\n";
  bool ok = op == JobOp::Cancel ? outcome.state == PrintJobState::Cancelled : outcome.state == PrintJobState::Printed;
  if (ok) return 0;
  auto colon = outcome.reason.find(':');
  throw DomainError(outcome.reason.substr(0, colon), colon == std::string::npos ? "" : outcome.reason.substr(colon + 2));
}

// After a restart: every job a killed run left queued is sent again (a job is
// marked printed only once the printer took all of it and said it is fine, so a
// job killed half-way is still queued). Non-zero when one of them failed again.
int resumeJobs(const Invocation& inv, const PrintArgs& a) {
  auto db = openDatabase(a.db);
  printingStaff(*db, *inv.clock, a, "print.resume", "");
  storage::SqlitePrintJobStore store(*db);
  std::vector<devices::PrintOutcome> outcomes;
  {
    devices::PrintQueue queue(store, *inv.clock, {}, [&](const devices::PrintOutcome& o) { outcomes.push_back(o); });
    queue.resume();
    queue.waitIdle(120000);
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : outcomes)
    out.push_back({{"job", o.jobId}, {"state", printJobStateName(o.state)}, {"reason", o.reason}});
  std::cout << out.dump() << "\n";
  for (const auto& o : outcomes) {
    if (o.state == PrintJobState::Printed) continue;
    auto colon = o.reason.find(':');
    throw DomainError(o.reason.substr(0, colon), colon == std::string::npos ? "" : o.reason.substr(colon + 2));
  }
  return 0;
}

}  // namespace

void addPrintCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<PrintArgs>();
  auto* print = app.add_subcommand("print", "Print receipts and member cards; the print queue's history");
  print->require_subcommand(1);

  auto* r = print->add_subcommand("receipt", "Print a sale's receipt (or `test`: a sample sale)");
  r->add_option("sale", a->sale, "SALE_ID, or test")->required();
  addDbOption(r, a->db);
  r->add_option("--printer", a->printer, "file:PATH | tcp://HOST:PORT | serial:DEV?baud=N | cups:QUEUE (?profile=58mm)")->required();
  r->add_option("--reprint", a->reprint, "Mark it as the n-th reprint (重印)");
  r->add_option("--lines", a->lines, "Lines on the test receipt");
  r->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN); required for a real sale");
  r->callback([&inv, a] { inv.run = [&inv, a] { return printReceipt(inv, *a); }; });

  auto* c = print->add_subcommand("card", "Print a member card (reprint, or --reissue to replace a lost one)");
  c->add_option("member", a->memberNo, "MEMBER_NO")->required();
  addDbOption(c, a->db);
  c->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  c->add_option("--printer", a->printer, "Printer URI")->required();
  c->add_option("--reason", a->reason, "Why it is printed (logged)")->required();
  c->add_flag("--reissue", a->reissue, "Issue a new card version: the old card stops working");
  c->add_flag("--mask-name", a->maskName, "Print the name as 李*华");
  c->callback([&inv, a] { inv.run = [&inv, a] { return printCard(inv, *a); }; });

  auto* l = print->add_subcommand("jobs", "The print queue's history, newest first");
  addDbOption(l, a->db);
  l->add_option("--limit", a->limit);
  l->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  l->callback([&inv, a] { inv.run = [&inv, a] { return listJobs(inv, *a); }; });

  auto* resume = print->add_subcommand("resume", "Send every job still queued (after a restart)");
  addDbOption(resume, a->db);
  resume->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
  resume->callback([&inv, a] { inv.run = [&inv, a] { return resumeJobs(inv, *a); }; });

  struct Named { const char* name; const char* help; JobOp op; };
  for (Named n : {Named{"retry", "Send a failed job again", JobOp::Retry},
                  Named{"cancel", "Cancel a queued or failed job", JobOp::Cancel},
                  Named{"reprint", "Print a job from history again", JobOp::Reprint}}) {
    auto* s = print->add_subcommand(n.name, n.help);
    s->add_option("job", a->job, "JOB_ID")->required();
    addDbOption(s, a->db);
    s->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN)")->required();
    JobOp op = n.op;
    s->callback([&inv, a, op] { inv.run = [&inv, a, op] { return jobOp(inv, *a, op); }; });
  }
}

}  // namespace salon::cli
