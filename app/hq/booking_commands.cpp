// salon-hq online service | setting | sms: what online booking needs besides the
// catalog and staff (README.md "Online booking").
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <pqxx/pqxx>
#include <sstream>

#include "app/hq/booking_reminders.h"
#include "app/hq/hq_clock.h"
#include "app/hq/hq_commands.h"
#include "app/hq/sms.h"
#include "app/hq/store_roll.h"

namespace salon::hq {
namespace {

struct OnlineArgs {
  std::string pg, code, store, key, value, staff;
  int minutes = -1;
  bool off = false;
  std::string url, keyId, secret, signName, tCode, tBooked, tDecided, tReminder, tCancelled, inboundSecret;
  std::vector<std::string> templates;  // --template KIND=ID
  std::string outbox, clockFile;  // online remind
};

std::string textArray(const std::string& list) {
  std::string out = "{";
  std::stringstream ss(list);
  std::string s;
  while (std::getline(ss, s, ','))
    if (!s.empty()) out += (out.size() > 1 ? ",\"" : "\"") + s + "\"";
  return out + "}";
}

CLI::App* command(CLI::App* parent, const char* name, const char* what, OnlineArgs& a, CommandRun& run,
                  std::function<nlohmann::json(pqxx::connection&)> work) {
  return pgCommand(parent, name, what, a.pg, run, std::move(work));
}

// The item's length, who may do it, and whether customers may book it online.
nlohmann::json setService(pqxx::connection& db, const OnlineArgs& a) {
  pqxx::work w(db);
  auto r = w.exec_params(
      "UPDATE catalog_items SET duration_minutes = CASE WHEN $2 < 0 THEN duration_minutes ELSE $2 END,"
      " qualified_staff = CASE WHEN $3 = '-' THEN qualified_staff ELSE $3::text[] END, online = NOT $4"
      " WHERE code = $1 RETURNING duration_minutes, online",
      a.code, a.minutes, a.staff == "-" ? std::string("-") : textArray(a.staff), a.off);
  if (r.empty()) throw std::runtime_error("no catalog item " + a.code + " (salon-hq catalog set first)");
  w.commit();
  return {{"item", a.code}, {"minutes", r[0][0].as<int>()}, {"online", r[0][1].as<bool>()}};
}

nlohmann::json setStoreSetting(pqxx::connection& db, const OnlineArgs& a) {
  pqxx::work w(db);
  if (w.exec_params("SELECT 1 FROM stores WHERE code = $1", a.store).empty()) throw std::runtime_error("no store " + a.store);
  w.exec_params("INSERT INTO store_settings (store, key, value) VALUES ($1, $2, $3)"
                " ON CONFLICT (store, key) DO UPDATE SET value = excluded.value",
                a.store, a.key, a.value);
  w.commit();
  return {{"store", a.store}, {"key", a.key}, {"value", a.value}};
}

// Every kind of text must have a template id (its own, or for a booking's decision the
// shared --template-decided): refused here, naming what is missing, rather than texts
// that fail (or go out under the wrong template) later.
std::map<std::string, std::string> smsTemplates(const OnlineArgs& a) {
  std::map<std::string, std::string> t = {{"code", a.tCode},         {"booked", a.tBooked},
                                          {"decided", a.tDecided},   {"reminder", a.tReminder},
                                          {"cancelled", a.tCancelled}};
  for (const std::string& given : a.templates) {
    auto eq = given.find('=');
    std::string kind = given.substr(0, eq);
    const auto& kinds = smsKinds();
    if (eq == std::string::npos || eq + 1 == given.size() ||
        (kind != "decided" && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()))
      throw std::runtime_error("--template " + given + ": KIND=ID, KIND one of " + kindList(kinds) + " or decided");
    t[kind] = given.substr(eq + 1);
  }
  if (auto missing = kindsWithoutTemplate(t); !missing.empty())
    throw std::runtime_error("no template id for: " + kindList(missing) + " (give --template KIND=ID for each; " +
                             "confirmed, declined, offline and move_declined may share --template-decided)");
  return t;
}

nlohmann::json setSms(pqxx::connection& db, const OnlineArgs& a) {
  if (a.url.rfind("https://", 0) != 0) throw std::runtime_error("--url wants https://");
  const std::map<std::string, std::string> templates = smsTemplates(a);
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"sms.url", a.url}, {"sms.key_id", a.keyId}, {"sms.secret", a.secret}, {"sms.sign_name", a.signName},
           {"sms.inbound_secret", a.inboundSecret}})
    keepHqSetting(db, k, v);
  nlohmann::json kept = nlohmann::json::object();
  for (const auto& [kind, id] : templates) keepHqSetting(db, "sms.template." + kind, id);
  for (const std::string& kind : smsKinds())  // every kind, so no id of an earlier setting lingers
    if (!templates.count(kind)) keepHqSetting(db, "sms.template." + kind, "");
  for (const std::string& kind : smsKinds()) kept[kind] = templateFor(templates, kind);
  return {{"sms", a.url}, {"templates", kept}};
}

