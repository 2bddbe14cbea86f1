#pragma once
// `escpos serve`: a network printer on 127.0.0.1 that answers status queries
// like real firmware (optionally with a fault), and saves each job it prints as
// JOB.bin, JOB.png and JOB.txt. The demo salon prints to it.
#include <atomic>
#include <functional>
#include <string>

#include "devices/escpos/profile.h"
#include "devices/transports/fd_io.h"

namespace salon::devices {

enum class PrinterFault { None, PaperOut, PaperNearEnd, CoverOpen, Offline };
// "paper-out", "paper-near-end", "cover-open", "offline", "" -> None.
bool parseFault(const std::string& text, PrinterFault& out);
// The byte a printer with `fault` answers to DLE EOT n.
std::uint8_t statusAnswer(PrinterFault fault, int n);

class VirtualPrinterServer {
 public:
  VirtualPrinterServer(std::string outDir, PrinterProfile profile, PrinterFault fault);
  // Binds 127.0.0.1:port (0 = any free port); returns the port.
  int listen(int port);
  // Serves one connection after another until `stop` is set.
  void run(const std::atomic<bool>& stop, const std::function<void(const std::string&)>& log);

 private:
  void serve(int client, const std::function<void(const std::string&)>& log);
  void save(const std::string& job, const std::function<void(const std::string&)>& log);
  std::string outDir_;
  PrinterProfile profile_;
  PrinterFault fault_;
  Fd listener_;
  int saved_ = 0;
};

}  // namespace salon::devices
