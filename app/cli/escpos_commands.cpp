// salon-kiosk escpos render|serve|profiles: the virtual printer.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/error.h"
#include "devices/escpos/virtual_printer.h"
#include "devices/virtual_printer_server.h"

namespace salon::cli {
namespace {

struct EscposArgs {
  std::string job, png, text, outDir, profile, fault;
  int port = 9100;
};

devices::PrinterProfile chosenProfile(const std::string& name) {
  auto p = devices::profileByName(name);
  if (!p) throw DomainError("printer_profile_unknown", name);
  return *p;
}

int render(const EscposArgs& a) {
  std::ifstream in(a.job, std::ios::binary);
  if (!in) throw DomainError("file_read_failed", a.job);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto pic = devices::renderJob(bytes.str(), chosenProfile(a.profile));
  devices::writePng(pic.paper, a.png);
  if (!a.text.empty()) {
    std::ofstream out(a.text, std::ios::binary);
    if (!(out << pic.text)) throw DomainError("file_write_failed", a.text);
  }
  nlohmann::json j = {{"png", a.png}, {"width", pic.paper.width}, {"height", pic.paper.height},
                      {"qr", pic.qrCodes}, {"cuts", pic.cuts}, {"truncated", pic.truncated}};
  std::cout << j.dump() << "\n";
  return 0;
}

std::atomic<bool> stopServing{false};
extern "C" void onStopSignal(int) { stopServing = true; }

int serve(const EscposArgs& a) {
  devices::PrinterFault fault;
  if (!devices::parseFault(a.fault, fault)) throw DomainError("bad_input", "--fault " + a.fault);
  std::filesystem::create_directories(a.outDir);
  devices::VirtualPrinterServer server(a.outDir, chosenProfile(a.profile), fault);
  int port = server.listen(a.port);
  std::cout << port << std::endl;
  std::signal(SIGINT, onStopSignal);
  std::signal(SIGTERM, onStopSignal);
  server.run(stopServing, [](const std::string& line) { std::cout << line << std::endl; });
  return 0;
}

int profiles() {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : devices::allProfiles())
    out.push_back({{"name", p.name}, {"description", p.description}, {"paper_mm", p.paperMm}, {"dots", p.dots},
                   {"columns", p.columns}, {"native_qr", p.nativeQr}, {"cutter", p.cutter}, {"drawer", p.drawer},
                   {"encoding", p.encoding == devices::ChineseEncoding::Big5 ? "Big5" : "GB18030"}});
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace

void addEscposCommands(CLI::App& app, Invocation& inv) {
  auto args = std::make_shared<EscposArgs>();
  auto* escpos = app.add_subcommand("escpos", "The virtual receipt printer");
  escpos->require_subcommand(1);

  auto* r = escpos->add_subcommand("render", "Draw an ESC/POS job as a picture of the paper");
  r->add_option("job", args->job, "The job's bytes (JOB.bin)")->required();
  r->add_option("--png", args->png, "Where to write the picture")->required();
  r->add_option("--text", args->text, "Where to write what was printed, as text");
  r->add_option("--profile", args->profile, "Printer profile (default 80mm)");
  r->callback([&inv, args] { inv.run = [args] { return render(*args); }; });

  auto* s = escpos->add_subcommand("serve", "A network printer on 127.0.0.1 that saves each job and its picture");
  s->add_option("--port", args->port, "TCP port (0 picks a free one and prints it)");
  s->add_option("--out", args->outDir, "Where jobs are saved")->required();
  s->add_option("--profile", args->profile, "Printer profile (default 80mm)");
  s->add_option("--fault", args->fault, "paper-out | paper-near-end | cover-open | offline");
  s->callback([&inv, args] { inv.run = [args] { return serve(*args); }; });

  auto* p = escpos->add_subcommand("profiles", "The printer profiles the kiosk knows");
  p->callback([&inv] { inv.run = [] { return profiles(); }; });
}

}  // namespace salon::cli
