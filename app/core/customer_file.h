#pragma once
// The full customer file (顾客档案): the record, its consent, pets, per-visit
// effect records and the customer's own after-care feedback, and the port that
// storage implements. The service that registers, opens and edits files is in
// customer_files.h.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/audit.h"
#include "app/core/customer.h"
#include "app/core/customer_fields.h"
#include "app/core/name_keys.h"
#include "app/core/outbox.h"
#include "app/core/phone.h"

namespace salon {

// The privacy notice the customer reads at the counter (知情权). A new wording
// gets a new version; each file keeps the version its customer agreed to.
constexpr const char* kPrivacyNoticeVersion = "2026-01";

struct Consent {
  // "agreed" at the counter, or "to_confirm" for a file imported from old records
  // (the customer is asked at the next visit).
  std::string status = "agreed";
  std::string noticeVersion;
  Instant at = 0;
  std::string staff;
  bool marketing = false;  // a separate opt-in (未经顾客同意，不得在非业务范围内使用)
};

struct AfterCareFeedback {
  std::int64_t id = 0;
  std::int64_t visitId = 0;
  Instant at = 0;
  int rating = 0;  // 1..5
  std::string comment;
};

// One visit's effect record (效果分析): what was done and how the skin looked
// before and after.
struct VisitRecord {
  std::int64_t id = 0;
  Instant at = 0;
  std::string service;
  std::string staff;
  int durationMinutes = 0;
  std::string beforeNotes;
  std::string afterNotes;
  std::string effect;
  std::string productsUsed;
  std::vector<AfterCareFeedback> feedback;
};

struct Vaccination {
  std::int64_t id = 0;
  std::string vaccine;
  CivilDate givenOn;
  CivilDate expiresOn;
};

struct PetVisit {
  std::int64_t id = 0;
  Instant at = 0;
  std::string service;
  std::string staff;
  std::string notes;
};

struct Pet {
  std::int64_t id = 0;
  std::string name;
  std::string species;  // dog, cat, rabbit, other
  std::string breed;
  int weightGrams = 0;  // 0 = not weighed
  std::string temperament;
  std::string healthNotes;
  std::vector<Vaccination> vaccinations;
  std::vector<PetVisit> visits;
};

struct CustomerFile {
  CustomerSummary summary;
  bool sharedPhone = false;  // a family phone, confirmed by staff
  Instant createdAt = 0;
  std::string createdBy;
  Consent consent;
  // Every field of the sections opened (all of them from the store); Empty when
  // never given. A section not opened has no keys here.
  FieldMap fields;
  std::vector<Pet> pets;
  std::vector<VisitRecord> visits;  // newest first

  const FieldValue& field(const std::string& key) const;
  // Fields of the opened sections still empty; a declined field is never listed
  // (切忌强制记录).
  std::vector<std::string> missingFields() const;
};

// A file ready to be stored: checked, normalised and keyed by the service.
struct NewCustomerFile {
  std::string name;
  NameKeys keys;
  PhoneNumber phone;
  bool sharedPhone = false;
  bool member = false;
  Consent consent;
  FieldMap fields;
  Instant createdAt = 0;
  std::string createdBy;
  int year = 0;  // the year of creation in the store's zone (file numbers count per year)
};

struct RegistrationResult {
  bool walkIn = false;  // consent declined: nothing personal was stored
  CustomerId id = 0;
  std::string fileNo;
  std::string memberNo;
};

// S01-2026-000123
std::string formatFileNo(const std::string& storeCode, int year, std::int64_t seq);
bool isFileNo(const std::string& text);
// M00000001
std::string formatMemberNo(std::int64_t seq);
bool isMemberNo(const std::string& text);

// Port: implemented by storage. Every write is one transaction with its audit
// entry and outbox row; the store fills in record ids the database allocates.
class CustomerFileStore {
 public:
  virtual ~CustomerFileStore() = default;
  virtual std::optional<CustomerSummary> byPhone(const std::string& normalisedPhone) = 0;
  virtual std::optional<CustomerId> idOfFileNo(const std::string& fileNo) = 0;
  virtual std::optional<CustomerFile> load(CustomerId id) = 0;
  // Allocates the file number (and member number); sets the audit entry's
  // recordId to the file number.
  virtual RegistrationResult create(const NewCustomerFile& file, AuditEntry audit, OutboxMessage out) = 0;
  // Several files in one transaction (an import): all or none.
  virtual std::vector<RegistrationResult> createAll(const std::vector<NewCustomerFile>& files, AuditEntry audit,
                                                    OutboxMessage out) = 0;
  virtual void setField(CustomerId id, const std::string& key, const FieldValue& v, const AuditEntry& audit,
                        const OutboxMessage& out) = 0;
  virtual std::string enrol(CustomerId id, const AuditEntry& audit, const OutboxMessage& out) = 0;
  virtual std::int64_t addVisit(CustomerId id, const VisitRecord& v, const AuditEntry& audit, const OutboxMessage& out) = 0;
  virtual std::int64_t addFeedback(CustomerId id, const AfterCareFeedback& f, const AuditEntry& audit,
                                   const OutboxMessage& out) = 0;
  virtual std::int64_t addPet(CustomerId id, const Pet& p, const AuditEntry& audit, const OutboxMessage& out) = 0;
  virtual std::int64_t addVaccination(std::int64_t petId, const Vaccination& v, const AuditEntry& audit,
                                      const OutboxMessage& out) = 0;
  virtual std::int64_t addPetVisit(std::int64_t petId, const PetVisit& v, const AuditEntry& audit,
                                   const OutboxMessage& out) = 0;
  // Owner of a pet / a visit, so a service can check the record belongs to the file.
  virtual std::optional<CustomerId> ownerOfPet(std::int64_t petId) = 0;
  virtual std::optional<CustomerId> ownerOfVisit(std::int64_t visitId) = 0;
};

}  // namespace salon
