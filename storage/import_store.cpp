#include "storage/import_store.h"

#include <nlohmann/json.hpp>

#include "app/core/audit.h"
#include "app/core/customer_file.h"
#include "app/core/error.h"
#include "app/core/uuid.h"
#include "storage/appointment_store.h"
#include "storage/audit_store.h"
#include "storage/customer_numbers.h"
#include "storage/customer_rows.h"

namespace salon::storage {
namespace {

constexpr std::int64_t kYear = 365 * kDay;

void createTiers(SQLite::Database& db, const std::vector<MemberTier>& tiers) {
  for (const MemberTier& t : tiers) {
    SQLite::Statement q(db, "INSERT INTO member_tiers (code, name, rank, min_spend_12m, min_visits_12m, points_per_yuan)"
                            " VALUES (?, ?, ?, ?, 0, ?)");
    q.bind(1, t.code);
    q.bind(2, t.name);
    q.bind(3, t.rank);
    q.bind(4, static_cast<std::int64_t>(t.minSpend12m.fen));
    q.bind(5, t.pointsPerYuan);
    q.exec();
  }
}

// The kiosk's own numbers (M + 8 digits) never reach a number brought across.
void keepMemberCounterAbove(SQLite::Database& db, const std::string& memberNo) {
  if (!isMemberNo(memberNo)) return;
  SQLite::Statement q(db, "INSERT INTO customer_member_numbers (one, last) VALUES (1, ?)"
                          " ON CONFLICT(one) DO UPDATE SET last = MAX(last, excluded.last)");
  q.bind(1, static_cast<std::int64_t>(std::stoll(memberNo.substr(1))));
  q.exec();
}

// Prepared once for the whole import: the member side of each row.
struct OpeningWriter {
  SQLite::Database& db;
  std::string importId;
  Instant at;
  SQLite::Statement member{db, "INSERT INTO imported_members (customer_id, import_id, line, member_since, last_visit)"
                               " VALUES (?, ?, ?, NULLIF(?, ''), NULLIF(?, ''))"};
  SQLite::Statement tier{db, "INSERT INTO memberships (customer_id, tier_code, period_end, updated_at) VALUES (?, ?, ?, ?)"};
  SQLite::Statement balance{db, "INSERT INTO member_balances (customer_id, points, sv_principal, sv_bonus, arrears,"
                                " arrears_since) VALUES (?, ?, ?, ?, ?, ?)"};
  SQLite::Statement points{db, "INSERT INTO points_ledger (customer_id, sale_id, delta, kind, expires_at, at)"
                               " VALUES (?, ?, ?, 'opening', 0, ?)"};
  SQLite::Statement value{db, "INSERT INTO stored_value_ledger (customer_id, sale_id, principal_delta, bonus_delta,"
                              " kind, at) VALUES (?, ?, ?, ?, 'opening', ?)"};
  SQLite::Statement arrears{db, "INSERT INTO arrears_ledger (customer_id, sale_id, delta, kind, at)"
                                " VALUES (?, ?, ?, 'opening', ?)"};

  void run(SQLite::Statement& q) {
    q.exec();
    q.reset();
  }

  void write(CustomerId id, int line, const MemberOpening& o, const std::string& tierCode) {
    auto cid = static_cast<std::int64_t>(id);
    member.bind(1, cid);
    member.bind(2, importId);
    member.bind(3, line);
    member.bind(4, o.memberSince);
    member.bind(5, o.lastVisit);
    run(member);
    if (!tierCode.empty()) {
      tier.bind(1, cid);
      tier.bind(2, tierCode);
      tier.bind(3, static_cast<std::int64_t>(at + kYear));
      tier.bind(4, static_cast<std::int64_t>(at));
      run(tier);
    }
    if (!o.hasBalances()) return;
    balance.bind(1, cid);
    balance.bind(2, static_cast<std::int64_t>(o.points));
    balance.bind(3, static_cast<std::int64_t>(o.svPrincipal.fen));
    balance.bind(4, static_cast<std::int64_t>(o.svBonus.fen));
    balance.bind(5, static_cast<std::int64_t>(o.arrears.fen));
    balance.bind(6, static_cast<std::int64_t>(o.arrears.fen > 0 ? at : 0));
    run(balance);
    writeLedgers(cid, o);
  }

