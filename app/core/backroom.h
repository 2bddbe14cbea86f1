#pragma once
// The back room: every store a desk reaches, through one database connection.
// Storage implements it (storage/sqlite_backroom.h). The kiosk's main thread has
// one; each background lane has its own, opened on that lane's thread, so no
// connection is ever shared between threads.
//
// Ports are grouped by what the salon keeps, not by screen. A desk asks the
// back room for the port it needs and never sees SQL.
namespace salon {

class AppointmentStore;
class ApprovalsInbox;
class AuditLog;
class BackupPassword;
class BoardingStore;
class CareContactStore;
class CareLists;
class CaseStore;
class ChainFileStore;
class ChangeRequestStore;
class CheckInQueue;
class ChainSpends;
class CheckoutStore;
class CustomerDirectory;
class CustomerFileStore;
class DayBook;
class CustomerRecords;
class FileAccessStore;
class FileReviewStore;
class MemberAccounts;
class MemberBalances;
class MemberRoll;
class MovingIn;
class OnlineHolds;
class MemberCardStore;
class PriceList;
class PrintJobStore;
class ReportBook;
class SalonEvents;
class SelfService;
class ServiceRecordStore;
class StaffRoster;
class StaffStore;
class StoreSettings;
class SyncStore;
class WeeklyReviewStore;

class Backroom {
 public:
  virtual ~Backroom() = default;

  virtual AuditLog& audit() = 0;
  virtual StaffStore& staff() = 0;
  virtual CustomerDirectory& directory() = 0;
  virtual CustomerFileStore& files() = 0;
  virtual CheckInQueue& queue() = 0;
  virtual MemberCardStore& cards() = 0;
  virtual PrintJobStore& printJobs() = 0;
  virtual AppointmentStore& appointments() = 0;
  virtual BoardingStore& boarding() = 0;
  virtual CareContactStore& careContacts() = 0;
  virtual ServiceRecordStore& serviceRecords() = 0;
  virtual FileReviewStore& fileReviews() = 0;
  virtual ChangeRequestStore& changeRequests() = 0;
  virtual CaseStore& cases() = 0;
  virtual FileAccessStore& fileAccess() = 0;
  virtual WeeklyReviewStore& weeklyReviews() = 0;

  // ---- ports added while thinning the kiosk (issue 14); keep one line each,
  // ---- grouped by the area that added them.
  // checkout:
  virtual CheckoutStore& checkout() = 0;
  // appointments and care:
  virtual DayBook& dayBook() = 0;
  virtual CareLists& careLists() = 0;
  virtual SalonEvents& salonEvents() = 0;  // 沙龙活动: invitations and who came
  // customer files, members, approvals, settings:
  virtual ApprovalsInbox& approvalsInbox() = 0;
  virtual CustomerRecords& customerRecords() = 0;
  virtual MemberAccounts& memberAccounts() = 0;
  virtual StoreSettings& settings() = 0;
  virtual BackupPassword& backupPassword() = 0;
  virtual PriceList& priceList() = 0;
  virtual StaffRoster& staffRoster() = 0;
  // session and upkeep:
  virtual MemberRoll& memberRoll() = 0;
  // head-office sync (issue 17):
  virtual SyncStore& headOfficeSync() = 0;
  // moving in from another system (issue 12): Settings → 数据导入
  virtual MovingIn& movingIn() = 0;
  // the owner's reports screen (issue 16): the books the reports read
  virtual ReportBook& reportBook() = 0;
  // the customer's own view at the check-in screen (issue 19)
  virtual SelfService& selfService() = 0;
  // online bookings head office holds until this store decides (issue 19, HQ side)
  virtual OnlineHolds& onlineHolds() = 0;
  // a member's figures at checkout and check-in (issue 18): the store's own ledgers
  virtual MemberBalances& memberBalances() = 0;
  // chain value spent offline, for the store's offline allowances (issue 18)
  virtual ChainSpends& chainSpends() = 0;
  // customer files sealed for the chain, found through head office (issue 18)
  virtual ChainFileStore& chainFiles() = 0;
};

}  // namespace salon
