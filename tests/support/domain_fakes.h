#pragma once
// What many core tests share: an in-memory audit log, the error code a call
// throws, and the demo salon's staff as core sees them.
#include <functional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/error.h"
#include "app/core/staff.h"

namespace salon::test {

struct MemoryAudit : AuditLog {
  void append(const AuditEntry& e) override { entries.push_back(e); }
  std::vector<AuditEntry> entries;
};

// The DomainError code `f` throws, or "ok".
inline std::string codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "ok";
}

inline const Staff kCash{"cash", "陈前台", Role::Cashier, "前台", true};
inline const Staff kSup{"sup", "李主管", Role::Supervisor, "客服部", true};
inline const Staff kMgr{"mgr", "王店长", Role::Manager, "店务", true};
inline const Staff kBeau{"beau", "林美容师", Role::Beautician, "美容部", true};

}  // namespace salon::test
