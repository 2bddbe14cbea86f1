#pragma once
// The endpoints kiosks call (PROTOCOL.md), mounted on an httplib server. Stateless:
// everything lives in PostgreSQL, so several processes may serve one database.
#include <cstdint>
#include <string>

namespace httplib {
class Server;
}

namespace salon::hq {

class ConnectionPool;

constexpr std::size_t kMaxBodyBytes = 4u << 20;      // batches and every other body
constexpr std::size_t kMaxBackupBytes = 256u << 20;  // an encrypted backup file

void mountSyncApi(httplib::Server& server, ConnectionPool& pool);

}  // namespace salon::hq
