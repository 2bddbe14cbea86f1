#include "app/kiosk/customer_file_desk.h"

#include <algorithm>

#include "app/core/change_request.h"
#include "app/core/customer_files.h"
#include "app/core/customer_records.h"
#include "app/core/error.h"
#include "app/core/file_access.h"
#include "app/core/file_view_rules.h"
#include "app/core/member_accounts.h"
#include "app/core/name_ranking.h"
#include "app/core/phone.h"
#include "app/core/price_list.h"
#include "app/kiosk/customer_search.h"
#include "app/kiosk/text_entry.h"

namespace salon::kiosk {
namespace {

constexpr int kHistoryLimit = 50;

// The sections each tab shows (what its view is audited as).
std::vector<std::string> sectionsOf(const std::string& tab) {
  if (tab == "basic") return {"basic", "consent"};
  if (tab == "health") return {"health"};
  if (tab == "skin") return {"skin", "beauty_history"};
  if (tab == "care") return {"care_plan", "preferences", "recommendations", "opinions", "events", "notes"};
  if (tab == "visits") return {"visits"};
  if (tab == "pets") return {"pets"};
  return {};
}

}  // namespace

void CustomerFileDesk::open(CustomerId customer) {
  ui::CustomerFileView& v = k_.view.customerFile;
  v = {};
  requestId_.clear();
  v.title = k_.catalog.text("ui.nav.customer_file");
  if (customer == 0) return;  // find one first
  auto c = k_.directory.byId(customer);
  if (!c) return say("error.customer_not_found", true);
  v.customer = customer;
  v.stage = ui::FileStage::Purpose;
  // Only what the list row showed until a purpose is stated.
  v.name = c->name;
  v.fileNo = c->fileNo;
  v.memberNo = c->memberNo;
  v.statusKey = "ui.status." + c->status;
  QueryPolicy policy = storeQueryPolicy(k_.backroom.settings());
  for (const std::string& p : queryPurposes()) {
    v.purposes.push_back(p);
    v.routine.push_back(k_.staff && policy.isRoutine(k_.staff->role, p));
  }
}

// A home tile for whoever may look files up: it opens the search and the browse.
bool CustomerFileDesk::offered() const {
  return k_.staff && Guard(k_.audit, k_.clock).allows(*k_.staff, Action::ViewCustomerFile);
}

void CustomerFileDesk::apply(const ui::CustomerFileIntent& intent) {
  if (!k_.staff) return;
  try {
    std::visit([this](const auto& i) { on(i); }, intent);
  } catch (const DomainError& e) {
    say("error." + e.code(), true);
  }
}

void CustomerFileDesk::locked() {
  chain_.forget();
  k_.view.customerFile = {};
  requestId_.clear();
}

void CustomerFileDesk::languageChanged() {
  ui::CustomerFileView& v = k_.view.customerFile;
  v.title = k_.catalog.text("ui.nav.customer_file");
  v.message.clear();
  if (v.stage == ui::FileStage::Open) showTab(v.tab);  // its lines were translated when made
}

void CustomerFileDesk::say(const std::string& key, bool error) {
  k_.view.customerFile.message = k_.catalog.text(key);
  k_.view.customerFile.messageIsError = error;
}

// --- finding a customer ------------------------------------------------------

void CustomerFileDesk::on(const ui::FileSearchKeys& i) {
  ui::CustomerSearchView& s = k_.view.customerFile.search;
  applyKeys(s.query, i.keys);
  search();
}

void CustomerFileDesk::on(const ui::FileSearchTyped& i) {
  k_.view.customerFile.search.query += i.text;
  search();
}

void CustomerFileDesk::search() {
  k_.view.customerFile.message.clear();
  findCustomers(k_, k_.view.customerFile.search, "find a customer");
  chain_.ask(k_.view.customerFile.search, "find a customer");
}

void CustomerFileDesk::on(const ui::OpenFoundCustomer& i) {
  if (!wasOffered(k_.view.customerFile.search, i.id)) return;
  open(i.id);
}

void CustomerFileDesk::on(const ui::FindAnotherCustomer&) { open(0); }

void CustomerFileDesk::on(const ui::BrowseFiles& i) {
  k_.view.customerFile.message.clear();
  browseCustomers(k_, k_.view.customerFile.search, i.order, i.page);
}

// --- the purpose -------------------------------------------------------------

// A routine purpose opens the file at once; any other waits for a supervisor
// (审核…确认查询需求的合理性). An approved request opens it once.
void CustomerFileDesk::on(const ui::ChoosePurpose& i) {
  ui::CustomerFileView& v = k_.view.customerFile;
  if (v.stage != ui::FileStage::Purpose || v.customer == 0) return;
  if (std::find(v.purposes.begin(), v.purposes.end(), i.purpose) == v.purposes.end()) return;
  const Staff& me = *k_.staff;
  Guard guard(k_.audit, k_.clock);
  FileAccess access(k_.backroom.fileAccess(), guard, k_.clock, storeQueryPolicy(k_.backroom.settings()), k_.zone);
  CustomerRecords& records = k_.backroom.customerRecords();
  v.purpose = i.purpose;
  if (auto approved = records.queryRequestOf(v.customer, me.code, i.purpose, "approved")) {
    access.useQuery(me, *approved);
    return openFile();
  }
  if (auto pending = records.queryRequestOf(v.customer, me.code, i.purpose, "pending")) {
    requestId_ = *pending;
    v.stage = ui::FileStage::Waiting;
    return;
  }
  std::string detail = k_.catalog.text("ui.file.purpose." + i.purpose) + " — " + k_.catalog.text("ui.file.asked_at_kiosk");
  auto request = access.askToView(me, v.customer, i.purpose, detail);
  if (!request) return openFile();
  requestId_ = request->id;
  v.stage = ui::FileStage::Waiting;
}

void CustomerFileDesk::on(const ui::CheckApproval&) {
  ui::CustomerFileView& v = k_.view.customerFile;
  if (v.stage != ui::FileStage::Waiting) return;
  auto request = k_.backroom.fileAccess().queryRequest(requestId_);
  const std::string state = request ? request->state : "";
  if (state == "approved") {
    Guard guard(k_.audit, k_.clock);
    FileAccess(k_.backroom.fileAccess(), guard, k_.clock, storeQueryPolicy(k_.backroom.settings()), k_.zone)
        .useQuery(*k_.staff, requestId_);
    return openFile();
  }
  if (state == "rejected") {
    v.stage = ui::FileStage::Purpose;
    return say("ui.file.request_rejected", true);
  }
  say("ui.file.still_waiting");
}

void CustomerFileDesk::openFile() {
  ui::CustomerFileView& v = k_.view.customerFile;
  v.stage = ui::FileStage::Open;
  requestId_.clear();
  v.tabs = {"basic", "health", "skin", "care", "visits"};
  if (k_.backroom.customerRecords().hasPets(v.customer)) v.tabs.push_back("pets");
  if (!v.memberNo.empty()) v.tabs.push_back("membership");
  showTab("basic");
}

// --- the tabs ----------------------------------------------------------------

void CustomerFileDesk::fieldsOf(const std::vector<std::string>& keys, const CustomerFile& f) {
  ui::CustomerFileView& v = k_.view.customerFile;
  const Role role = k_.staff->role;
  const bool mayAsk = roleMay(role, Action::RegisterCustomer);
  std::vector<ChangeRequest> pending = k_.backroom.changeRequests().pendingChangeRequests();
  for (const std::string& key : keys) {
    ui::FileField field;
    field.key = key;
    field.labelKey = "ui.file.field." + key;
    field.masked = fieldMaskedFor(role, key);
    FieldValue value = key == "name"    ? FieldValue::of(f.summary.name)
                       : key == "phone" ? FieldValue::of(f.summary.phone)
                                        : f.field(key);
    field.declined = value.state == FieldState::Declined;
    const FieldSpec* spec = findField(key);
    if (spec && spec->kind == FieldKind::Choice && !value.value.empty())
      field.value = k_.catalog.text("ui.file.choice." + value.value);
    else
      field.value = value.value;
    if (field.masked) field.value = maskedFieldValue(key, value.value);
    field.editable = mayAsk && !field.masked;
    for (const ChangeRequest& r : pending)
      if (r.customer == v.customer && r.field == key) field.pending = r.newValue.empty() ? "—" : r.newValue;
    v.fields.push_back(std::move(field));
  }
}

void CustomerFileDesk::on(const ui::ShowFileTab& i) {
  ui::CustomerFileView& v = k_.view.customerFile;
  if (v.stage != ui::FileStage::Open) return;
  if (std::find(v.tabs.begin(), v.tabs.end(), i.tab) == v.tabs.end()) return;
  showTab(i.tab);
}

void CustomerFileDesk::showTab(const std::string& tab) {
  ui::CustomerFileView& v = k_.view.customerFile;
  v.tab = tab;
  v.fields.clear();
  v.lines.clear();
  v.moreLines.clear();
  v.linesTitleKey.clear();
  v.moreTitleKey.clear();
  v.edit = {};
  const std::string purpose = k_.catalog.text("ui.file.purpose." + v.purpose) + " (" + v.purpose + ")";
  if (tab == "membership") return showMembership(purpose);
  std::vector<std::string> sections = sectionsOf(tab);
  CustomerFile f = CustomerFiles(k_.backroom.files(), k_.directory, k_.audit, k_.clock, keys_, k_.zone)
                       .open(*k_.staff, v.customer, purpose, sections);
  v.phone = fieldMaskedFor(k_.staff->role, "phone") ? maskPhone(f.summary.phone) : f.summary.phone;
  std::vector<std::string> keys;
  if (tab == "basic") keys = {"name", "phone"};
  for (const FieldSpec& spec : fileFields())
    if (std::find(sections.begin(), sections.end(), spec.section) != sections.end()) keys.push_back(spec.key);
  fieldsOf(keys, f);
  if (tab == "basic") {
    v.linesTitleKey = "ui.file.consent";
    v.lines.push_back({f.consent.at ? formatLocalDateTime(f.consent.at, k_.zone) : "",
                       k_.catalog.text("ui.file.consent." + f.consent.status),
                       k_.catalog.text(f.consent.marketing ? "ui.file.marketing_yes" : "ui.file.marketing_no")});
  }
  if (tab == "visits") showVisits(f);
  if (tab == "pets") showPets(f);
}

// Money with the salon is not a file section: its view is logged the same way.
void CustomerFileDesk::showMembership(const std::string& purpose) {
  ui::CustomerFileView& v = k_.view.customerFile;
  const Instant now = k_.clock.now();
  Guard(k_.audit, k_.clock).require(*k_.staff, Action::ViewCustomerFile, "customer", v.fileNo);
  k_.audit.append(auditOf(now, k_.staff->code, "customer.view", "customer", v.fileNo, purpose, "membership"));
  auto acct = k_.backroom.memberAccounts().account(v.customer, now);
  if (!acct) return;
  std::vector<MemberTier> tiers = k_.backroom.priceList().tiers();
  const MemberTier* tier = findTier(tiers, acct->tierCode);
  v.linesTitleKey = "ui.file.member.account";
  auto line = [&](const std::string& key, const std::string& value) {
    v.lines.push_back({"", k_.catalog.text(key), value});
  };
  line("ui.file.member.tier", tier ? tier->name : acct->tierCode);
  line("ui.file.member.points", std::to_string(acct->points));
  line("ui.file.member.stored_value", formatYuan(acct->svPrincipal + acct->svBonus) + "  (" +
                                          k_.catalog.text("ui.file.member.bonus") + " " + formatYuan(acct->svBonus) + ")");
  line("ui.file.member.arrears", formatYuan(acct->arrears));
  v.moreTitleKey = "ui.file.member.packages";
  if (acct->packages.empty()) return;
  PriceBook prices = k_.backroom.priceList().priceBook();
  for (const CustomerPackage& p : acct->packages) {
    const CatalogItem* item = prices.item(p.packageCode);
    v.moreLines.push_back({formatLocalDateTime(p.expiresAt, k_.zone).substr(0, 10), item ? item->name : p.packageCode,
                           std::to_string(p.sessionsLeft) + " / " + std::to_string(p.sessionsTotal)});
  }
}

void CustomerFileDesk::showVisits(const CustomerFile& f) {
  ui::CustomerFileView& v = k_.view.customerFile;
  v.linesTitleKey = "ui.file.visit_records";
  for (const VisitRecord& r : f.visits) {
    std::string detail = r.beforeNotes.empty() && r.afterNotes.empty() ? "" : r.beforeNotes + " → " + r.afterNotes;
    if (!r.effect.empty()) detail += (detail.empty() ? "" : " · ") + r.effect;
    if (!r.productsUsed.empty()) detail += (detail.empty() ? "" : " · ") + r.productsUsed;
    v.lines.push_back({formatLocalDateTime(r.at, k_.zone), r.service + " · " + r.staff, detail});
  }
  v.moreTitleKey = "ui.file.consumption";
  for (const ConsumptionRow& c : k_.backroom.customerRecords().consumption(v.customer, kHistoryLimit)) {
    std::string paid = formatYuan(c.amount);
    for (const auto& [type, amount] : c.tenders)
      paid += " · " + k_.catalog.text("records.tender." + type) + " " + formatYuan(amount);
    v.moreLines.push_back({formatLocalDateTime(c.at, k_.zone), c.items, paid});
  }
}

void CustomerFileDesk::showPets(const CustomerFile& f) {
  ui::CustomerFileView& v = k_.view.customerFile;
  v.linesTitleKey = "ui.file.pets";
  for (const Pet& p : f.pets) {
    std::string title = p.name + " · " + k_.catalog.text("ui.file.species." + p.species) +
                        (p.breed.empty() ? "" : " · " + p.breed);
    std::string detail = p.weightGrams ? formatAmount(Money(p.weightGrams / 10)) + " kg" : "";
    for (const std::string& s : {p.temperament, p.healthNotes})
      if (!s.empty()) detail += (detail.empty() ? "" : " · ") + s;
    v.lines.push_back({std::to_string(p.visits.size()) + " " + k_.catalog.text("ui.file.pet_visits"), title, detail});
  }
}

// --- asking for a change -----------------------------------------------------

void CustomerFileDesk::on(const ui::StartFieldEdit& i) {
  ui::CustomerFileView& v = k_.view.customerFile;
  if (v.stage != ui::FileStage::Open) return;
  for (const ui::FileField& f : v.fields) {
    if (f.key != i.field || !f.editable) continue;
    v.edit = {};
    typed_.clear();
    v.edit.field = f.key;
    v.edit.labelKey = f.labelKey;
    v.edit.oldValue = k_.backroom.customerRecords().fieldValue(v.customer, f.key);
    if (const FieldSpec* spec = findField(f.key); spec && spec->kind == FieldKind::Choice) v.edit.choices = spec->choices;
    v.message.clear();
  }
}

// Letters compose pinyin while the engine is ready (names, addresses and notes
// are typed in Chinese); digits and the rest go in as typed. 完成 keeps letters
// not turned into characters as they are ("teacher"), as an input method's Enter does.
void CustomerFileDesk::on(const ui::EditKeys& i) {
  if (k_.view.customerFile.edit.field.empty()) return;
  if (typed_.apply(i.keys, k_.pinyin != nullptr)) typed_.pick(typed_.letters());
  showTyped();
}

// A picked candidate, or what a hardware keyboard typed.
void CustomerFileDesk::on(const ui::EditTyped& i) {
  if (k_.view.customerFile.edit.field.empty()) return;
  typed_.pick(i.text);
  showTyped();
}

void CustomerFileDesk::showTyped() {
  ui::FileEdit& e = k_.view.customerFile.edit;
  e.newValue = typed_.text();
  e.letters = typed_.letters();
  e.candidates = k_.pinyin && !e.letters.empty() ? k_.pinyin->candidates(e.letters, kPinyinCandidateLimit)
                                                 : std::vector<std::string>{};
  if (e.field == "name") e.candidates = rankForNames(std::move(e.candidates));
}

void CustomerFileDesk::on(const ui::EditChoice& i) {
  ui::FileEdit& e = k_.view.customerFile.edit;
  if (std::find(e.choices.begin(), e.choices.end(), i.value) != e.choices.end()) e.newValue = i.value;
}

void CustomerFileDesk::on(const ui::EditReason& i) {
  if (k_.view.customerFile.edit.field.empty() || i.reasonKey.rfind("ui.file.reason.", 0) != 0) return;
  k_.view.customerFile.edit.reasonKey = i.reasonKey;
}

void CustomerFileDesk::on(const ui::CancelFieldEdit&) {
  k_.view.customerFile.edit = {};
  k_.view.customerFile.message.clear();
}

// 不得擅自更改: the change waits for a supervisor; the file is untouched until then.
void CustomerFileDesk::on(const ui::SubmitFieldEdit&) {
  ui::CustomerFileView& v = k_.view.customerFile;
  if (v.edit.field.empty()) return;
  if (!typed_.letters().empty()) typed_.pick(typed_.letters()), showTyped();  // sent as typed
  const ui::FileEdit& e = v.edit;
  if (e.reasonKey.empty()) return say("ui.file.reason_needed", true);
  Guard guard(k_.audit, k_.clock);
  std::string old = k_.backroom.customerRecords().fieldValue(v.customer, e.field);
  ChangeRequests(k_.backroom.changeRequests(), guard, k_.clock)
      .submit(*k_.staff, v.customer, e.field, old, e.newValue, k_.catalog.text(e.reasonKey), false);
  const bool contact = isContactField(e.field);
  showTab(v.tab);  // shows the field's pending change
  say(contact ? "ui.file.change_sent_contact" : "ui.file.change_sent");
}

}  // namespace salon::kiosk
