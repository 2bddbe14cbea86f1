// salon-kiosk customers mine|statement: the customer's own view at the kiosk,
// headless. The customer identifies with the member card's QR payload (--card)
// or the file / member number (--file) PLUS the last 4 digits of their phone.
#include <iostream>
#include <limits>

#include "app/cli/customer_json.h"
#include "app/cli/records_cli.h"
#include "app/core/member_card.h"
#include "storage/member_card_store.h"
#include "app/core/error.h"
#include "app/core/self_service.h"
#include "assets/assets.h"
#include "storage/catalog_store.h"
#include "storage/customer_store.h"
#include "storage/self_service_store.h"

namespace salon::cli {
namespace {

struct SelfArgs {
  std::string db, card, file, last4, from, to, format = "text";
  int limit = 50;
};

// Identifies the customer or records the failed try (and locks after five).
CustomerSummary identify(storage::Database& db, const Clock& clock, const SelfArgs& a) {
  Instant now = clock.now();
  storage::SqliteAuditLog audit(db);
  storage::SqliteMemberCardStore cards(db);
  MemberCards checker(cards, audit, clock);
  std::string key;
  try {
    key = identificationKey(!a.card.empty() ? a.card : a.file, checker);
  } catch (const DomainError& e) {
    // A forged or replaced card is an identification that failed: logged.
    audit.append(auditOf(now, "", "customer.self_identify_failed", "card", e.code(), "kiosk"));
    throw;
  }
  return storage::SqliteSelfService(db).identify(key, a.last4, now);
}

std::optional<CivilDate> dateArg(const std::string& text, const char* what) {
  if (text.empty()) return std::nullopt;
  CivilDate d;
  if (!parseDate(text, d)) throw DomainError("bad_input", std::string(what) + " " + text + " (YYYY-MM-DD)");
  return d;
}

nlohmann::json statementJson(const Statement& s, StoreZone zone) {
  nlohmann::json entries = nlohmann::json::array();
  for (const StatementEntry& e : s.entries) {
    nlohmann::json items = nlohmann::json::array(), pays = nlohmann::json::array();
    for (const auto& i : e.items) items.push_back({{"name", i.name}, {"qty", i.qty}, {"amount", i.amount.fen}});
    for (const auto& [t, m] : e.payments) pays.push_back({{"tender", t}, {"amount", m.fen}});
    entries.push_back({{"sale_id", e.saleId},
                       {"kind", e.kind},
                       {"completed_at", formatLocalDateTime(e.completedAt, zone)},
                       {"items", items},
                       {"payments", pays},
                       {"total", e.total.fen}});
  }
  return {{"file_no", s.customer.fileNo},
          {"name", s.customer.name},
          {"phone", maskPhone(s.customer.phone)},
          {"from", s.from ? nlohmann::json(formatDate(*s.from)) : nlohmann::json()},
          {"to", s.to ? nlohmann::json(formatDate(*s.to)) : nlohmann::json()},
          {"entries", entries},
          {"count", s.entries.size()},
          {"net", s.net().fen}};
}

int statement(const Invocation& inv, const SelfArgs& a) {
  auto db = openDatabase(a.db);
  if (a.format != "text" && a.format != "json") throw DomainError("bad_input", "--format " + a.format);
  CustomerSummary c = identify(*db, *inv.clock, a);
  StoreZone zone = storage::readZone(db->sql());
  auto from = dateArg(a.from, "--from"), to = dateArg(a.to, "--to");
  Instant start = from ? startOfLocalDay(*from, zone) : 0;
  Instant end = to ? startOfLocalDay(*to, zone) + kDay : std::numeric_limits<Instant>::max();
  storage::SqliteSelfService self(*db);
  Statement s = self.statement(c, start, end);
  s.from = from;
  s.to = to;
  self.recordOwnView(c, "statement", "consumption", inv.clock->now());
  if (a.format == "json")
    std::cout << statementJson(s, zone).dump(2) << "\n";
  else
    std::cout << formatStatement(s, zone, assets::catalog(assets::languageFromEnvironment()));
  return 0;
}

int mine(const Invocation& inv, const SelfArgs& a) {
  auto db = openDatabase(a.db);
  CustomerSummary c = identify(*db, *inv.clock, a);
  StoreZone zone = storage::readZone(db->sql());
  // Views before this one: the customer sees who looked, then this look is logged.
  nlohmann::json views = nlohmann::json::array();
  storage::SqliteSelfService self(*db);
  for (const FileView& v : self.views(c, a.limit))
    views.push_back({{"at", formatLocalDateTime(v.at, zone)},
                     {"by", v.staffName.empty() ? "self" : v.staffName},
                     {"role", v.role},
                     {"purpose", v.purpose},
                     {"action", v.action}});
  auto file = storage::SqliteCustomerFileStore(*db).load(c.id);
  self.recordOwnView(c, "own file", "all", inv.clock->now());
  nlohmann::json out = {{"file", fileJson(*file, zone)}, {"viewed_by", views}};
  out["file"]["phone"] = maskPhone(c.phone);
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

void addSelfServiceCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<SelfArgs>();
  CLI::App* customers = app.get_subcommand("customers");
  auto common = [a](CLI::App* sub) {
    addDbOption(sub, a->db);
    auto* card = sub->add_option("--card", a->card, "The member card's QR payload (SK1....)");
    auto* file = sub->add_option("--file", a->file, "File number or member number");
    card->excludes(file);
    sub->add_option("--last4", a->last4, "The last 4 digits of the phone on file")->required();
  };
  auto* st = customers->add_subcommand("statement", "消费记录查询: the customer's own consumption statement");
  common(st);
  st->add_option("--from", a->from, "First day, YYYY-MM-DD");
  st->add_option("--to", a->to, "Last day, YYYY-MM-DD");
  st->add_option("--format", a->format, "text (default, printable) or json");
  st->callback([&inv, a] { inv.run = [&inv, a] { return statement(inv, *a); }; });
  auto* mn = customers->add_subcommand("mine", "The customer's own file and who viewed it, and when");
  common(mn);
  mn->add_option("--limit", a->limit, "At most this many views");
  mn->callback([&inv, a] { inv.run = [&inv, a] { return mine(inv, *a); }; });
}

}  // namespace salon::cli
