#include "app/hq/connection_pool.h"

#include <pqxx/pqxx>

namespace salon::hq {

ConnectionPool::Lease ConnectionPool::borrow() {
  std::unique_ptr<pqxx::connection> c;
  {
    std::unique_lock<std::mutex> lock(m_);
    freed_.wait(lock, [&] { return lent_ < size_; });
    ++lent_;
    if (!idle_.empty()) {
      c = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  try {
    if (!c || !c->is_open()) c = std::make_unique<pqxx::connection>(url_);
  } catch (...) {
    std::lock_guard<std::mutex> lock(m_);
    --lent_;
    freed_.notify_one();
    throw;
  }
  return Lease(*this, std::move(c));
}

void ConnectionPool::giveBack(std::unique_ptr<pqxx::connection> c) {
  std::lock_guard<std::mutex> lock(m_);
  --lent_;
  if (c && c->is_open()) idle_.push_back(std::move(c));
  freed_.notify_one();
}

}  // namespace salon::hq
