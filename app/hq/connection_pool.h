#pragma once
// PostgreSQL connections shared by the server's worker threads: a request borrows
// one for its whole transaction and gives it back. A broken connection is dropped
// and a new one made on the next borrow (PostgreSQL restarted under us).
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/connection>

namespace salon::hq {

class ConnectionPool {
 public:
  ConnectionPool(std::string url, std::size_t size) : url_(std::move(url)), size_(size) {}

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> c) : pool_(pool), c_(std::move(c)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.giveBack(std::move(c_)); }
    pqxx::connection& operator*() { return *c_; }
    // After a failure that may have left the connection unusable: a new one next time.
    void discard() { c_.reset(); }
    pqxx::connection* operator->() { return c_.get(); }

   private:
    ConnectionPool& pool_;
    std::unique_ptr<pqxx::connection> c_;
  };

  Lease borrow();
  const std::string& url() const { return url_; }

 private:
  void giveBack(std::unique_ptr<pqxx::connection> c);

  std::string url_;
  std::size_t size_;
  std::size_t lent_ = 0;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::mutex m_;
  std::condition_variable freed_;
};

}  // namespace salon::hq
