#include "storage/import_moving_in.h"

#include <algorithm>
#include <filesystem>

#include "app/core/appointment_import.h"
#include "app/core/customer_files.h"
#include "app/core/customer_import_packages.h"
#include "app/core/error.h"
#include "app/core/name_keys.h"
#include "app/core/uuid.h"
#include "storage/appointment_store.h"
#include "storage/audit_store.h"
#include "storage/catalog_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_rows.h"
#include "storage/customer_store.h"
#include "storage/day_book_store.h"
#include "storage/import_file.h"
#include "storage/import_store.h"

namespace salon::storage {
namespace {

const char* kindName(ImportKind k) {
  return k == ImportKind::Members ? "members" : k == ImportKind::Packages ? "packages" : "appointments";
}

// "银卡会员, 金卡会员 (--create-tiers or --map-tiers)" → the names.
std::vector<std::string> splitNames(const std::string& detail) {
  std::string list = detail.substr(0, detail.find(" ("));
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t comma = list.find(", ", start);
    out.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return out;
}

// Everything a members import needs, on one connection.
struct MemberRoom {
  Database& db;
  StoreZone zone;
  NameKeyMaker keys;
  SqliteAuditLog audit;
  SqliteCustomerFileStore store;
  SqliteCustomerDirectory directory;
  CustomerFiles files;
  MemberRoom(Database& d, const Clock& clock)
      : db(d), zone(storeZone(d.sql())), audit(d), store(d), directory(d, keys),
        files(store, directory, audit, clock, keys, zone) {}
};

struct MemberCheck {
  ImportPlan plan;
  TierResolution tiers;
  std::vector<std::string> unknownTiers;
};

MemberCheck checkMembers(MemberRoom& room, const Staff& who, const Clock& clock, ImportSource& src, Instant at,
                         bool createTiers, const ImportProgress& progress) {
  Guard guard(room.audit, clock);
  guard.require(who, Action::ImportCustomers, "customer", "*");
  MemberCheck c;
  room.db.sql().exec("BEGIN");  // one snapshot for the check
  try {
    c.plan = planImport(room.files, room.store, who, src, {}, at,
                        [&](const std::string& no) { return fileNoOfMemberNo(room.db.sql(), no); }, progress);
  } catch (...) {
    room.db.sql().exec("ROLLBACK");
    throw;
  }
  room.db.sql().exec("COMMIT");
  if (c.plan.membership) guard.require(who, Action::ImportBalances, "import", src.name());
  try {
    c.tiers = resolveTiers(c.plan.tierNames(), loadTiers(room.db.sql()), {}, createTiers);
  } catch (const DomainError& e) {
    if (e.code() != "import_tiers_unknown") throw;
    c.unknownTiers = splitNames(e.detail());
  }
  return c;
}

void fill(ImportPreview& p, const ImportPlan& plan) {
  p.rows = plan.rows;
  p.good = plan.good;
  p.badRows = plan.badRows;
  p.bad = plan.bad;
  p.totals = plan.totals;
}

std::string earlier(Database& db, ImportKind kind, const std::string& sha) {
  auto e = findImport(db.sql(), kindName(kind), sha);
  return e ? e->id + " (" + e->fileName + ", " + formatUtc(e->at) + ", " + e->staff + ")" : "";
}

// A packages file whole: a salon has a few thousand packages.
std::string packageBytes(const std::string& path) {
  ImportFile f(path);
  if (f.size() > (16u << 20)) throw DomainError("import_too_large", path + ": over 16 MiB");
  std::string out(f.size(), '\0');
  std::size_t have = 0;
  for (std::size_t n; have < out.size() && (n = f.read(out.data() + have, out.size() - have)) > 0;) have += n;
  out.resize(have);
  return out;
}

PackagePlan checkPackages(Database& db, const Staff& who, const Clock& clock, const std::string& bytes) {
  SqliteAuditLog audit(db);
  Guard(audit, clock).require(who, Action::ImportBalances, "import", "packages");
  return planPackageImport(bytes, {}, {}, loadPriceBook(db.sql()), clock.now(),
                           [&](const std::string& k) { return customerByCardOrPhone(db.sql(), k); });
}

AppointmentImportPlan checkAppointments(Database& db, const Staff& who, const Clock& clock, ImportSource& src,
                                        const ImportProgress& progress) {
  SqliteAuditLog audit(db);
  Guard guard(audit, clock);
  guard.require(who, Action::ImportCustomers, "import", src.name());
  SqliteDayBook book(db);
  SqliteAppointmentStore store(db);
  return planAppointmentImport(src, book, store, guard, clock, storeZone(db.sql()), who, {},
                               [&](const std::string& card) { return customerByCardOrPhone(db.sql(), card); },
                               progress);
}

ImportRecord recordOf(ImportKind kind, const std::string& path, const std::string& sha, std::size_t rows,
                      const ImportTotals& totals, Instant at, const Staff& who) {
  ImportRecord r;
  r.id = newUuid();
  r.kind = kindName(kind);
  r.fileName = path;
  r.sha256 = sha;
  r.rows = static_cast<std::int64_t>(rows);
  r.totals = totals;
  r.at = at;
  r.staff = who.code;
  return r;
}

void refuse(const ImportPreview& p, bool skipBad) {
  if (!p.earlierImport.empty()) throw DomainError("import_duplicate", p.earlierImport);
  if (!p.unknownTiers.empty()) throw DomainError("import_tiers_unknown", p.unknownTiers.front());
  if (!p.unknownItems.empty()) throw DomainError("import_items_unknown", p.unknownItems.front());
  if (p.badRows > 0 && !skipBad) throw DomainError("import_rows_bad", std::to_string(p.badRows));
  if (p.good == 0) throw DomainError("import_empty", "");
}

}  // namespace

std::vector<std::string> SqliteMovingIn::importableFiles(const std::vector<std::string>& folders) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& folder : folders) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
      std::string ext = it->path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (ext == ".csv" && it->is_regular_file(ec)) out.push_back(it->path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

ImportPreview SqliteMovingIn::preview(const Staff& who, const Clock& clock, ImportKind kind, const std::string& path,
                                      const ImportProgress& progress) {
  ImportPreview p;
  p.kind = kind;
  p.file = path;
  if (kind == ImportKind::Packages) {
    std::string bytes = packageBytes(path);
    PackagePlan plan = checkPackages(db_, who, clock, bytes);
    p.rows = plan.rows;
    p.good = plan.good.size();
    p.badRows = plan.bad.size();
    p.bad = plan.bad;
    p.totals = plan.totals;
    p.unknownItems = plan.unknownItems;
    p.earlierImport = earlier(db_, kind, fileSha256(bytes));
    return p;
  }
  ImportFile src(path);
  if (kind == ImportKind::Appointments) {
    AppointmentImportPlan plan = checkAppointments(db_, who, clock, src, progress);
    p.rows = plan.rows;
    p.good = p.appointments = plan.good.size();
    p.badRows = plan.badRows;
    p.bad = plan.bad;
    p.earlierImport = earlier(db_, kind, plan.sha256);
    return p;
  }
  MemberRoom room(db_, clock);
  MemberCheck c = checkMembers(room, who, clock, src, clock.now(), false, progress);
  fill(p, c.plan);
  p.unknownTiers = c.unknownTiers;
  p.earlierImport = earlier(db_, kind, c.plan.sha256);
  return p;
}

ImportOutcome SqliteMovingIn::run(const Staff& who, const Clock& clock, ImportKind kind, const std::string& path,
                                  bool skipBad, bool createTiers, const ImportProgress& progress) {
  ImportOutcome out;
  Instant at = clock.now();
  if (kind == ImportKind::Members) {
    ImportFile src(path);
    MemberRoom room(db_, clock);
    MemberCheck c = checkMembers(room, who, clock, src, at, createTiers, progress);
    ImportPreview p;
    fill(p, c.plan);
    p.unknownTiers = c.unknownTiers;
    p.earlierImport = earlier(db_, kind, c.plan.sha256);
    refuse(p, skipBad);
    ImportRecord rec = recordOf(kind, path, c.plan.sha256, c.plan.rows, c.plan.totals, at, who);
    GoodMemberRows rows(room.files, who, src, c.plan, at, progress);
    out.imported = commitMemberImport(db_, rows, c.tiers, rec);
    out.importId = rec.id;
    return out;
  }
  if (kind == ImportKind::Appointments) {
    ImportFile src(path);
    AppointmentImportPlan plan = checkAppointments(db_, who, clock, src, progress);
    ImportPreview p;
    p.good = plan.good.size();
    p.badRows = plan.badRows;
    p.earlierImport = earlier(db_, kind, plan.sha256);
    refuse(p, skipBad);
    ImportRecord rec = recordOf(kind, path, plan.sha256, plan.rows, {}, at, who);
    commitAppointmentImport(db_, plan, rec);
    out.imported = plan.good.size();
    out.importId = rec.id;
    return out;
  }
  std::string bytes = packageBytes(path);
  PackagePlan plan = checkPackages(db_, who, clock, bytes);
  ImportPreview p;
  p.good = plan.good.size();
  p.badRows = plan.bad.size();
  p.unknownItems = plan.unknownItems;
  p.earlierImport = earlier(db_, kind, fileSha256(bytes));
  refuse(p, skipBad);
  ImportRecord rec = recordOf(kind, path, fileSha256(bytes), plan.rows, plan.totals, at, who);
  commitPackageImport(db_, plan, rec);
  out.imported = plan.good.size();
  out.importId = rec.id;
  return out;
}

}  // namespace salon::storage
