#include "app/kiosk/check_in_desk.h"

#include <memory>

#include "app/core/appointment.h"
#include "app/core/error.h"
#include "app/core/member_accounts.h"
#include "app/core/member_card.h"
#include "app/core/price_list.h"
#include "app/core/staff_auth.h"
#include "app/core/uuid.h"
#include "app/kiosk/member_scan.h"
#include "app/ui/entry.h"

namespace salon::kiosk {
namespace {

constexpr Instant kGreetingShown = 8 * kSecond;   // then the screen clears itself for the next customer
constexpr Instant kCardShown = 45 * kSecond;      // balances never linger on a customer-facing screen

std::string clockTime(Instant at, const StoreZone& zone) {
  std::string when = formatLocalDateTime(at, zone);
  return when.substr(when.size() - 5);
}

}  // namespace

void CheckInDesk::open(CustomerId) {
  k_.view.screen = ui::Screen::CheckIn;
  clear();
}

void CheckInDesk::clear() {
  ++leaveAttempt_;
  leavePin_.clear();
  k_.view.checkIn = {};
  phone_.clear();
  own_.forget();
  figures_.forget();
  chain_.forget();
  memberNo_.clear();
}

void CheckInDesk::locked() { clear(); }

void CheckInDesk::languageChanged() { k_.view.checkIn.message.clear(); }

bool CheckInDesk::tick() {
  const ui::CheckInView& v = k_.view.checkIn;
  if (k_.view.screen != ui::Screen::CheckIn) return false;
  if (own_.open()) {
    if (!own_.idle()) return false;
    clear();
    return true;
  }
  const Instant shown = k_.clock.now() - shownAt_;
  if ((!v.welcomedName.empty() && shown >= kGreetingShown) || (v.card.id != 0 && shown >= kCardShown)) {
    clear();
    return true;
  }
  return false;
}

void CheckInDesk::apply(const ui::PhoneKeys& i) {
  ui::CheckInView& v = k_.view.checkIn;
  if (k_.view.screen != ui::Screen::CheckIn || v.leaving) return;
  if (!v.welcomedName.empty() || v.card.id != 0) clear();
  bool done = phone_.apply(i.keys);
  v.digits = phone_.text();
  v.message.clear();
  if (!done) {
    v.matches.clear();
    v.searched = false;
    return;
  }
  findByPhone();
}

// A phone number alone shows only the masked name: whoever stands at the
// counter may not be the customer (消费金额…不可随意让人翻看).
void CheckInDesk::findByPhone() {
  ui::CheckInView& v = k_.view.checkIn;
  v.matches.clear();
  if (phone_.text().size() < 4) {
    v.message = k_.catalog.text("ui.checkin.need_digits");
    return;
  }
  v.searched = true;
  // Six names fit the screen; more would hide the customer among strangers, so
  // the customer is asked for the whole number instead.
  const std::vector<CustomerSummary> found = k_.directory.search(phone_.text(), kShownMatches + 1);
  if (found.size() > kShownMatches) {
    v.message = k_.catalog.text("ui.checkin.too_many");
    return;
  }
  for (const CustomerSummary& c : found) {
    v.matches.push_back({c.id, ui::maskName(c.name)});
    auditView(c.id, "name_masked", "check-in by phone");
  }
  if (v.matches.empty()) v.message = k_.catalog.text("ui.checkin.not_found");
}

void CheckInDesk::apply(const ui::RejectMatches&) {
  bool hadCard = k_.view.checkIn.card.id != 0;
  clear();
  if (!hadCard) k_.view.checkIn.message = k_.catalog.text("ui.checkin.not_found");
}

void CheckInDesk::apply(const ui::ConfirmCheckIn& i) {
  const ui::CheckInView& v = k_.view.checkIn;
  if (v.card.id != 0 && v.card.id == i.id) {
    const ui::CheckInCard card = v.card;
    return checkIn(card.id, card.method, k_.catalog.text("ui.checkin.welcome") + card.name);
  }
  for (const ui::CheckInMatch& m : v.matches)
    if (m.id == i.id) return checkIn(m.id, "phone", m.maskedName);
  // Anything else is a stale tap: only what was on screen can be confirmed.
}

// Anything a reader typed while the check-in screen is up: a signed member QR
// or a card number (core checks the QR's signature and its version), a phone
// number (treated as typed on the keypad), or a payment code (not for here).
std::optional<bool> CheckInDesk::scanned(const std::string& payload) {
  if (k_.view.screen != ui::Screen::CheckIn || !k_.staff || k_.view.checkIn.leaving) return std::nullopt;
  clear();
  const MemberScan found = resolveMemberScan(k_, payload);  // the path checkout and Members share
  if (found.scan.kind == ScanKind::Phone) {  // proves nothing: as if typed on the keypad
    phone_.apply(found.scan.value);
    k_.view.checkIn.digits = phone_.text();
    findByPhone();
    return !k_.view.checkIn.matches.empty();
  }
  if (found.refusal == "member_unknown" && found.memberNo != chainAsked_ && chain_.mayAsk(found.memberNo))
    return askHeadOffice(found.memberNo, payload);
  if (!found.refusal.empty()) {
    refuse(found.refusal);
    return false;
  }
  try {
    if (found.scan.kind == ScanKind::MemberCard) {
      const bool greeted = greetMember(found.memberNo, "qr");
      // A key change: the old card was replaced at this scan; Members prints the new one.
      if (found.newCard)
        k_.view.checkIn.message = newCardNotice(k_, found) + " " + k_.catalog.text("ui.members.new_card_print_hint");
      return greeted;
    }
    if (found.scan.kind == ScanKind::CardNumber) return greetMember(found.memberNo, "card");
    refuse("scan_unknown");  // a payment code belongs to the tender screen
    return false;
  } catch (const DomainError& e) {
    refuse(e.code());
    return false;
  }
}

// The card proves who is here: greet by name with today's appointments and the
// balances, and wait for the customer to confirm.
bool CheckInDesk::greetMember(const std::string& memberNo, const std::string& method) {
  MemberAccounts& accounts = k_.backroom.memberAccounts();
  const CustomerId id = accounts.customerOf(memberNo);
  const Instant now = k_.clock.now();
  auto account = accounts.account(id, now);
  if (!account) throw DomainError("member_unknown", memberNo);
  ui::CheckInCard& card = k_.view.checkIn.card;
  card.id = id;
  card.method = method;
  memberNo_ = memberNo;
  card.name = account->name;
  for (const MemberTier& t : k_.backroom.priceList().tiers())
    if (t.code == account->tierCode) card.tier = t.name;
  card.points = std::to_string(account->points);
  card.balance = formatYuan(account->svPrincipal + account->svBonus);
  const Instant dayStart = startOfLocalDay(localDate(now, k_.zone), k_.zone);
  for (const Appointment& a : k_.backroom.appointments().between(dayStart, dayStart + 24 * kHour)) {
    if (a.customer != id || (a.state != "booked" && a.state != "checked_in")) continue;
    std::string line = clockTime(a.start, k_.zone);
    for (std::size_t n = 0; n < a.services.size(); ++n) line += (n ? "、" : " ") + a.services[n].name;
    card.today.push_back(line);
  }
  auditView(id, "name,tier,points,stored_value,appointments", "check-in by " + method);
  auto book = std::make_shared<PriceBook>(k_.backroom.priceList().priceBook());
  figures_.ask(memberNo, [book](const std::string& code) {
    const CatalogItem* item = book->item(code);
    return item ? item->name : code;
  });
  shownAt_ = now;
  return true;
}

// 查看我的档案 from the card; done (or any other closing) clears the whole screen
// for the next customer.
void CheckInDesk::apply(const ui::OwnFileIntent& i) {
  if (k_.view.screen != ui::Screen::CheckIn || !k_.staff) return;
  if (std::holds_alternative<ui::OwnFileOpen>(i)) {
    if (k_.view.checkIn.card.id != 0 && !memberNo_.empty()) own_.begin(memberNo_, k_.view.checkIn.card.name);
    return;
  }
  if (std::holds_alternative<ui::OwnFileClose>(i)) return clear();
  own_.apply(i);
}

// Another store's member card: head office is asked on the Lookups lane; once their
// file is here the scan greets them, else the screen says why.
bool CheckInDesk::askHeadOffice(const std::string& memberNo, const std::string& payload) {
  k_.view.checkIn.message = k_.catalog.text("ui.search.chain.asking");
  chain_.askFor(memberNo, "check-in", [this, memberNo, payload](const ChainLookupResult& r) {
    if (k_.view.screen != ui::Screen::CheckIn) return;
    if (!r.why.empty()) {
      const std::string said = ChainSearch::said(r);
      if (said.empty() || said == "hq_file_unknown") refuse("member_unknown");
      else k_.view.checkIn.message = k_.catalog.text("ui.search.chain." + said);
      return;
    }
    chainAsked_ = memberNo;  // asked once: the scan again must not ask again
    scanned(payload);
    chainAsked_.clear();
  });
  return true;  // a good card; who it is comes in a moment
}

void CheckInDesk::refuse(const std::string& code) {
  std::string key = "ui.checkin.card_unknown";
  if (code == "card_forged") key = "ui.checkin.card_forged";
  if (code == "card_revoked") key = "ui.checkin.card_revoked";
  k_.view.checkIn.message = k_.catalog.text(key);
}

// The customer joins today's queue: one business action (the row, its audit
// entry and its outbox message commit together).
void CheckInDesk::checkIn(CustomerId id, const std::string& method, std::string shownName) {
  if (!k_.staff) return;
  const Instant now = k_.clock.now();
  queue_.add({newUuid(), id, now, method, k_.staff->code},
             auditOf(now, k_.staff->code, "customer.check_in", "customer", std::to_string(id), method));
  clear();
  k_.view.checkIn.welcomedName = std::move(shownName);
  shownAt_ = now;
}

void CheckInDesk::join(CustomerId id, const std::string& name) {
  checkIn(id, "phone", k_.catalog.text("ui.checkin.welcome") + name);
}

void CheckInDesk::auditView(CustomerId id, const std::string& sections, const std::string& purpose) {
  k_.audit.append(auditOf(k_.clock.now(), k_.staff ? k_.staff->code : "", "customer.view", "customer",
                          std::to_string(id), purpose, sections));
}

// --- leaving customer mode ---------------------------------------------------

void CheckInDesk::apply(const ui::LeaveCheckIn& i) {
  ui::CheckInView& v = k_.view.checkIn;
  if (k_.view.screen != ui::Screen::CheckIn || !k_.staff) return;
  if (i.cancel) {
    ++leaveAttempt_;
    leavePin_.clear();
    v.leaving = v.leaveChecking = false;
    v.leavePinDigits = 0;
    v.leaveMessage.clear();
    return;
  }
  clear();  // nothing of a customer stays on screen behind the PIN
  k_.view.checkIn.leaving = true;
}

// The PIN is checked as sign-in checks it (its lane, its lockout), never on the frame.
void CheckInDesk::apply(const ui::LeavePinKeys& i) {
  ui::CheckInView& v = k_.view.checkIn;
  if (k_.view.screen != ui::Screen::CheckIn || !v.leaving || v.leaveChecking || !k_.staff) return;
  const bool done = leavePin_.apply(i.keys);
  v.leavePinDigits = static_cast<int>(leavePin_.text().size());
  v.leaveMessage.clear();
  if (!done || leavePin_.empty()) return;
  auto error = std::make_shared<std::string>();
  const int attempt = ++leaveAttempt_;
  v.leaveChecking = true;
  k_.tasks->run(
      Lane::Pins, "pin check (leave check-in)",
      [error, clock = &k_.clock, code = k_.staff->code, pin = leavePin_.text()](Backroom& b) {
        try {
          StaffAuth(b.staff(), *clock).signIn(code, pin);
        } catch (const DomainError& e) {
          *error = e.code();
        } catch (const std::exception&) {
          *error = "db_error";
        }
      },
      [this, attempt, error] {
        if (attempt == leaveAttempt_) leaveChecked(*error);
      });
  leavePin_.clear();
}

void CheckInDesk::leaveChecked(const std::string& errorCode) {
  ui::CheckInView& v = k_.view.checkIn;
  v.leaveChecking = false;
  v.leavePinDigits = 0;
  if (!errorCode.empty()) {
    v.leaveMessage = k_.catalog.text("error." + errorCode);
    return;
  }
  clear();
  k_.open(ui::Screen::Home, 0);
}

}  // namespace salon::kiosk