  void writeLedgers(std::int64_t cid, const MemberOpening& o) {
    if (o.points != 0) {
      points.bind(1, cid);
      points.bind(2, importId);
      points.bind(3, static_cast<std::int64_t>(o.points));
      points.bind(4, static_cast<std::int64_t>(at));
      run(points);
    }
    if (o.svPrincipal.fen != 0 || o.svBonus.fen != 0) {
      value.bind(1, cid);
      value.bind(2, importId);
      value.bind(3, static_cast<std::int64_t>(o.svPrincipal.fen));
      value.bind(4, static_cast<std::int64_t>(o.svBonus.fen));
      value.bind(5, static_cast<std::int64_t>(at));
      run(value);
    }
    if (o.arrears.fen != 0) {
      arrears.bind(1, cid);
      arrears.bind(2, importId);
      arrears.bind(3, static_cast<std::int64_t>(o.arrears.fen));
      arrears.bind(4, static_cast<std::int64_t>(at));
      run(arrears);
    }
  }
};

ImportRecord readRecord(SQLite::Statement& q) {
  ImportRecord r;
  r.id = q.getColumn(0).getString();
  r.kind = q.getColumn(1).getString();
  r.fileName = q.getColumn(2).getString();
  r.sha256 = q.getColumn(3).getString();
  r.rows = q.getColumn(4).getInt64();
  r.imported = q.getColumn(5).getInt64();
  r.at = q.getColumn(6).getInt64();
  r.staff = q.getColumn(7).getString();
  return r;
}

}  // namespace

std::optional<ImportRecord> findImport(SQLite::Database& db, const std::string& kind, const std::string& sha256) {
  return guarded([&]() -> std::optional<ImportRecord> {
    SQLite::Statement q(db, "SELECT id, kind, file_name, sha256, rows, imported, at, staff FROM member_imports"
                            " WHERE kind = ? AND sha256 = ?");
    q.bind(1, kind);
    q.bind(2, sha256);
    if (!q.executeStep()) return std::nullopt;
    return readRecord(q);
  });
}

void refuseDuplicate(SQLite::Database& db, const std::string& kind, const std::string& sha256) {
  if (auto earlier = findImport(db, kind, sha256))
    throw DomainError("import_duplicate", earlier->id + " (" + earlier->fileName + ", " + formatUtc(earlier->at) +
                                              ", " + earlier->staff + ")");
}

std::optional<std::string> fileNoOfMemberNo(SQLite::Database& db, const std::string& memberNo) {
  SQLite::Statement q(db, "SELECT file_no FROM customers WHERE member_no = ?");
  q.bind(1, memberNo);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::optional<CustomerId> customerByCardOrPhone(SQLite::Database& db, const std::string& key) {
  SQLite::Statement card(db, "SELECT id FROM customers WHERE member_no = ?");
  card.bind(1, key);
  if (card.executeStep()) return card.getColumn(0).getInt64();
  SQLite::Statement phone(db, "SELECT id FROM customers WHERE phone = ? LIMIT 2");
  phone.bind(1, key);
  if (!phone.executeStep()) return std::nullopt;
  CustomerId id = phone.getColumn(0).getInt64();
  if (phone.executeStep()) return std::nullopt;  // a shared family phone names no one
  return id;
}

void recordImport(SQLite::Database& db, const ImportRecord& r, const std::string& sections) {
  SQLite::Statement q(db, "INSERT INTO member_imports (id, kind, file_name, sha256, rows, imported, members, stored_value,"
                          " stored_value_bonus, points, package_sessions, package_value, arrears, at, staff)"
                          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  const ImportTotals& t = r.totals;
  int i = 1;
  for (const std::string& s : {r.id, r.kind, r.fileName, r.sha256}) q.bind(i++, s);
  for (std::int64_t n : {r.rows, r.imported, t.members, t.storedValue.fen, t.storedValueBonus.fen, t.points,
                         t.packageSessions, t.packageValue.fen, t.arrears.fen, static_cast<std::int64_t>(r.at)})
    q.bind(i++, n);
  q.bind(i, r.staff);
  q.exec();
  nlohmann::json totals = {{"rows", r.rows},           {"imported", r.imported},
                           {"members", t.members},     {"stored_value", t.storedValue.fen},
                           {"stored_value_bonus", t.storedValueBonus.fen}, {"points", t.points},
                           {"package_sessions", t.packageSessions},       {"package_value", t.packageValue.fen},
                           {"arrears", t.arrears.fen}, {"sha256", r.sha256}, {"file", r.fileName}};
  appendAudit(db, auditOf(r.at, r.staff, r.kind == "members" ? "customer.import" : r.kind + ".import", "import", r.id,
                          totals.dump(), sections));
  appendOutbox(db, {r.id, r.kind == "members" ? "customer.imported" : r.kind + ".imported", totals.dump(), r.at});
}

std::size_t commitMemberImport(Database& db, GoodMemberRows& rows, const TierResolution& tiers,
                               const ImportRecord& record) {
  std::size_t done = 0;
  // One transaction of 100,000 files outgrows SQLite's default 2 MiB page cache:
  // each spilled page is written to the WAL and read back. A bounded larger cache
  // for this connection while the import runs (the memory goal is 300 MB).
  struct LargeCache {
    SQLite::Database& s;
    explicit LargeCache(SQLite::Database& db) : s(db) { s.exec("PRAGMA cache_size = -98304"); }
    ~LargeCache() { s.exec("PRAGMA cache_size = -2000"); }
  } cache(db.sql());
  db.write([&](SQLite::Database& s) {
    done = 0;
    // The record first: the members' rows point at it.
    ImportRecord rec = record;
    rec.imported = static_cast<std::int64_t>(rows.plan().good);
    recordImport(s, rec, "files,membership,stored_value,points,arrears");
    createTiers(s, tiers.toCreate);
    std::string store = chainStoreCode(s);
    CustomerRowWriter files(s);
    OpeningWriter openings{s, record.id, record.at};
    // The file numbers of all the rows at once (every row is prepared at the same moment).
    int year = localDate(record.at, storeZone(s)).year;
    std::int64_t nextFileNo = reserveFileNumbers(s, year, static_cast<std::int64_t>(rows.plan().good));
    SQLite::Statement phoneOwner(s, "SELECT file_no FROM customers WHERE phone = ? LIMIT 1");
    MemberRow row;
    while (rows.next(row)) {
      NewCustomerFile& f = row.file;
      f.consent = {"to_confirm", "", 0, record.staff, false};
      const MemberOpening& o = row.opening;
      phoneOwner.bind(1, f.phone.normalised);
      if (phoneOwner.executeStep()) throw DomainError("phone_in_use", phoneOwner.getColumn(0).getString());
      phoneOwner.reset();
      std::string fileNo = formatFileNo(store, f.year, f.year == year ? nextFileNo++ : reserveFileNumbers(s, f.year, 1));
      std::string memberNo = !o.memberNo.empty() ? o.memberNo : o.member() ? nextMemberNo(s) : "";
      keepMemberCounterAbove(s, o.memberNo);
      CustomerId id = files.insert(f, fileNo, memberNo, "pending_review", true);
      if (o.member()) openings.write(id, row.line, o, o.tier.empty() ? "" : tiers.codeOf.at(o.tier));
      ++done;
    }
    if (done != rows.plan().good) throw DomainError("import_file_changed", "rows");
  });
  return done;
}

void commitPackageImport(Database& db, const PackagePlan& plan, const ImportRecord& record) {
  constexpr Instant kNever = 253402300799000;  // 9999-12-31T23:59:59Z
  db.write([&](SQLite::Database& s) {
    StoreZone zone = storeZone(s);
    SQLite::Statement pkg(s, "INSERT INTO customer_packages (id, customer_id, sale_id, package_code, service_code,"
                             " sessions_total, sessions_left, paid, session_list_price, expires_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement led(s, "INSERT INTO package_ledger (package_id, sale_id, delta, kind, at) VALUES (?, ?, ?, 'opening', ?)");
    for (const PackageOpening& p : plan.good) {
      std::string id = record.id + "/" + std::to_string(p.line);
      CivilDate d;
      Instant expires = !p.expires.empty() && parseDate(p.expires, d) ? startOfLocalDay(d, zone) + kDay : kNever;
      pkg.bind(1, id);
      pkg.bind(2, static_cast<std::int64_t>(p.customer));
      pkg.bind(3, record.id);
      pkg.bind(4, p.packageCode);
      pkg.bind(5, p.serviceCode);
      pkg.bind(6, p.sessionsTotal);
      pkg.bind(7, p.sessionsLeft);
      pkg.bind(8, static_cast<std::int64_t>(p.paid.fen));
      pkg.bind(9, static_cast<std::int64_t>(p.sessionListPrice.fen));
      pkg.bind(10, static_cast<std::int64_t>(expires));
      pkg.exec();
      pkg.reset();
      led.bind(1, id);
      led.bind(2, record.id);
      led.bind(3, p.sessionsLeft);
      led.bind(4, static_cast<std::int64_t>(record.at));
      led.exec();
      led.reset();
    }
    ImportRecord rec = record;
    rec.imported = static_cast<std::int64_t>(plan.good.size());
    recordImport(s, rec, "packages");
  });
}

void commitAppointmentImport(Database& db, const AppointmentImportPlan& plan, const ImportRecord& record) {
  db.write([&](SQLite::Database& s) {
    ImportRecord rec = record;
    rec.imported = static_cast<std::int64_t>(plan.good.size());
    recordImport(s, rec, "appointments");
    for (const Appointment& a : plan.good)
      writeAppointment(s, a, auditOf(a.bookedAt, a.bookedBy, "appointment.booked", "appointment", a.id,
                                     "import " + record.id));
  });
}

}  // namespace salon::storage
