#pragma once
// The back room on one SQLite connection: every port core's Backroom names,
// each a thin repository over the same connection.
#include <memory>
#include <string>

#include "app/core/backroom.h"
#include "app/core/name_keys.h"
#include "storage/appointment_store.h"
#include "storage/approvals_inbox_store.h"
#include "storage/audit_store.h"
#include "storage/boarding_store.h"
#include "storage/care_lists.h"
#include "storage/care_store.h"
#include "storage/check_in_store.h"
#include "storage/catalog_store.h"
#include "storage/chain_files.h"
#include "storage/chain_spends.h"
#include "storage/checkout_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_records.h"
#include "storage/customer_store.h"
#include "storage/database.h"
#include "storage/day_book_store.h"
#include "storage/file_review_store.h"
#include "storage/member_balance_store.h"
#include "storage/member_card_store.h"
#include "storage/member_store.h"
#include "storage/member_roll.h"
#include "storage/print_job_store.h"
#include "storage/salon_events.h"
#include "storage/record_keeping_store.h"
#include "storage/recording_store.h"
#include "storage/self_service_store.h"
#include "storage/sync_holds.h"
#include "storage/settings_store.h"
#include "storage/staff_admin_store.h"
#include "storage/staff_store.h"
#include "storage/sync_store.h"
#include "storage/weekly_review_store.h"
#include "storage/import_moving_in.h"
#include "storage/report_book_store.h"

namespace salon::storage {

class SqliteBackroom : public Backroom {
 public:
  // Over a connection someone else owns (the kiosk's main thread). `keys` may be
  // shared with the caller; without it the back room makes its own when needed.
  explicit SqliteBackroom(Database& db, NameKeyMaker* keys = nullptr);
  // Opens its own connection to an existing store (a background lane's).
  static std::unique_ptr<SqliteBackroom> open(const std::string& path);
  ~SqliteBackroom() override;

  Database& database() { return db_; }

  AuditLog& audit() override { return audit_; }
  StaffStore& staff() override { return staff_; }
  CustomerDirectory& directory() override;
  CustomerFileStore& files() override { return files_; }
  CheckInQueue& queue() override { return queue_; }
  MemberCardStore& cards() override { return cards_; }
  PrintJobStore& printJobs() override { return printJobs_; }
  AppointmentStore& appointments() override { return appointments_; }
  BoardingStore& boarding() override { return boarding_; }
  CareContactStore& careContacts() override { return careContacts_; }
  ServiceRecordStore& serviceRecords() override { return serviceRecords_; }
  FileReviewStore& fileReviews() override { return fileReviews_; }
  ChangeRequestStore& changeRequests() override { return recordKeeping_; }
  CaseStore& cases() override { return recordKeeping_; }
  FileAccessStore& fileAccess() override { return recordKeeping_; }
  WeeklyReviewStore& weeklyReviews() override { return weeklyReviews_; }

  // ---- ports added while thinning the kiosk (issue 14), grouped by area.
  // checkout:
  CheckoutStore& checkout() override { return checkout_; }
  // appointments and care:
  DayBook& dayBook() override { return dayBook_; }
  CareLists& careLists() override { return careLists_; }
  SalonEvents& salonEvents() override { return salonEvents_; }
  // customer files, members, approvals, settings:
  ApprovalsInbox& approvalsInbox() override { return approvalsInbox_; }
  CustomerRecords& customerRecords() override { return customerRecords_; }
  MemberAccounts& memberAccounts() override { return memberAccounts_; }
  StoreSettings& settings() override { return settings_; }
  BackupPassword& backupPassword() override { return backupPassword_; }
  PriceList& priceList() override { return priceList_; }
  StaffRoster& staffRoster() override { return staffRoster_; }
  // session and upkeep:
  MemberRoll& memberRoll() override { return memberRoll_; }
  // head-office sync (issue 17):
  SyncStore& headOfficeSync() override { return headOfficeSync_; }
  // moving in from another system (issue 12):
  MovingIn& movingIn() override { return movingIn_; }
  // the owner's reports screen (issue 16):
  ReportBook& reportBook() override { return reportBook_; }
  // the customer's own view at the check-in screen (issue 19):
  SelfService& selfService() override { return selfService_; }
  // online bookings head office holds until this store decides (issue 19, HQ side):
  OnlineHolds& onlineHolds() override { return onlineHolds_; }
  // a member's figures at checkout and check-in (issue 18):
  MemberBalances& memberBalances() override { return memberBalances_; }
  ChainSpends& chainSpends() override { return chainSpends_; }
  ChainFileStore& chainFiles() override { return chainFiles_; }

 private:
  SqliteBackroom(std::unique_ptr<Database> owned);

  std::unique_ptr<Database> owned_;  // set when the back room opened its own connection
  Database& db_;
  std::unique_ptr<NameKeyMaker> ownKeys_;
  NameKeyMaker* keys_;
  std::unique_ptr<SqliteCustomerDirectory> directory_;
  SqliteAuditLog audit_{db_};
  SqliteStaffStore staff_{db_};
  SqliteCustomerFileStore files_{db_};
  SqliteCheckInQueue queue_{db_};
  SqliteMemberCardStore cards_{db_};
  SqlitePrintJobStore printJobs_{db_};
  SqliteAppointmentStore appointments_{db_};
  SqliteBoardingStore boarding_{db_};
  SqliteCareContactStore careContacts_{db_};
  SqliteServiceRecords serviceRecords_{db_};
  SqliteFileReviews fileReviews_{db_};
  SqliteRecordKeeping recordKeeping_{db_};
  SqliteWeeklyReviews weeklyReviews_{db_};
  // ---- members added while thinning the kiosk (issue 14), grouped by area.
  // checkout:
  SqliteCheckoutStore checkout_{db_};
  // appointments and care:
  SqliteDayBook dayBook_{db_};
  SqliteCareLists careLists_{db_};
  SqliteSalonEvents salonEvents_{db_};
  // customer files, members, approvals, settings:
  SqliteApprovalsInbox approvalsInbox_{db_};
  SqliteCustomerRecords customerRecords_{db_};
  SqliteMemberAccounts memberAccounts_{db_};
  SqliteStoreSettings settings_{db_};
  DataDirBackupPassword backupPassword_{db_};
  SqlitePriceList priceList_{db_};
  SqliteStaffRoster staffRoster_{db_};
  // session and upkeep:
  SqliteMemberRoll memberRoll_{db_};
  // head-office sync (issue 17):
  SqliteSyncStore headOfficeSync_{db_};
  // moving in from another system (issue 12):
  SqliteMovingIn movingIn_{db_};
  // the owner's reports screen (issue 16):
  SqliteReportBook reportBook_{db_};
  // the customer's own view at the check-in screen (issue 19):
  SqliteSelfService selfService_{db_};
  // online bookings head office holds until this store decides (issue 19, HQ side):
  SqliteOnlineHolds onlineHolds_{db_};
  SqliteMemberBalances memberBalances_{db_};
  SqliteChainSpends chainSpends_{db_};
  SqliteChainFileStore chainFiles_{db_};
};

}  // namespace salon::storage
