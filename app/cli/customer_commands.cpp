// salon-kiosk customers find|list|show|register|export|import: the customer files
// from the command line, checked and audited like the touchscreen.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/core/comma_list.h"
#include "app/cli/cli.h"
#include "app/cli/customer_json.h"
#include "app/cli/member_import.h"
#include "app/cli/query_check.h"
#include "app/core/csv.h"
#include "app/core/customer_import.h"
#include "app/core/error.h"
#include "storage/audit_store.h"
#include "storage/customer_directory.h"
#include "storage/customer_export.h"
#include "storage/customer_rows.h"
#include "storage/care_store.h"
#include "storage/chain_files.h"
#include "storage/sync_store.h"
#include "devices/hq_link.h"
#include "app/core/chain_lookup.h"
#include "storage/customer_store.h"

namespace salon::cli {
namespace {

struct CustomerArgs {
  std::string db, staff, query, purpose, fileNo, sections, order = "pinyin", to, encoding = "utf-8", reason, file,
      map, json, field, value, request;
  bool declined = false;
  int limit = 50, offset = 0;
  int hqSeconds = 2;  // customers find: how long to wait for head office when the file is not here
  bool asJson = false, skipBad = false;
};

// Everything a customer command needs, wired to one database.
struct FileRoom {
  std::unique_ptr<storage::Database> db;
  StoreZone zone;
  NameKeyMaker keys;
  storage::SqliteAuditLog audit;
  storage::SqliteCustomerFileStore store;
  storage::SqliteCustomerDirectory directory;
  CustomerFiles files;
  Staff me;

