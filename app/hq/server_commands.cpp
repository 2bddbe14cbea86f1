// salon-hq migrate | serve | sandbox, and the store roll: store add | revoke | list.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <pqxx/pqxx>

#include "app/hq/hq_commands.h"
#include "app/hq/hq_schema.h"
#include "app/hq/hq_server.h"
#include "app/hq/sandbox.h"
#include "app/hq/store_roll.h"

namespace salon::hq {
namespace {

CLI::Option* addPg(CLI::App* sub, std::string& pg) {
  return sub->add_option("--pg", pg, "PostgreSQL URL (or $SALON_HQ_PG)")->envname("SALON_HQ_PG")->required();
}

}  // namespace

void addServerCommands(CLI::App& app, CommandRun& run) {
  auto pg = std::make_shared<std::string>();
  auto* migrateCmd = app.add_subcommand("migrate", "Apply the head office's schema migrations");
  addPg(migrateCmd, *pg);
  migrateCmd->callback([&run, pg] {
    run = [pg] {
      pqxx::connection db(*pg);
      std::cout << "{\"applied\":" << migrate(db) << "}" << std::endl;
      return 0;
    };
  });

  auto o = std::make_shared<ServeOptions>();
  auto* serveCmd = app.add_subcommand("serve", "Answer kiosks over HTTPS (migrates first)");
  addPg(serveCmd, o->pg);
  serveCmd->add_option("--listen", o->listen, "HOST:PORT")->capture_default_str();
  serveCmd->add_option("--dir", o->dir, "Data folder: certificate and key")->required();
  serveCmd->add_option("--public-url", o->publicUrl, "The URL enrolment codes carry (default https://LISTEN)");
  serveCmd->add_option("--threads", o->threads, "Request threads")->capture_default_str();
  serveCmd->add_option("--connections", o->connections, "PostgreSQL connections")->capture_default_str();
  serveCmd->add_option("--sms-outbox", o->smsOutbox, "Fake SMS provider: write each message to this folder");
  serveCmd->add_option("--clock-file", o->clockFile, "Tests: a file holding a clock offset in milliseconds");
  serveCmd->callback([&run, o] { run = [o] { return serve(*o); }; });

  auto dir = std::make_shared<std::string>();
  auto stop = std::make_shared<bool>(false);
  auto* sandboxCmd = app.add_subcommand("sandbox", "A throwaway PostgreSQL cluster and salon-hq, with store S01");
  sandboxCmd->add_option("--dir", *dir, "Folder for the cluster and the server")->required();
  sandboxCmd->add_flag("--stop", *stop, "Stop the sandbox in --dir");
  sandboxCmd->callback([&run, dir, stop] { run = [dir, stop] { return *stop ? stopSandbox(*dir) : startSandbox(*dir); }; });
}

void addStoreCommands(CLI::App& app, CommandRun& run) {
  struct Args {
    std::string pg, code, name;
    bool json = false, noQr = false;
  };
  auto a = std::make_shared<Args>();
  auto* store = app.add_subcommand("store", "Enrol, revoke and list the chain's stores");
  store->require_subcommand(1);
  auto* add = store->add_subcommand("add", "Enrol a store: prints its one-time enrolment code (and a QR)");
  add->add_option("code", a->code, "Store code, e.g. S02")->required();
  add->add_option("--name", a->name, "Store name, e.g. 二店")->required();
  add->add_flag("--no-qr", a->noQr, "Only the code");
  addPg(add, a->pg);
  add->callback([&run, a] {
    run = [a] {
      pqxx::connection db(a->pg);
      Enrolment e = enrolStore(db, a->code, a->name);
      std::cout << e.code << "\n";
      if (!a->noQr) std::cout << "\n" << enrolmentQrText(e.code);
      return 0;
    };
  });
  auto* revoke = store->add_subcommand("revoke", "Revoke a store: its token gets 401 from now on");
  revoke->add_option("code", a->code, "Store code")->required();
  addPg(revoke, a->pg);
  revoke->callback([&run, a] {
    run = [a] {
      pqxx::connection db(a->pg);
      if (!revokeStore(db, a->code)) throw std::runtime_error("no store " + a->code);
      std::cout << "{\"revoked\":\"" << a->code << "\"}" << std::endl;
      return 0;
    };
  });
  auto* list = store->add_subcommand("list", "The stores, their sync state and clock skew");
  list->add_flag("--json", a->json, "JSON (the only format)");
  addPg(list, a->pg);
  list->callback([&run, a] {
    run = [a] {
      pqxx::connection db(a->pg);
      std::cout << storeList(db).dump(2) << std::endl;
      return 0;
    };
  });
}

}  // namespace salon::hq
