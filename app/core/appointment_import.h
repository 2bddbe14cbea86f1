#pragma once
// `appointments import`: next week's bookings come across from the old system.
// One row per appointment: date, time, the customer's phone or card number, the
// service's name or code, the staff member's name or code (empty: anyone
// qualified). Each row is booked exactly as at the counter (Appointments::book:
// past starts, members' holds, qualification, the staff member's and the pet's
// conflicts, with the store's appointments and the file's earlier rows) and must
// lie within the opening hours; nothing is stored here.
#include <map>
#include <string>
#include <vector>

#include "app/core/appointment.h"
#include "app/core/customer_import.h"
#include "app/core/customer_import_packages.h"
#include "app/core/customer_import_stream.h"
#include "app/core/day_book.h"

namespace salon {

// More rows than a salon books ahead: refused (import_too_many_rows).
constexpr std::size_t kMaxAppointmentImportRows = 50000;

struct AppointmentImportPlan {
  TextEncoding encoding = TextEncoding::Utf8;
  std::string sha256;
  std::uint64_t bytes = 0;
  std::size_t rows = 0;
  std::vector<Appointment> good;  // booked, not yet stored
  std::vector<int> goodLines;
  std::vector<ImportProblem> bad;  // the first kMaxReportedProblems
  std::size_t badRows = 0;
  std::map<std::string, std::int64_t> perStaff;  // good appointments per staff member
};

// The header target of an appointments file: date, time, customer, service,
// staff, note ("" when not recognised). Chinese as salons write it (预约日期,
// 开始时间, 手机号/会员卡号, 服务项目, 美容师/技师...) or English.
std::string appointmentTargetOf(const std::string& header);

// Reads and checks every row; stores nothing. The customer is found by the old
// card number as printed (`byCard`), else as the counter finds them (phone,
// file or member number). DomainError import_empty,
// import_column_missing (date, time, customer, service), import_map_invalid,
// import_too_many_rows, encoding_unknown. Row codes: date_invalid,
// time_invalid, customer_not_found, customer_ambiguous, service_unknown,
// staff_unknown, staff_absent, outside_hours, slot_taken, held_for_members,
// staff_not_qualified, no_staff_free, bad_input (start is past).
AppointmentImportPlan planAppointmentImport(ImportSource& src, DayBook& book, AppointmentStore& store, Guard& guard,
                                            const Clock& clock, StoreZone zone, const Staff& who,
                                            const std::map<std::string, std::string>& headerMap,
                                            const CustomerLookup& byCard, const ImportProgress& progress = {});

}  // namespace salon
