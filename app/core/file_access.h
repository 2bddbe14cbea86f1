#pragma once
// 档案查询 and 档案借阅. Staff state a purpose for every view; a purpose outside
// their role's routine waits for a supervisor's approval before the file opens
// (审核…确认查询需求的合理性). Lending or exporting a file needs the store manager's
// approval with a reason and a due date; on return it is checked for
// completeness and damage, and a problem goes to the manager.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/customer.h"
#include "app/core/staff_auth.h"
#include "app/core/store_settings.h"

namespace salon {

// Purposes are short codes: checkout, service, booking, registration, review,
// care_followup, complaint, statement, marketing, other.
class QueryPolicy {
 public:
  QueryPolicy();  // the default routine per role
  explicit QueryPolicy(std::map<Role, std::set<std::string>> routine) : routine_(std::move(routine)) {}
  bool isRoutine(Role role, const std::string& purpose) const;

 private:
  std::map<Role, std::set<std::string>> routine_;
};

// The store's routine per role: settings `query_routine.<role>` (a comma list of
// purposes); roles the settings leave out keep their default routine, and a
// store that set none keeps the defaults.
QueryPolicy storeQueryPolicy(StoreSettings& settings);

struct QueryRequest {
  std::string id;
  CustomerId customer = 0;
  std::string requestedBy;
  std::string purpose;
  std::string detail;  // what they need to see and why
  Instant requestedAt = 0;
  std::string state = "pending";  // pending, approved, rejected, used
  std::string decidedBy;
  std::optional<Instant> decidedAt;
};

struct FileLoan {
  std::string id;
  CustomerId customer = 0;
  std::string requestedBy;
  std::string reason;
  CivilDate dueDate;
  Instant requestedAt = 0;
  std::string state = "requested";  // requested, approved, rejected, lent, returned
  std::string approvedBy;
  std::optional<Instant> approvedAt;
  std::optional<Instant> lentAt;    // the export is marked with who and when
  std::string lentBy;
  std::optional<Instant> returnedAt;
  std::string checkedBy;
  bool complete = false;
  bool undamaged = false;
  std::string problem;  // reported to the manager
};

class FileAccessStore {
 public:
  virtual ~FileAccessStore() = default;
  virtual std::optional<QueryRequest> queryRequest(const std::string& id) = 0;
  virtual void saveQueryRequest(const QueryRequest& q, const AuditEntry& audit) = 0;
  virtual std::optional<FileLoan> fileLoan(const std::string& id) = 0;
  virtual std::vector<FileLoan> loansOut() = 0;
  virtual void saveFileLoan(const FileLoan& l, const AuditEntry& audit) = 0;
};

class FileAccess {
 public:
  FileAccess(FileAccessStore& store, Guard& guard, const Clock& clock, QueryPolicy policy = {}, StoreZone zone = {})
      : store_(store), guard_(guard), clock_(clock), policy_(std::move(policy)), zone_(zone) {}

  // Routine purpose: nullopt (open the file, stating the purpose). Otherwise a
  // pending request is created and returned.
  std::optional<QueryRequest> askToView(const Staff& by, CustomerId customer, const std::string& purpose,
                                        const std::string& detail);
  QueryRequest decideQuery(const Staff& reviewer, const std::string& id, bool approve);
  // Consumes an approved request: it opens the file once.
  QueryRequest useQuery(const Staff& by, const std::string& id);

  FileLoan requestLoan(const Staff& by, CustomerId customer, const std::string& reason, CivilDate due);
  FileLoan decideLoan(const Staff& manager, const std::string& id, bool approve);
  FileLoan markLent(const Staff& by, const std::string& id);
  FileLoan markReturned(const Staff& by, const std::string& id, bool complete, bool undamaged,
                        const std::string& problem);
  std::vector<FileLoan> overdueLoans();

  // 档案查询审核 for a purpose stated as text ("service: 补水护理" is the purpose
  // "service"): within the routine it passes; otherwise `requestId` must be an
  // approved request of `me` for this customer and purpose, used here once.
  // `customer` 0 = a search over many files: only a routine purpose is allowed.
  // DomainError purpose_required, query_approval_needed, query_not_approved.
  void checkPurpose(const Staff& me, CustomerId customer, const std::string& purpose, const std::string& requestId);

 private:
  FileLoan loanOrThrow(const std::string& id, const char* state);
  FileAccessStore& store_;
  Guard& guard_;
  const Clock& clock_;
  QueryPolicy policy_;
  StoreZone zone_;
};

}  // namespace salon
