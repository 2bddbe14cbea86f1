#include "app/hq/public_api.h"
#include "app/hq/public_routes.h"

#include <httplib.h>

#include <iostream>
#include <pqxx/pqxx>

#include "app/core/clock.h"
#include "app/core/error.h"
#include "app/core/phone.h"
#include "app/hq/booking_changes.h"
#include "app/hq/booking_slots.h"
#include "app/hq/customer_texts.h"
#include "app/hq/connection_pool.h"
#include "app/hq/http_failure.h"
#include "app/hq/online_applications.h"
#include "app/hq/online_booking.h"
#include "app/hq/phone_codes.h"
#include "app/hq/refusal.h"
#include "app/hq/sms.h"
#include "app/hq/sms_replies.h"

namespace salon::hq {
namespace {

using nlohmann::json;

std::string formatMinute(int minute) {
  std::string out = std::to_string(minute / 60 + 100).substr(1) + ":" + std::to_string(minute % 60 + 100).substr(1);
  return out;
}

json storesList(pqxx::connection& db) {
  pqxx::read_transaction t(db);
  json out = json::array();
  for (const auto& r : t.exec("SELECT code, name FROM stores WHERE revoked_at IS NULL ORDER BY code")) {
    std::string code = r[0].as<std::string>();
    if (storeSettings(t, code).flag("online.enabled", false)) out.push_back({{"code", code}, {"name", r[1].as<std::string>()}});
  }
  return out;
}

json servicesOf(pqxx::connection& db, const std::string& store) {
  pqxx::read_transaction t(db);
  StoreSettings s = storeSettings(t, store);
  std::string name = onlineStore(t, store, s);
  json staff = json::object();
  for (const auto& r : t.exec_params("SELECT code, name FROM staff WHERE active AND $1 = ANY(stores)", store))
    staff[r[0].as<std::string>()] = r[1].as<std::string>();
  return {{"store", store}, {"name", name}, {"services", onlineServices(t, store, s)}, {"staff", staff}};
}

json slotsOf(pqxx::connection& db, const std::string& store, const std::string& service, const std::string& date,
             Instant now) {
  CivilDate day = dayParam(date);
  pqxx::read_transaction t(db);  // reads only: overdue holds are left out here, declined by the sweep
  StoreSettings s = storeSettings(t, store);
  onlineStore(t, store, s);
  AppointmentService svc = onlineService(t, service, s);
  OpenDay open = loadOpenDay(t, store, day, s, now);
  json slots = json::array();
  for (const OpenSlot& o : openSlots(open, svc, now)) slots.push_back({{"start", formatMinute(o.startMinute)}, {"staff", o.staff}});
  return {{"slots", slots}};
}

json bodyOf(const httplib::Request& req) {
  json body = json::parse(req.body, nullptr, false);
  if (!body.is_object()) throw Refusal(400, "bad_request", "the body is a JSON object");
  return body;
}

std::string textField(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

bool flagField(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_boolean() && it->get<bool>();
}

std::string phoneField(const json& body) {
  try {
    return parsePhone(textField(body, "phone")).normalised;
  } catch (const DomainError&) {
    throw Refusal(400, "phone_invalid", "not a phone number");
  }
}

std::string language(const json& body) {
  std::string lang = textField(body, "lang");
  return lang == "en" || lang == "zh-Hant" ? lang : "zh-Hans";
}

void postCode(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  json body = bodyOf(req);
  askCode(db, desk.sms, phoneField(body), req.remote_addr, language(body), desk.clock.now());
  answerJson(res, 202, {{"status", "sent"}, {"expires_in", 300}});  // the same whether or not a message went out
}

BookingAsk askOf(const json& body) {
  BookingAsk ask;
  ask.store = textField(body, "store");
  ask.service = textField(body, "service");
  ask.date = textField(body, "date");
  ask.start = textField(body, "start");
  ask.staff = textField(body, "staff");
  ask.phone = phoneField(body);
  ask.name = textField(body, "name");
  ask.privacyConsent = flagField(body, "privacy_consent");
  ask.marketing = flagField(body, "marketing_opt_in");
  ask.lang = language(body);
  return ask;
}

std::string sessionCookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; Max-Age=86400; HttpOnly; Secure; SameSite=Lax";
}

// A session for this phone stands for the code; otherwise the code is checked (and
// used up) and the session is given at once, so a booking refused afterwards (slot
// taken, consent missing) is tried again without a new code.
void signIn(pqxx::connection& db, const httplib::Request& req, httplib::Response& res, const std::string& phone,
            const std::string& code, Instant now) {
  if (sessionPhone(db, req.get_header_value("Cookie"), now) == phone) return;
  checkCode(db, phone, code, now);
  res.set_header("Set-Cookie", sessionCookie(openSession(db, phone, now)));
}

// The customer hears the hold was made (an essential text, in the page's language).
void tellBooked(PublicDesk& desk, pqxx::connection& db, const BookingAsk& ask, const Booked& b, Instant now) {
  try {
    pqxx::read_transaction t(db);
    textCustomer(t, desk.sms, storeSettings(t, ask.store),
                 {ask.phone, "booked", ask.lang, Purpose::Essential,
                  {{"store", b.storeName}, {"service", b.serviceName}, {"time", ask.date + " " + ask.start}, {"reason", ""}},
                  ""},
                 now);
  } catch (const std::exception& e) {
    std::cerr << "salon-hq: the booking SMS failed: " << e.what() << "\n";
  }
}

void postBooking(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  json body = bodyOf(req);
  Instant now = desk.clock.now();
  BookingAsk ask = askOf(body);
  signIn(db, req, res, ask.phone, textField(body, "code"), now);
  Booked b = holdSlot(db, ask, now);
  tellBooked(desk, db, ask, b, now);
  answerJson(res, 200, {{"booking", b.id}, {"status", b.status}});
}

void postSession(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  json body = bodyOf(req);
  Instant now = desk.clock.now();
  std::string phone = phoneField(body);
  checkCode(db, phone, textField(body, "code"), now);
  res.set_header("Set-Cookie", sessionCookie(openSession(db, phone, now)));
  answerJson(res, 200, {{"status", "signed_in"}});
}

void getBookings(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  Instant now = desk.clock.now();
  answerJson(res, 200, bookingsOf(db, sessionOrRefuse(db, req, now), now));
}

void postCancel(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  Instant now = desk.clock.now();
  std::string phone = sessionPhone(db, req.get_header_value("Cookie"), now);
  cancelBooking(db, desk.sms, req.matches[1], phone, "page", now);  // 404 alike without a session
  answerJson(res, 200, *bookingFor(db, req.matches[1], phone, now));
}

// The same fields as a booking; the answer is the new hold (the old booking stands
// until the store confirms it).
void postMove(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  json body = bodyOf(req);
  Instant now = desk.clock.now();
  if (!body.contains("phone")) body["phone"] = sessionOrRefuse(db, req, now);
  BookingAsk ask = askOf(body);
  ask.replaces = req.matches[1];
  signIn(db, req, res, ask.phone, textField(body, "code"), now);
  Booked b = holdSlot(db, ask, now);
  tellBooked(desk, db, ask, b, now);
  answerJson(res, 200, {{"booking", b.id}, {"status", b.status}, {"replaces", ask.replaces}});
}

void getBooking(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  Instant now = desk.clock.now();
  auto b = bookingFor(db, req.matches[1], sessionPhone(db, req.get_header_value("Cookie"), now), now);
  if (!b) throw Refusal(404, "not_found", "no such booking");  // unknown, another phone's, or no session: alike
  answerJson(res, 200, *b);
}

// A membership application: the code or the session as for a booking (no phone: the
// session's).
void postApplication(PublicDesk& desk, pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
  json body = bodyOf(req);
  Instant now = desk.clock.now();
  if (textField(body, "phone").empty()) body["phone"] = sessionOrRefuse(db, req, now);  // signed in on the page
  BookingAsk ask;
  ask.store = textField(body, "store");
  ask.phone = phoneField(body);
  ask.name = textField(body, "name");
  ask.privacyConsent = flagField(body, "privacy_consent");
  ask.marketing = flagField(body, "marketing_opt_in");
  ask.lang = language(body);
  signIn(db, req, res, ask.phone, textField(body, "code"), now);
  answerJson(res, 200, applyOnline(db, ask, now));
}

}  // namespace

// Like the kiosks' endpoints: a connection per request, refusals as stable codes.
httplib::Server::Handler publicly(ConnectionPool& pool, PublicHandler handle) {
  return [&pool, handle](const httplib::Request& req, httplib::Response& res) {
    try {
      auto db = pool.borrow();
      try {
        handle(*db, req, res);
      } catch (const Refusal& r) {
        json body = {{"error", r.code}, {"message", r.what()}};
        for (const auto& [k, v] : r.extra.items()) body[k] = v;
        answerJson(res, r.status, body);
      } catch (const pqxx::data_exception&) {
        answerJson(res, 400, {{"error", "bad_request"}, {"message", "the database refused the data"}});
      } catch (...) {
        db.discard();
        throw;
      }
    } catch (...) {
      answerFailure(req, res, false);
    }
  };
}

// The session's phone; Refusal 401 signed_out without one (the page asks for a code).
std::string sessionOrRefuse(pqxx::connection& db, const httplib::Request& req, Instant now) {
  std::string phone = sessionPhone(db, req.get_header_value("Cookie"), now);
  if (phone.empty()) throw Refusal(401, "signed_out", "sign in with a code first");
  return phone;
}

void mountPublicApi(httplib::Server& server, PublicDesk& desk) {
  server.Get("/api/public/v1/stores", publicly(desk.pool, [](pqxx::connection& db, const httplib::Request&, httplib::Response& res) {
    answerJson(res, 200, {{"stores", storesList(db)}});
  }));
  server.Get(R"(/api/public/v1/stores/([A-Za-z0-9_-]{1,32})/services)",
             publicly(desk.pool, [](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               answerJson(res, 200, servicesOf(db, req.matches[1]));
             }));
  server.Get(R"(/api/public/v1/stores/([A-Za-z0-9_-]{1,32})/slots)",
             publicly(desk.pool, [&desk](pqxx::connection& db, const httplib::Request& req, httplib::Response& res) {
               answerJson(res, 200, slotsOf(db, req.matches[1], req.get_param_value("service"),
                                        req.get_param_value("date"), desk.clock.now()));
             }));
  using namespace std::placeholders;
  server.Post("/api/public/v1/codes", publicly(desk.pool, std::bind(postCode, std::ref(desk), _1, _2, _3)));
  server.Post("/api/public/v1/bookings", publicly(desk.pool, std::bind(postBooking, std::ref(desk), _1, _2, _3)));
  server.Get(R"(/api/public/v1/bookings/([A-Za-z0-9_-]{1,64}))",
             publicly(desk.pool, std::bind(getBooking, std::ref(desk), _1, _2, _3)));
  server.Post("/api/public/v1/memberships", publicly(desk.pool, std::bind(postApplication, std::ref(desk), _1, _2, _3)));
  mountSmsReplies(server, desk);  // the provider's forwarded replies (取消 / TD)
  server.Post("/api/public/v1/sessions", publicly(desk.pool, std::bind(postSession, std::ref(desk), _1, _2, _3)));
  server.Get("/api/public/v1/bookings", publicly(desk.pool, std::bind(getBookings, std::ref(desk), _1, _2, _3)));
  server.Post(R"(/api/public/v1/bookings/([A-Za-z0-9_-]{1,64})/cancel)",
              publicly(desk.pool, std::bind(postCancel, std::ref(desk), _1, _2, _3)));
  server.Post(R"(/api/public/v1/bookings/([A-Za-z0-9_-]{1,64})/move)",
              publicly(desk.pool, std::bind(postMove, std::ref(desk), _1, _2, _3)));
  mountPublicSelf(server, desk);  // the customer's own figures and applications (public_self.cpp)
}

}  // namespace salon::hq
