#include "devices/transports/transport.h"

#include <cstdlib>

#include "app/core/error.h"

namespace salon::devices {

namespace {

std::string param(const std::string& query, const std::string& key) {
  std::size_t pos = 0;
  while (pos <= query.size()) {
    auto end = query.find('&', pos);
    std::string kv = query.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (kv.rfind(key + "=", 0) == 0) return kv.substr(key.size() + 1);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return "";
}

int number(const std::string& s, const std::string& uri) {
  if (s.empty() || s.size() > 7 || s.find_first_not_of("0123456789") != std::string::npos)
    throw DomainError("printer_uri_invalid", uri);
  return std::atoi(s.c_str());
}

}  // namespace

PrinterUri parsePrinterUri(const std::string& uri) {
  PrinterUri u;
  auto colon = uri.find(':');
  if (colon == std::string::npos) throw DomainError("printer_uri_invalid", uri);
  u.scheme = uri.substr(0, colon);
  std::string rest = uri.substr(colon + 1);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  u.profile = param(query, "profile");
  if (u.scheme == "file" || u.scheme == "serial") {
    if (rest.rfind("//", 0) == 0) rest = rest.substr(2);
    if (rest.empty()) throw DomainError("printer_uri_invalid", uri);
    u.target = rest;
    if (std::string b = param(query, "baud"); !b.empty()) u.baud = number(b, uri);
  } else if (u.scheme == "tcp") {
    if (rest.rfind("//", 0) != 0) throw DomainError("printer_uri_invalid", uri);
    rest = rest.substr(2);
    auto pc = rest.rfind(':');
    u.target = pc == std::string::npos ? rest : rest.substr(0, pc);
    if (pc != std::string::npos) u.port = number(rest.substr(pc + 1), uri);
    if (u.target.empty() || u.port <= 0 || u.port > 65535) throw DomainError("printer_uri_invalid", uri);
  } else if (u.scheme == "cups") {
    if (rest.empty() || rest.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.@") !=
                            std::string::npos)
      throw DomainError("printer_uri_invalid", uri);
    u.target = rest;
  } else {
    throw DomainError("printer_uri_invalid", uri);
  }
  return u;
}

PrinterProfile profileOf(const PrinterUri& uri) {
  auto p = profileByName(uri.profile);
  if (!p) throw DomainError("printer_profile_unknown", uri.profile);
  return *p;
}

// Each answer has bits 1 and 4 set and bits 0 and 7 clear (ESC/POS DLE EOT).
static bool wellFormed(std::optional<std::uint8_t> b) { return b && (*b & 0x93) == 0x12; }

PrinterStatus decodeStatus(std::optional<std::uint8_t> printer, std::optional<std::uint8_t> cause,
                           std::optional<std::uint8_t> paper) {
  PrinterStatus s;
  s.answered = wellFormed(printer);
  if (s.answered) s.offline = *printer & 0x08;
  if (wellFormed(cause)) {
    s.coverOpen = *cause & 0x04;
    s.paperOut = *cause & 0x20;
  }
  if (wellFormed(paper)) {
    s.paperOut = s.paperOut || (*paper & 0x60) == 0x60;
    s.paperNearEnd = (*paper & 0x0C) == 0x0C;
  }
  return s;
}

std::string statusProblem(const PrinterStatus& s) {
  if (s.coverOpen) return "printer_cover_open";
  if (s.paperOut) return "printer_paper_out";
  if (s.offline) return "printer_offline";
  return "";
}

PrinterStatus queryStatus(Transport& t) {
  auto printer = t.query(1);
  if (!printer) return {};
  std::optional<std::uint8_t> cause;
  if (*printer & 0x08) cause = t.query(2);
  return decodeStatus(printer, cause, t.query(4));
}

SendOutcome sendJob(Transport& t, const std::string& bytes) {
  SendOutcome out;
  if (t.readsBack()) {
    PrinterStatus before = queryStatus(t);
    if (!before.answered) throw DomainError("printer_no_answer", "DLE EOT 1");
    if (auto p = statusProblem(before); !p.empty()) throw DomainError(p, "before printing");
  }
  t.write(bytes);
  if (t.readsBack()) {
    // Printed means the printer took every byte and says it is fine afterwards:
    // the bytes may sit in the kernel's buffers of a printer that stopped
    // reading mid-job, so silence after the job is a failure kept for reprint.
    PrinterStatus after = queryStatus(t);
    if (!after.answered) throw DomainError("printer_no_answer", "after the job: it may not have printed");
    if (auto p = statusProblem(after); !p.empty()) throw DomainError(p, "while printing");
    if (after.paperNearEnd) out.warning = "printer_paper_near_end";
  }
  t.finish();
  return out;
}

}  // namespace salon::devices
