#include "devices/virtual_printer_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/core/error.h"
#include "devices/escpos/command_stream.h"
#include "devices/escpos/virtual_printer.h"

namespace salon::devices {

bool parseFault(const std::string& t, PrinterFault& out) {
  if (t.empty() || t == "none") out = PrinterFault::None;
  else if (t == "paper-out") out = PrinterFault::PaperOut;
  else if (t == "paper-near-end") out = PrinterFault::PaperNearEnd;
  else if (t == "cover-open") out = PrinterFault::CoverOpen;
  else if (t == "offline") out = PrinterFault::Offline;
  else return false;
  return true;
}

std::uint8_t statusAnswer(PrinterFault f, int n) {
  std::uint8_t b = 0x12;  // fixed bits 1 and 4
  bool stopped = f == PrinterFault::PaperOut || f == PrinterFault::CoverOpen || f == PrinterFault::Offline;
  if (n == 1 && stopped) b |= 0x08;
  if (n == 2 && f == PrinterFault::CoverOpen) b |= 0x04;
  if (n == 2 && f == PrinterFault::PaperOut) b |= 0x20;
  if (n == 4 && f == PrinterFault::PaperOut) b |= 0x6C;
  if (n == 4 && f == PrinterFault::PaperNearEnd) b |= 0x0C;
  return b;
}

VirtualPrinterServer::VirtualPrinterServer(std::string outDir, PrinterProfile profile, PrinterFault fault)
    : outDir_(std::move(outDir)), profile_(std::move(profile)), fault_(fault) {}

int VirtualPrinterServer::listen(int port) {
  listener_.reset(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!listener_) throw DomainError("serve_failed", std::strerror(errno));
  int one = 1;
  ::setsockopt(listener_.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listener_.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener_.get(), 8) != 0)
    throw DomainError("serve_failed", "127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno));
  socklen_t len = sizeof a;
  ::getsockname(listener_.get(), reinterpret_cast<sockaddr*>(&a), &len);
  return ntohs(a.sin_port);
}

void VirtualPrinterServer::run(const std::atomic<bool>& stop, const std::function<void(const std::string&)>& log) {
  while (!stop) {
    pollfd p{listener_.get(), POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    Fd client(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (client) serve(client.get(), log);
  }
}

void VirtualPrinterServer::serve(int client, const std::function<void(const std::string&)>& log) {
  std::string pending, job;
  unsigned char buf[8192];
  for (;;) {
    pollfd p{client, POLLIN, 0};
    if (::poll(&p, 1, 30000) <= 0) break;  // a silent client is dropped
    ssize_t n = ::read(client, buf, sizeof buf);
    if (n <= 0) break;
    pending.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
    std::size_t i = 0;
    auto* d = reinterpret_cast<const unsigned char*>(pending.data());
    while (i < pending.size()) {
      std::size_t len = escpos::commandLength(d + i, pending.size() - i);
      if (len == 0) break;
      if (len == 3 && d[i] == 0x10 && d[i + 1] == 0x04) {
        char answer = static_cast<char>(statusAnswer(fault_, d[i + 2]));
        if (::send(client, &answer, 1, MSG_NOSIGNAL) != 1) break;
      } else {
        job.append(pending, i, len);
      }
      i += len;
    }
    pending.erase(0, i);
  }
  job += pending;
  if (job.empty()) return;
  if (fault_ == PrinterFault::None || fault_ == PrinterFault::PaperNearEnd)
    save(job, log);
  else
    log("refused a job of " + std::to_string(job.size()) + " bytes: printer fault");
}

void VirtualPrinterServer::save(const std::string& job, const std::function<void(const std::string&)>& log) {
  char name[32];
  std::snprintf(name, sizeof name, "job-%04d", ++saved_);
  std::string base = outDir_ + "/" + name;
  // Each file appears whole (written aside, then renamed), the text last: whoever
  // watches the folder sees a finished job once its .txt is there.
  auto publish = [&base](const std::string& ext, const std::function<void(const std::string&)>& write) {
    write(base + ext + ".part");
    std::filesystem::rename(base + ext + ".part", base + ext);
  };
  publish(".bin", [&](const std::string& f) { std::ofstream(f, std::ios::binary) << job; });
  PaperPicture pic = renderJob(job, profile_);
  publish(".png", [&](const std::string& f) { writePng(pic.paper, f); });
  publish(".txt", [&](const std::string& f) { std::ofstream(f, std::ios::binary) << pic.text; });
  log(base + ".bin " + std::to_string(job.size()) + " bytes");
}

}  // namespace salon::devices
