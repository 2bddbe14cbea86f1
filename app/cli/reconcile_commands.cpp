// salon-kiosk reconcile run|show|explain|sign|export: the monthly reconciliation
// of the kiosk's tenders against cash-ups and the channels' statements.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

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
  int item = 0;
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DomainError("file_unreadable", path);
  return std::string(std::istreambuf_iterator<char>(in), {});
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
  for (const auto& s : r.sources)
    sources.push_back({{"file", s.file}, {"tender", s.tender}, {"rows", s.rows}, {"gross", s.gross.fen}, {"fees", s.fees.fen}});
  return {{"id", r.id},           {"month", r.month},         {"run_at", localTime(r.runAt, zone)},
          {"run_by", r.runBy},    {"sources", sources},       {"totals", totals},
          {"matched", r.result.matched},                      {"differences", items},
          {"unexplained", r.unexplained()},                   {"signed_by", r.signedBy},
          {"signed_at", localTime(r.signedAt, zone)},         {"sign_note", r.signNote}};
}

std::string exportCsv(const Reconciliation& r) {
  std::string out = csvLine({"section", "tender", "kind/ref", "kiosk", "finance/statement", "difference", "fees",
                             "explanation", "explained_by"});
  for (const auto& t : r.result.totals)
    out += csvLine({"total", t.tender, "", formatAmount(t.kiosk), t.finance ? formatAmount(*t.finance) : "",
                    t.finance ? formatAmount(*t.finance - t.kiosk) : "", formatAmount(t.fees), "", ""});
  for (const auto& d : r.result.differences)
    out += csvLine({"difference", d.tender, d.kind + " " + d.ref, formatAmount(d.kiosk), formatAmount(d.statement),
                    formatAmount(d.statement - d.kiosk), "", d.explanation, d.explainedBy});
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
    auto add = [&](const std::string& path, ChannelStatement (*parse)(const std::string&, StoreZone)) {
      if (path.empty()) return;
      statements.push_back(parse(readFile(path), room.zone));
      const auto& st = statements.back();
      sources.push_back({std::filesystem::path(path).filename().string(), st.tender, static_cast<int>(st.rows.size()),
                         st.gross(), st.fees()});
    };
    add(a.wechat, parseWechatBill);
    add(a.alipay, parseAlipayLedger);
    add(a.bank, parseBankSettlement);
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
  r->add_option("--alipay", a->alipay, "Alipay 账务明细 CSV (GB18030 or UTF-8)");
  r->add_option("--bank", a->bank, "Bank card settlement CSV");
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
