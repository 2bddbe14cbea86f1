// salon-kiosk reconcile run|show|explain|sign|export: the monthly reconciliation
// of the kiosk's tenders against cash-ups and the channels' statements.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include "app/cli/member_import.h"
#include "app/cli/records_cli.h"
#include "app/core/csv.h"
#include "app/core/error.h"
#include "app/core/reconciliation.h"
#include "storage/reconciliation_store.h"

namespace salon::cli {
namespace {

struct ReconcileArgs {
  std::string db, staff, month, wechat, alipay, bank, id, note, to;
  std::vector<std::string> statements;  // --statement: any channel, told from the file
  int item = 0;
};

std::string megabytes(std::uintmax_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

// A statement file, refused past kMaxStatementBytes: by its size before it is
// opened, and while it is read (a pipe or a device has no size to ask).
std::string readStatementFile(const std::string& path) {
  std::error_code ec;
  if (auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxStatementBytes)
    throw DomainError("statement_too_large", path + ": " + megabytes(size) + ", over " + megabytes(kMaxStatementBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DomainError("file_unreadable", path);
  std::string bytes;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxStatementBytes)
      throw DomainError("statement_too_large", path + ": over " + megabytes(kMaxStatementBytes));
  }
  return bytes;
}

const char* channelName(const std::string& tender) {
  return tender == "wechat" ? "--wechat" : tender == "alipay" ? "--alipay" : tender == "card" ? "--bank" : "--statement";
}

// One statement of the run: its format told from the file; refused, naming the
// file and the line, if it is not whole, disagrees with its own totals, or has
// rows outside the month. Nothing is stored until every file has been read.
ChannelStatement readForMonth(const std::string& path, const std::string& channel, const std::string& month, StoreZone zone) {
  std::string name = std::filesystem::path(path).filename().string();
  try {
    ChannelStatement st = readStatement(readStatementFile(path), zone);  // the bytes moved in, freed once decoded
    if (!channel.empty() && channel != channelName(st.tender))
      throw DomainError("statement_wrong_channel", std::string(channelName(st.tender)) + " statement (" + st.format +
                                                       ") given as " + channel);
    requireMonth(st, month, zone);
    return st;
  } catch (const DomainError& e) {
    throw DomainError(e.code(), name + ": " + e.detail());
  }
}

nlohmann::json sourceJson(const StatementSource& s) {
  nlohmann::json days = nlohmann::json::array();
  for (const auto& d : s.days)
    days.push_back({{"date", d.date}, {"rows", d.rows}, {"gross", d.gross.fen}, {"refunds", d.refunds.fen},
                    {"fees", d.fees.fen}, {"net", d.net.fen}});
  return {{"file", s.file},         {"tender", s.tender},       {"format", s.format},
          {"rows", s.rows},         {"gross", s.gross.fen},     {"refunds", s.refunds.fen},
          {"fees", s.fees.fen},     {"net", s.net.fen},         {"days", days}};
}

nlohmann::json recJson(const Reconciliation& r, StoreZone zone) {
  nlohmann::json totals = nlohmann::json::array(), items = nlohmann::json::array(), sources = nlohmann::json::array();
  for (const auto& t : r.result.totals) {
    nlohmann::json j = {{"tender", t.tender}, {"kiosk", t.kiosk.fen}, {"fees", t.fees.fen}};
    j["finance"] = t.finance ? nlohmann::json(t.finance->fen) : nlohmann::json();
    j["difference"] = t.finance ? nlohmann::json((*t.finance - t.kiosk).fen) : nlohmann::json();
    totals.push_back(j);
  }
  for (const auto& d : r.result.differences)
    items.push_back({{"no", d.itemNo},         {"kind", d.kind},          {"tender", d.tender},
                     {"ref", d.ref},           {"sale_id", d.saleId},     {"kiosk", d.kiosk.fen},
                     {"statement", d.statement.fen},                    {"explanation", d.explanation},
                     {"explained_by", d.explainedBy},                   {"explained_at", localTime(d.explainedAt, zone)}});
  for (const auto& s : r.sources) sources.push_back(sourceJson(s));
  return {{"id", r.id},           {"month", r.month},         {"run_at", localTime(r.runAt, zone)},
          {"run_by", r.runBy},    {"sources", sources},       {"totals", totals},
          {"matched", r.result.matched},                      {"differences", items},
          {"unexplained", r.unexplained()},                   {"signed_by", r.signedBy},
          {"signed_at", localTime(r.signedAt, zone)},         {"sign_note", r.signNote}};
}

// A CSV cell: text is guarded against formulas by csvField; an amount is written
// as the plain number a spreadsheet sums ("-199.00", no apostrophe).
struct Cell {
  std::string text;
  bool number = false;
};
Cell amount(Money m) { return {formatAmount(m), true}; }
Cell amount(const std::optional<Money>& m) { return m ? amount(*m) : Cell{}; }

std::string csvRow(std::initializer_list<Cell> cells) {
  std::string out;
  bool first = true;
  for (const Cell& c : cells) {
    out += (first ? "" : ",") + (c.number ? c.text : csvField(c.text));
    first = false;
  }
  return out + "\r\n";
}

std::string exportCsv(const Reconciliation& r) {
  std::string out = csvLine({"section", "tender", "kind/ref", "kiosk", "finance/statement", "difference", "fees",
                             "explanation", "explained_by"});
  for (const auto& t : r.result.totals) {
    std::optional<Money> diff = t.finance ? std::optional<Money>(*t.finance - t.kiosk) : std::nullopt;
    out += csvRow({{"total"}, {t.tender}, {""}, amount(t.kiosk), amount(t.finance), amount(diff), amount(t.fees), {""}, {""}});
  }
  for (const auto& d : r.result.differences)
    out += csvRow({{"difference"}, {d.tender}, {d.kind + " " + d.ref}, amount(d.kiosk), amount(d.statement),
                   amount(d.statement - d.kiosk), {""}, {d.explanation}, {d.explainedBy}});
  out += csvLine({"signed", r.signedBy, r.signNote, "", "", "", "", "", ""});
  return out;
}

int run(const Invocation& inv, const ReconcileArgs& a, const std::string& verb) {
  RecordsArgs ra;
  ra.db = a.db;
  ra.staff = a.staff;
  RecordsRoom room(inv, ra);
  storage::SqliteReconciliations store(*room.db);
  Reconciliations recs(store, room.guard, room.clock);
  if (verb == "run") {
    room.guard.require(room.me, Action::ReconcileFinance, "reconciliation", a.month);
    CivilDate first;
    if (!parseDate(a.month + "-01", first)) throw DomainError("bad_input", "--month " + a.month + " (YYYY-MM)");
    std::vector<ChannelStatement> statements;
    std::vector<StatementSource> sources;
    auto add = [&](const std::string& path, const std::string& channel) {
      if (path.empty()) return;
      statements.push_back(readForMonth(path, channel, a.month, room.zone));
      sources.push_back(sourceOf(std::filesystem::path(path).filename().string(), statements.back(), room.zone));
    };
    add(a.wechat, "--wechat");
    add(a.alipay, "--alipay");
    add(a.bank, "--bank");
    for (const std::string& path : a.statements) add(path, "");
    auto result = reconcile(storage::kioskTenders(*room.db, a.month), statements, storage::cashUps(*room.db, a.month));
    std::cout << recJson(recs.run(room.me, a.month, sources, result), room.zone).dump(2) << "\n";
    return 0;
  }
  if (verb == "explain") {
    ReconciliationItem i = recs.explain(room.me, a.id, a.item, a.note);
    std::cout << nlohmann::json{{"no", i.itemNo}, {"explanation", i.explanation}, {"explained_by", i.explainedBy}}.dump(2)
              << "\n";
    return 0;
  }
  if (verb == "sign") {
    std::cout << recJson(recs.sign(room.me, a.id, a.note), room.zone).dump(2) << "\n";
    return 0;
  }
  room.guard.require(room.me, Action::ReconcileFinance, "reconciliation", a.id);
  auto r = store.reconciliation(a.id);
  if (!r) throw DomainError("not_found", "reconciliation " + a.id);
  if (verb == "show") {
    std::cout << recJson(*r, room.zone).dump(2) << "\n";
  } else if (a.to.empty()) {
    std::cout << exportCsv(*r);
  } else {
    std::ofstream out(a.to, std::ios::binary);
    out << "\xEF\xBB\xBF" << exportCsv(*r);  // with a BOM, so Excel reads the Chinese right
    if (!out) throw DomainError("file_unwritable", a.to);
  }
  return 0;
}

}  // namespace

void addReconcileCommands(CLI::App& app, Invocation& inv) {
  addMemberImportCommands(app, inv);  // report liabilities: registered last, after `report` exists
  auto a = std::make_shared<ReconcileArgs>();
  auto* top = app.add_subcommand("reconcile", "月度财务核对: tenders against cash-ups and channel statements");
  top->require_subcommand(1);
  auto sub = [&inv, a, top](const char* name, const char* what) {
    auto* s = top->add_subcommand(name, what);
    addDbOption(s, a->db);
    s->add_option("--staff", a->staff, "Your staff code (PIN in SALON_PIN); finance")->required();
    std::string verb = name;
    s->callback([&inv, a, verb] { inv.run = [&inv, a, verb] { return run(inv, *a, verb); }; });
    return s;
  };
  auto* r = sub("run", "Reconcile a month: kiosk tenders vs cash-ups and the statements given");
  r->add_option("--month", a->month, "YYYY-MM")->required();
  r->add_option("--wechat", a->wechat, "WeChat Pay 交易账单 CSV");
  r->add_option("--alipay", a->alipay, "Alipay 业务明细 or 账务明细 CSV (GBK or UTF-8; told from the file)");
  r->add_option("--bank", a->bank, "Bank card settlement CSV");
  r->add_option("--statement", a->statements, "Any statement above, its channel told from the file (repeatable)");
  sub("show", "One reconciliation with its differences")->add_option("id", a->id)->required();
  auto* e = sub("explain", "Explain one difference");
  e->add_option("id", a->id)->required();
  e->add_option("--item", a->item)->required();
  e->add_option("--note", a->note, "What caused it")->required();
  auto* g = sub("sign", "Finance signs off (every difference explained first)");
  g->add_option("id", a->id)->required();
  g->add_option("--note", a->note);
  auto* x = sub("export", "The reconciliation as CSV (UTF-8 with BOM)");
  x->add_option("id", a->id)->required();
  x->add_option("--to", a->to, "Write to this file instead of stdout");
}

}  // namespace salon::cli
