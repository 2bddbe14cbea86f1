// The line to head office against a loopback HTTPS server with a self-signed
// certificate: the pinned certificate is accepted and any other refused
// (hq_certificate_mismatch), the token and the body's signature travel, HQ's
// refusals keep their codes, a closed port is hq_unreachable; enrolment codes.
#include <catch2/catch.hpp>
#include <httplib.h>
#include <openssl/pem.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "app/core/error.h"
#include "devices/hq_link.h"
#include "support/temp_dir.h"

using namespace salon;

namespace {

std::string fingerprintOfFile(const std::string& pem) {
  FILE* f = std::fopen(pem.c_str(), "r");
  REQUIRE(f);
  X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  unsigned char md[32];
  unsigned int len = 0;
  X509_digest(cert, EVP_sha256(), md, &len);
  X509_free(cert);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, md, len);
  return hex;
}

struct LoopbackHq {
  test::TempDir dir;
  std::string cert = dir.file("hq.crt"), key = dir.file("hq.key");
  std::unique_ptr<httplib::SSLServer> server;
  std::thread thread;
  int port = 0;
  std::string seenAuth, seenSignature, seenBody;

  LoopbackHq() {
    std::string cmd = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=hq"
                      " -keyout " + key + " -out " + cert + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    server = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str());
    server->Get("/api/v1/hello", [this](const httplib::Request& rq, httplib::Response& rs) {
      seenAuth = rq.get_header_value("Authorization");
      if (seenAuth != "Bearer tok-tok-tok-tok-tok-1234") {
        rs.status = 401;
        rs.set_content(R"({"error":"unknown_token","message":"who are you"})", "application/json");
        return;
      }
      rs.set_content(R"({"store":"S02","name":"二店","stored_through":7,"head":{"seq":3,"hash":"ab"},"server_time":5})",
                     "application/json");
    });
    server->Post("/api/v1/events", [this](const httplib::Request& rq, httplib::Response& rs) {
      seenSignature = rq.get_header_value("X-Salon-Signature");
      seenBody = rq.body;
      rs.status = 409;
      rs.set_content(R"({"error":"sequence_gap","stored_through":4})", "application/json");
    });
    port = server->bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server->listen_after_bind(); });
    while (!server->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LoopbackHq() {
    server->stop();
    thread.join();
  }
  HeadOfficeAddress address(const std::string& fp) {
    return {"https://127.0.0.1:" + std::to_string(port), "S02", "tok-tok-tok-tok-tok-1234", fp};
  }
};

std::string codeOf(const std::string& json) {
  std::string out(sodium_base64_encoded_len(json.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(json.data()), json.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.pop_back();
  return "SALONHQ1." + out;
}

std::string codeOf(const DomainError& e) { return e.code(); }

}  // namespace

TEST_CASE("the pinned certificate is accepted, the token and the body's signature travel") {
  LoopbackHq hq;
  auto line = devices::openHeadOffice(hq.address(fingerprintOfFile(hq.cert)));
  HeadOfficeHello h = line->hello();
  CHECK(h.store == "S02");
  CHECK(h.storedThrough == 7);
  REQUIRE(h.head);
  CHECK(h.head->seq == 3);
  CHECK(hq.seenAuth == "Bearer tok-tok-tok-tok-tok-1234");

  EventBatch b{"S02", "batch-1", 9, {{"e1", 5, "sale.settled", 8, "2026-12-04", R"({"total":100})"}}, ChainHead{3, "ab"}};
  BatchAnswer a = line->sendBatch(b);
  CHECK(a.outcome == BatchOutcome::SequenceGap);
  CHECK(a.storedThrough == 4);
  CHECK(hq.seenSignature == devices::signBody("tok-tok-tok-tok-tok-1234", hq.seenBody));
  CHECK(hq.seenBody.find(R"("payload":{"total":100})") != std::string::npos);
  CHECK(hq.seenBody.find(R"("audit_head":{"hash":"ab","seq":3})") != std::string::npos);
}

TEST_CASE("another certificate than the pinned one is refused, whoever signed it") {
  LoopbackHq hq;
  std::string wrong(64, 'a');
  auto line = devices::openHeadOffice(hq.address(wrong));
  try {
    line->hello();
    FAIL("a certificate that is not the pinned one was accepted");
  } catch (const DomainError& e) {
    CHECK(e.code() == "hq_certificate_mismatch");
  }
  CHECK(hq.seenAuth.empty());  // the token never left
}

TEST_CASE("HQ's refusals keep their stable codes, a closed port is unreachable") {
  LoopbackHq hq;
  HeadOfficeAddress a = hq.address(fingerprintOfFile(hq.cert));
  a.token = "another-token-another-token";
  try {
    devices::openHeadOffice(a)->hello();
    FAIL("refused token accepted");
  } catch (const DomainError& e) {
    CHECK(e.code() == "hq_refused");
    CHECK(e.detail().rfind("unknown_token (HTTP 401)", 0) == 0);
  }
  a.url = "https://127.0.0.1:1";
  devices::HqLinkTimeouts quick{1, 1, 1};
  try {
    devices::openHeadOffice(a, quick)->hello();
    FAIL("a closed port answered");
  } catch (const DomainError& e) {
    CHECK(e.code() == "hq_unreachable");
  }
}

TEST_CASE("enrolment codes: SALONHQ1 and base64url JSON, strictly") {
  const std::string fp(64, 'c');
  std::string good = codeOf(R"({"v":1,"url":"https://127.0.0.1:8443","store":"S02","token":"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG","fp":")" + fp + "\"}");
  HeadOfficeAddress a = devices::readEnrolmentCode(good + "\r\n");  // a reader's line end is trimmed
  CHECK(a.url == "https://127.0.0.1:8443");
  CHECK(a.store == "S02");
  CHECK(a.fingerprint == fp);
  for (const std::string& bad :
       {std::string("SALONHQ2.") + good.substr(9), std::string("SALONHQ1.!!!"),
        codeOf(R"({"v":2,"url":"https://x","store":"S02","token":"abcdefghijklmnopqrstuvwxyz","fp":")" + fp + "\"}"),
        codeOf(R"({"v":1,"url":"http://x","store":"S02","token":"abcdefghijklmnopqrstuvwxyz","fp":")" + fp + "\"}"),
        codeOf(R"({"v":1,"url":"https://x","store":"S02","token":"abcdefghijklmnopqrstuvwxyz","fp":"ABC"})")}) {
    try {
      devices::readEnrolmentCode(bad);
      FAIL("accepted " + bad);
    } catch (const DomainError& e) {
      CHECK(codeOf(e) == "enrol_code_invalid");
    }
  }
}
