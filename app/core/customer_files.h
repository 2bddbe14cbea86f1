#pragma once
// The customer-file service: registration with consent, opening a file for a
// stated purpose (audited with the sections seen), lookup, direct edits by a
// supervisor (audited; change requests come later), visits, feedback and pets.
#include <optional>
#include <string>
#include <vector>

#include "app/core/customer_file.h"
#include "app/core/staff_auth.h"

namespace salon {

struct Registration {
  bool consentGiven = false;  // the customer agreed to the privacy notice
  std::string noticeVersion = kPrivacyNoticeVersion;
  bool marketingOptIn = false;
  std::string name;
  std::string phone;
  bool sharedPhoneConfirmed = false;  // staff confirmed a family phone
  bool member = false;
  FieldMap fields;
};

class CustomerFiles {
 public:
  CustomerFiles(CustomerFileStore& store, CustomerDirectory& directory, AuditLog& audit, const Clock& clock,
                NameKeyMaker& keys, StoreZone zone = {})
      : store_(store), directory_(directory), audit_(audit), clock_(clock), keys_(keys), zone_(zone) {}

  // Consent declined → a walk-in: only an audit entry without personal data.
  // A phone already on file → DomainError("phone_in_use", fileNo) unless staff
  // confirmed a shared family phone.
  RegistrationResult registerCustomer(const Staff& who, const Registration& r);
  // Checks and keys a registration without storing it (import uses it per row).
  NewCustomerFile prepare(const Staff& who, const Registration& r, Instant at);
  // An import: every file in one transaction, pending review, consent to confirm.
  std::vector<RegistrationResult> importFiles(const Staff& who, const std::vector<NewCustomerFile>& files,
                                              const std::string& source);

  // `sections` empty = all. DomainError purpose_required, customer_not_found.
  CustomerFile open(const Staff& who, CustomerId id, const std::string& purpose,
                    std::vector<std::string> sections = {});
  CustomerFile openByFileNo(const Staff& who, const std::string& fileNo, const std::string& purpose,
                            std::vector<std::string> sections = {});
  // Audited as a view of the summaries returned. limit 0 = all.
  std::vector<CustomerSummary> find(const Staff& who, const std::string& query, const std::string& purpose, int limit);

  void editField(const Staff& who, CustomerId id, const std::string& key, const FieldValue& v, const std::string& reason);
  std::string enrol(const Staff& who, CustomerId id);
  std::int64_t addVisit(const Staff& who, CustomerId id, VisitRecord v);
  // The customer's own after-care feedback on one visit (entered by the customer).
  std::int64_t addFeedback(CustomerId id, std::int64_t visitId, int rating, const std::string& comment);
  std::int64_t addPet(const Staff& who, CustomerId id, Pet p);
  std::int64_t addVaccination(const Staff& who, std::int64_t petId, Vaccination v);
  std::int64_t addPetVisit(const Staff& who, std::int64_t petId, PetVisit v);

 private:
  CustomerFile loadOrThrow(CustomerId id);
  CustomerFileStore& store_;
  CustomerDirectory& directory_;
  AuditLog& audit_;
  const Clock& clock_;
  NameKeyMaker& keys_;
  StoreZone zone_;
};

// Only the named sections of a file ("basic", "health", ..., "visits", "pets",
// "consent"); the rest are cleared. DomainError section_unknown.
CustomerFile onlySections(CustomerFile f, const std::vector<std::string>& sections);
std::vector<std::string> allViewSections();

}  // namespace salon
