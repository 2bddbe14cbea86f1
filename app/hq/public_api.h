#pragma once
// The customers' API under /api/public/v1 (README.md "Online booking"): stores,
// services and free slots; codes by SMS; bookings held until the store decides.
// No store token: customers identify with a phone and a code, then a session cookie.
namespace httplib {
class Server;
}

namespace salon {
class Clock;
}

namespace salon::hq {

class ConnectionPool;
class SmsProvider;

struct PublicDesk {
  ConnectionPool& pool;
  const Clock& clock;
  SmsProvider& sms;
};

void mountPublicApi(httplib::Server& server, PublicDesk& desk);

}  // namespace salon::hq