  FileRoom(const Invocation& inv, const CustomerArgs& a)
      : db(openDatabase(a.db)),
        zone(storage::storeZone(db->sql())),
        audit(*db),
        store(*db),
        directory(*db, keys),
        files(store, directory, audit, *inv.clock, keys, zone),
        me(actAs(*db, *inv.clock, a.staff)) {}
};

void printSummaries(const std::vector<CustomerSummary>& found, std::int64_t total, bool asJson,
                    const std::string& source = "") {
  if (asJson) {
    nlohmann::json results = nlohmann::json::array();
    for (const CustomerSummary& s : found) results.push_back(summaryJson(s));
    nlohmann::json out{{"total", total}, {"results", results}};
    if (!source.empty()) out["source"] = source;  // "local", "hq", or why head office did not help
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const CustomerSummary& s : found)
    std::cout << s.fileNo << "\t" << s.memberNo << "\t" << s.name << "\t" << s.phone << "\t" << s.status << "\n";
  std::cout << found.size() << " / " << total << "\n";
}

// "hq" when head office had the file and it is here now; else why not (core's
// ChainLookupResult::why: not_enrolled, no_chain_key, not_a_lookup_key, hq_…).
std::string askHeadOffice(const Invocation& inv, FileRoom& room, const CustomerArgs& a) {
  storage::SqliteChainFileStore chainFiles(*room.db);
  storage::SqliteSyncStore sync(*room.db);
  const int t = std::max(1, a.hqSeconds);
  devices::HttpsHeadOfficeLines lines({1, t, t});
  ChainLookupResult r = ChainLookup(chainFiles, sync, &lines, *inv.clock).fallBack(room.me, a.query, a.purpose);
  return r.why.empty() ? "hq" : r.why;
}

int find(const Invocation& inv, const CustomerArgs& a) {
  FileRoom room(inv, a);
  if (a.limit < 0) throw DomainError("bad_input", "--limit");
  checkQueryPurpose(*room.db, *inv.clock, room.me, 0, a.purpose, "");
  std::vector<CustomerSummary> found = room.files.find(room.me, a.query, a.purpose, a.limit);
  std::string source = "local";
  if (found.empty()) {  // not known here: another store's customer, through head office (issue 18)
    source = askHeadOffice(inv, room, a);
    if (source == "hq") found = room.files.find(room.me, a.query, a.purpose, a.limit);
  }
  std::int64_t total = a.limit == 0 || static_cast<int>(found.size()) < a.limit
                           ? static_cast<std::int64_t>(found.size())
                           : room.directory.countMatches(a.query);
  printSummaries(found, total, a.asJson, source);
  return 0;
}

CustomerOrder orderFromName(const std::string& n) {
  if (auto order = customerOrderNamed(n)) return *order;
  throw DomainError("bad_input", "--order " + n);
}

int list(const Invocation& inv, const CustomerArgs& a) {
  FileRoom room(inv, a);
  CustomerOrder order = orderFromName(a.order);
  if (a.purpose.find_first_not_of(" ") == std::string::npos) throw DomainError("purpose_required", "");
  Guard(room.audit, *inv.clock).require(room.me, Action::ViewCustomerFile, "customer", "list");
  auto found = room.directory.list(order, a.offset, a.limit);
  room.audit.append(auditOf(inv.clock->now(), room.me.code, "customer.view", "customer",
                            "list:" + a.order + " " + std::to_string(found.size()), a.purpose, "summary"));
  printSummaries(found, static_cast<std::int64_t>(found.size()), a.asJson);
  return 0;
}

int show(const Invocation& inv, const CustomerArgs& a) {
  FileRoom room(inv, a);
  if (auto id = room.store.idOfFileNo(a.fileNo)) checkQueryPurpose(*room.db, *inv.clock, room.me, *id, a.purpose, a.request);
  CustomerFile f = room.files.openByFileNo(room.me, a.fileNo, a.purpose, commaList(a.sections));
  nlohmann::json j = fileJson(f, room.zone);
  j["no_shows"] = storage::noShowsOf(room.db->sql(), f.summary.id);  // appointments not kept (客户预约)
  std::cout << j.dump(2) << "\n";
  return 0;
}

std::string readInput(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DomainError("file_unreadable", path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int registerOne(const Invocation& inv, const CustomerArgs& a) {
  FileRoom room(inv, a);
  nlohmann::json j = nlohmann::json::parse(readInput(a.json), nullptr, false);
  if (j.is_discarded()) throw DomainError("bad_input", "JSON");
  RegistrationResult r = room.files.registerCustomer(room.me, registrationFromJson(j));
  std::cout << nlohmann::json{{"walk_in", r.walkIn}, {"id", r.id}, {"file_no", r.fileNo}, {"member_no", r.memberNo}}.dump()
            << "\n";
  return 0;
}

// A supervisor's direct edit of one field (audited; change requests come later).
int edit(const Invocation& inv, const CustomerArgs& a) {
  FileRoom room(inv, a);
  auto id = room.store.idOfFileNo(a.fileNo);
  if (!id) throw DomainError("customer_not_found", a.fileNo);
  FieldValue v = a.declined ? FieldValue::declined() : a.value.empty() ? FieldValue{} : FieldValue::of(a.value);
  room.files.editField(room.me, *id, a.field, v, a.reason);
  std::cout << a.fileNo << " " << a.field << " " << fieldStateName(v.state) << "\n";
  return 0;
}

// A file given a member card number (a membership without one, or a customer made a
// member now): prints {"file_no", "member_no"}; a file that has one keeps it.
int enrolOne(const Invocation& inv, const CustomerArgs& a) {
  FileRoom room(inv, a);
  auto id = room.store.idOfFileNo(a.fileNo);
  if (!id) throw DomainError("customer_not_found", a.fileNo);
  std::cout << nlohmann::json{{"file_no", a.fileNo}, {"member_no", room.files.enrol(room.me, *id)}}.dump() << "\n";
  return 0;
}

// The export's columns, in order (documented in the README).
std::vector<std::string> exportHeader() {
  std::vector<std::string> h = {"file_no",      "member_no",  "name",           "phone",
                                "status",       "created_at", "created_by",     "consent_status",
                                "consent_notice", "consent_at", "marketing_opt_in", "shared_phone"};
  for (const FieldSpec& f : fileFields()) h.push_back(f.key);
  return h;
}

int exportAll(const Invocation& inv, const CustomerArgs& a) {
  FileRoom room(inv, a);
  TextEncoding enc = encodingFromName(a.encoding);
  Guard(room.audit, *inv.clock).require(room.me, Action::ExportCustomers, "customer", "*");
  // Audited as an export of every file, before a byte leaves the database.
  std::string sections;
  for (const std::string& s : allViewSections()) sections += (sections.empty() ? "" : ",") + s;
  room.audit.append(auditOf(inv.clock->now(), room.me.code, "customer.export", "customer", "*",
                            a.reason.empty() ? "export" : a.reason, sections));
  std::ofstream file;
  if (!a.to.empty()) {
    file.open(a.to, std::ios::binary | std::ios::trunc);
    if (!file) throw DomainError("file_unwritable", a.to);
    // Every file's personal data: the kiosk user's alone, even over an older,
    // looser file (the umask only covers files made new), before a byte is written.
    std::error_code ec;
    std::filesystem::permissions(a.to, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
  }
  std::ostream& out = a.to.empty() ? std::cout : file;
  if (enc == TextEncoding::Utf8) out << "\xEF\xBB\xBF";  // so Excel opens it as UTF-8
  out << encodeText(csvLine(exportHeader()), enc);
  std::string chunk;
  std::int64_t n = storage::forEachFile(*room.db, [&](const storage::ExportedFile& f) {
    std::vector<std::string> row = {f.summary.fileNo, f.summary.memberNo, f.summary.name, f.summary.phone,
                                    f.summary.status, formatLocalDateTime(f.createdAt, room.zone), f.createdBy,
                                    f.consent.status, f.consent.noticeVersion,
                                    f.consent.at ? formatLocalDateTime(f.consent.at, room.zone) : "",
                                    f.consent.marketing ? "yes" : "no", f.sharedPhone ? "yes" : "no"};
    for (const FieldSpec& spec : fileFields()) {
      auto it = f.fields.find(spec.key);
      row.push_back(it == f.fields.end() ? "" : it->second.state == FieldState::Declined ? "[declined]" : it->second.value);
    }
    chunk += csvLine(row);
    if (chunk.size() > (1 << 20)) {
      out << encodeText(chunk, enc);
      chunk.clear();
    }
  });
  out << encodeText(chunk, enc);
  out.flush();
  if (!out) throw DomainError("file_unwritable", a.to.empty() ? "stdout" : a.to);
  std::cerr << n << " files exported\n";
  return 0;
}

CLI::App* withStaff(CLI::App* sub, CustomerArgs& a) {
  addDbOption(sub, a.db);
  sub->add_option("--staff", a.staff, "Your staff code (PIN in SALON_PIN)")->required();
  return sub;
}

// Files, and with member columns their cards, tiers and balances (member_import_commands.cpp).
void addImport(CLI::App* top, Invocation& inv) {
  auto m = std::make_shared<MemberImportArgs>();
  auto* i = top->add_subcommand("import", "Import files (and members with their balances) from CSV (UTF-8 or GB18030)");
  addDbOption(i, m->db);
  i->add_option("--staff", m->staff, "Your staff code (PIN in SALON_PIN); balances need the manager")->required();
  i->add_option("file", m->file, "The CSV file (- for stdin)")->required();
  i->add_option("--map", m->map, "Header mapping, e.g. \"客户名称=name,联系方式=phone,卡内金额=stored_value\"");
  i->add_flag("--skip-bad", m->skipBad, "Import the good rows and skip the bad ones");
  i->add_flag("--dry-run", m->dryRun, "Check everything and print the totals; write nothing");
  i->add_flag("--json", m->asJson, "The result as JSON (amounts in fen)");
  i->add_flag("--progress", m->progress, "Progress on stderr even when it is not a terminal");
  i->add_flag("--create-tiers", m->createTiers, "Create the tiers the store lacks (no discount; set them in settings)");
  i->add_option("--map-tiers", m->mapTiers, "Tier mapping, e.g. \"银卡会员=silver,金卡会员=gold\"");
  i->callback([&inv, m] { inv.run = [&inv, m] { return importCustomers(inv, *m); }; });
}

}  // namespace

void addCustomerCommands(CLI::App& app, Invocation& inv) {
  auto a = std::make_shared<CustomerArgs>();
  auto* top = app.add_subcommand("customers", "Customer files: find, show, register, export, import");
  top->require_subcommand(1);
  auto bind = [&inv, a](CLI::App* sub, int (*fn)(const Invocation&, const CustomerArgs&)) {
    sub->callback([&inv, a, fn] { inv.run = [&inv, a, fn] { return fn(inv, *a); }; });
  };

  auto* f = withStaff(top->add_subcommand("find", "Find files by phone, name, pinyin, file or member number"), *a);
  f->add_option("query", a->query, "Phone (or its last 4 digits), name, pinyin, initials, file or member number")->required();
  f->add_option("--purpose", a->purpose, "Why you are looking (audited)")->required();
  f->add_option("--limit", a->limit, "At most this many results (0 = all)");
  f->add_flag("--json", a->asJson);
  f->add_option("--hq-timeout", a->hqSeconds, "Seconds to wait for head office when no file here matches (2)");
  bind(f, find);

  auto* l = withStaff(top->add_subcommand("list", "List files sorted by pinyin, stroke count, creation or skin type"), *a);
  l->add_option("--order", a->order, "pinyin|strokes|created|skin");
  l->add_option("--purpose", a->purpose, "Why you are looking (audited)")->required();
  l->add_option("--offset", a->offset);
  l->add_option("--limit", a->limit, "At most this many (0 = all)");
  l->add_flag("--json", a->asJson);
  bind(l, list);

  auto* s = withStaff(top->add_subcommand("show", "Open one file (JSON)"), *a);
  s->add_option("file_no", a->fileNo, "The file number, e.g. S01-2026-000123")->required();
  s->add_option("--purpose", a->purpose, "Why you are opening it (audited)")->required();
  s->add_option("--sections", a->sections, "Only these sections, comma separated (default all)");
  s->add_option("--request", a->request, "An approved query request, for a purpose outside your routine");
  bind(s, show);

  auto* r = withStaff(top->add_subcommand("register", "Register a customer from JSON (file or - for stdin)"), *a);
  r->add_option("--json", a->json, "The registration as JSON")->required();
  bind(r, registerOne);

  auto* ed = withStaff(top->add_subcommand("edit", "Change one field directly (supervisor; audited)"), *a);
  ed->add_option("file_no", a->fileNo)->required();
  ed->add_option("--field", a->field, "The field key, e.g. skin_type")->required();
  ed->add_option("--value", a->value, "The new value (empty = clear it)");
  ed->add_flag("--declined", a->declined, "The customer declines to give it");
  ed->add_option("--reason", a->reason, "Why (audited)")->required();
  bind(ed, edit);

  auto* en = withStaff(top->add_subcommand("enrol", "Give a file a member card number (JSON: file_no, member_no)"), *a);
  en->add_option("file_no", a->fileNo)->required();
  bind(en, enrolOne);

  auto* e = withStaff(top->add_subcommand("export", "Export every file as CSV (manager only; audited)"), *a);
  e->add_option("--to", a->to, "Write to this file instead of stdout");
  e->add_option("--encoding", a->encoding, "utf-8 (with BOM, default) or gb18030");
  e->add_option("--reason", a->reason, "Why the files leave the kiosk (audited)");
  bind(e, exportAll);

  addImport(top, inv);
}

}  // namespace salon::cli
