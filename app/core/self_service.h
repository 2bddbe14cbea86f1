#pragma once
// The customer's own view at the kiosk (知情权, 消费记录查询): the customer
// identifies with their member card's QR (or file / member number) PLUS the last
// 4 digits of their phone, then sees their own file, who viewed it and when,
// and a statement of their consumption. Five failed tries lock the file's
// self-service for 15 minutes.
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/customer.h"
#include "app/core/i18n.h"
#include "app/core/money.h"
#include "app/core/report_summary.h"

namespace salon {

constexpr int kSelfServiceTries = 5;
constexpr std::int64_t kSelfServiceLock = 15 * kMinute;

class MemberCards;

// "SK1.<member no>.<version>.<signature>" → the member number, once `cards` has
// checked the QR's signature and version (DomainError card_forged, card_revoked,
// card_malformed, member_unknown): a QR anyone could type must not open a file.
// Other text (a file or member number typed in) is returned as it is.
std::string identificationKey(const std::string& cardOrNumber, MemberCards& cards);

// DomainError customer_not_identified unless the last 4 digits match;
// self_service_locked after kSelfServiceTries failures within kSelfServiceLock.
void checkSelfIdentification(const CustomerSummary& who, const std::string& last4, int recentFailures);

struct StatementItem {
  std::string name;
  int qty = 0;
  Money amount;
};

struct StatementEntry {
  std::string saleId;
  std::string kind;  // sale, void, refund, arrears_settlement
  Instant completedAt = 0;
  std::vector<StatementItem> items;
  std::vector<std::pair<std::string, Money>> payments;  // tender name, amount
  Money total;
};

struct Statement {
  CustomerSummary customer;
  std::optional<CivilDate> from, to;
  std::vector<StatementEntry> entries;  // oldest first
  Money net() const;                    // sales less refunds and voids
};

// Who opened the file and when (from the audit log).
struct FileView {
  Instant at = 0;
  std::string staffName, role;  // "" staff = the customer at the kiosk
  std::string purpose;
  std::string action;
};

// Port: the customer's own view as storage keeps it, shared by the check-in
// screen and the CLI (`customers mine`, `customers statement`).
class SelfService {
 public:
  virtual ~SelfService() = default;
  // The customer by file or member number (a card's number once core checked
  // the card) plus the last 4 digits of the phone. A failed try is recorded
  // (it counts toward the lock) before customer_not_identified is thrown.
  virtual CustomerSummary identify(const std::string& key, const std::string& last4, Instant now) = 0;
  // Who viewed the file, newest first.
  virtual std::vector<FileView> views(const CustomerSummary& c, int limit) = 0;
  // Sales, voids and refunds completed in [from, to).
  virtual Statement statement(const CustomerSummary& c, Instant from, Instant to) = 0;
  // The customer's own look, in the file's access log (no staff: the customer).
  virtual void recordOwnView(const CustomerSummary& c, const std::string& what, const std::string& sections,
                             Instant now) = 0;
};

// The statement as printable text (the kiosk prints it later), in the
// customer's language; the phone masked.
std::string formatStatement(const Statement& s, StoreZone zone, const Catalog& words);
// The same statement as a printed page (devices lays it out for the paper):
// one section per sale, its items and payments, then the count and net total.
ReportSummary statementTicket(const Statement& s, StoreZone zone, const Catalog& words);

}  // namespace salon
