#pragma once
// `salon-hq serve`: migrates, makes or reuses the certificate, then answers kiosks
// over HTTPS until SIGTERM/SIGINT.
#include <string>

namespace salon::hq {

struct ServeOptions {
  std::string pg;                       // PostgreSQL URL
  std::string listen = "127.0.0.1:8443";  // HOST:PORT
  std::string dir;                      // data folder: the certificate and key
  std::string publicUrl;                // what enrolment codes carry; default https://LISTEN
  int threads = 24;                     // request threads
  int connections = 12;                 // PostgreSQL connections per process
  std::string smsOutbox;                // a folder: the fake SMS provider writes each message there
  std::string clockFile;                // tests: a file holding a clock offset in ms (HqClock)
};

int serve(const ServeOptions& o);
// "HOST:PORT" → host and port; false when malformed.
bool splitListen(const std::string& listen, std::string& host, int& port);

}  // namespace salon::hq