// One reminder pass now (serve runs one every 2 s); sends through --sms-outbox.
nlohmann::json remindNow(pqxx::connection& db, const OnlineArgs& a) {
  FolderSms sms(a.outbox);
  HqClock clock(a.clockFile);
  return {{"reminders", sendReminders(db, sms, clock.now())}};
}

}  // namespace

void addOnlineCommands(CLI::App& app, CommandRun& run) {
  static OnlineArgs a;
  auto* online = app.add_subcommand("online", "Online booking: services, store settings, the SMS provider");
  online->require_subcommand(1);
  auto* service = command(online, "service", "A service's length, qualified staff, and whether it is bookable online", a,
                          run, [](pqxx::connection& db) { return setService(db, a); });
  service->add_option("code", a.code, "Catalog item, e.g. SVC-01")->required();
  service->add_option("--minutes", a.minutes, "How long it takes");
  a.staff = "-";
  service->add_option("--staff", a.staff, "Who may do it: T01,T02 (empty: anyone on the roster)");
  service->add_flag("--off", a.off, "Not bookable online");
  auto* setting = command(online, "setting", "A store's setting at HQ (online.*, appointments.*)", a, run,
                          [](pqxx::connection& db) { return setStoreSetting(db, a); });
  setting->add_option("store", a.store, "Store code")->required();
  setting->add_option("key", a.key, "e.g. online.enabled")->required();
  setting->add_option("value", a.value, "e.g. true")->required();
  auto* sms = command(online, "sms", "The real SMS provider (kept in hq_settings, never sent to stores)", a, run,
                      [](pqxx::connection& db) { return setSms(db, a); });
  sms->add_option("--url", a.url, "https://HOST/PATH the provider's send endpoint")->required();
  sms->add_option("--key-id", a.keyId, "Access key id")->required();
  sms->add_option("--secret", a.secret, "Access key secret (signs each request)")->required();
  sms->add_option("--sign-name", a.signName, "The sender name the provider approved");
  sms->add_option("--template-code", a.tCode, "Template id of the code message")->required();
  sms->add_option("--template-booked", a.tBooked, "Template id of the booking message")->required();
  sms->add_option("--template-decided", a.tDecided, "Template id of the confirmed/declined message");
  sms->add_option("--template-reminder", a.tReminder, "Template id of the day-before reminder");
  sms->add_option("--template-cancelled", a.tCancelled, "Template id of the cancel confirmation");
  sms->add_option("--template", a.templates,
                  "KIND=ID for any kind of text: code, booked, confirmed, declined, offline, move_declined, cancelled, "
                  "reminder, member_approved, member_declined, correction_skipped (or decided); every kind needs one");
  sms->add_option("--inbound-secret", a.inboundSecret, "Shared secret signing the replies the provider forwards");
  auto* remind = command(online, "remind", "Send the reminders due now, once (serve does this every 2 s)", a, run,
                         [](pqxx::connection& db) { return remindNow(db, a); });
  remind->add_option("--sms-outbox", a.outbox, "The fake provider's folder")->required();
  remind->add_option("--clock-file", a.clockFile, "Tests: a clock offset in ms");
}

}  // namespace salon::hq
