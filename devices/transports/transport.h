#pragma once
// Getting bytes to a printer, by URI:
//   file:/dev/usb/lp0            a device or plain file (write only)
//   tcp://192.168.1.50:9100      raw TCP with connect/write/read timeouts
//   serial:/dev/ttyUSB0?baud=19200
//   cups:QUEUE                   `lp -d QUEUE -o raw`
// Any URI may add ?profile=58mm (see devices/escpos/profile.h).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "devices/escpos/profile.h"

namespace salon::devices {

struct PrinterUri {
  std::string scheme;   // file, tcp, serial, cups
  std::string target;   // path, host, device or queue
  int port = 9100;
  int baud = 19200;
  std::string profile;  // "" = default
};
// Throws DomainError("printer_uri_invalid").
PrinterUri parsePrinterUri(const std::string& uri);
// The profile the URI names; throws DomainError("printer_profile_unknown").
PrinterProfile profileOf(const PrinterUri& uri);

struct Timeouts {
  int connectMs = 3000;
  int writeMs = 10000;
  int statusMs = 1500;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Throws DomainError (printer_unreachable, printer_write_failed).
  virtual void write(const std::string& bytes) = 0;
  // Sends DLE EOT n and reads the answer byte; nullopt when the transport
  // cannot read back or no answer came in time.
  virtual std::optional<std::uint8_t> query(int n) { (void)n; return std::nullopt; }
  virtual bool readsBack() const { return false; }
  // Completes the job (closes the connection, waits for `lp`).
  virtual void finish() {}
};

std::unique_ptr<Transport> openTransport(const PrinterUri& uri, const Timeouts& timeouts = {});

struct PrinterStatus {
  bool answered = false;
  bool offline = false, coverOpen = false, paperOut = false, paperNearEnd = false;
};
// From the answers to DLE EOT 1, 2 and 4 (each may be missing).
PrinterStatus decodeStatus(std::optional<std::uint8_t> printer, std::optional<std::uint8_t> cause,
                           std::optional<std::uint8_t> paper);
// The error code that stops printing ("" if it may print): printer_cover_open,
// printer_paper_out, printer_offline.
std::string statusProblem(const PrinterStatus& s);
PrinterStatus queryStatus(Transport& t);

struct SendOutcome {
  std::string warning;  // e.g. printer_paper_near_end
};
// Status before (a problem throws and nothing is sent), the job, status after.
SendOutcome sendJob(Transport& t, const std::string& bytes);

}  // namespace salon::devices
