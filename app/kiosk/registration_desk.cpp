#include "app/kiosk/registration_desk.h"

#include <algorithm>
#include <memory>

#include "app/core/customer_files.h"
#include "app/core/error.h"
#include "app/core/name_ranking.h"
#include "app/core/store_settings.h"
#include "app/core/text_rules.h"
#include "app/kiosk/check_in_desk.h"

namespace salon::kiosk {
namespace {

using Step = ui::RegistrationStep;

}  // namespace

RegistrationDesk::~RegistrationDesk() = default;

void RegistrationDesk::open(CustomerId) {
  ui::RegistrationView& v = k_.view.registration;
  v = {};
  v.pinyinReady = k_.pinyin != nullptr;
  phone_.clear();
  name_.clear();
  loadNotice();
}

// The salon's own wording when it set one (store.privacy_notice, with its
// version), else the standard notice in the kiosk's language.
void RegistrationDesk::loadNotice() {
  ui::RegistrationView& v = k_.view.registration;
  v.title = k_.catalog.text("ui.register.title");
  StoreSettings& settings = k_.backroom.settings();
  auto own = settings.setting("store.privacy_notice");
  v.notice = own ? *own : k_.catalog.text("ui.register.notice_text");
  v.noticeVersion = own ? settings.setting("store.privacy_notice_version").value_or(kPrivacyNoticeVersion)
                        : kPrivacyNoticeVersion;
}

void RegistrationDesk::languageChanged() {
  if (k_.view.registration.step == Step::Notice) loadNotice();
  k_.view.registration.message.clear();
}

void RegistrationDesk::locked() {
  k_.view.registration = {};
  phone_.clear();
  name_.clear();
}

void RegistrationDesk::apply(const ui::RegistrationIntent& intent) {
  if (k_.view.screen != ui::Screen::Registration) return;
  std::visit([this](const auto& i) { on(i); }, intent);
}

void RegistrationDesk::on(const ui::RegisterAgree&) {
  if (k_.view.registration.step == Step::Notice) k_.view.registration.step = Step::Marketing;
}

// Declined: a walk-in. Core writes only an audit entry without personal data.
void RegistrationDesk::on(const ui::RegisterDecline&) {
  ui::RegistrationView& v = k_.view.registration;
  if (v.step != Step::Notice || !k_.staff) return;
  if (!keys_) keys_ = std::make_unique<NameKeyMaker>();
  try {
    Registration r;
    r.consentGiven = false;
    CustomerFiles(k_.backroom.files(), k_.directory, k_.audit, k_.clock, *keys_, k_.zone).registerCustomer(*k_.staff, r);
    v.step = Step::Declined;
  } catch (const DomainError& e) {
    v.message = k_.catalog.text("error." + e.code());
  }
}

void RegistrationDesk::on(const ui::RegisterMarketing& i) {
  ui::RegistrationView& v = k_.view.registration;
  if (v.step != Step::Marketing) return;
  v.marketing = i.yes;
  v.step = Step::Name;
}

// Letters are pinyin (turned into characters by picking a candidate) when the
// engine is ready, else typed as they are.
void RegistrationDesk::on(const ui::RegisterNameKeys& i) {
  ui::RegistrationView& v = k_.view.registration;
  if (v.step != Step::Name) return;
  v.message.clear();
  std::string keys = i.keys;  // a name takes no digits
  keys.erase(std::remove_if(keys.begin(), keys.end(), [](char c) { return c >= '0' && c <= '9'; }), keys.end());
  const bool finished = name_.apply(keys, k_.pinyin != nullptr);
  v.name = name_.text();
  v.letters = name_.letters();
  if (finished) return nameDone();
  refresh();
}

void RegistrationDesk::on(const ui::RegisterPickName& i) {
  ui::RegistrationView& v = k_.view.registration;
  if (v.step != Step::Name) return;
  name_.pick(i.text);
  v.name = name_.text();
  v.letters.clear();
  v.message.clear();
  refresh();
}

void RegistrationDesk::refresh() {
  ui::RegistrationView& v = k_.view.registration;
  v.candidates = k_.pinyin ? rankForNames(k_.pinyin->candidates(v.letters, kPinyinCandidateLimit)) : std::vector<std::string>{};
}

// The name is checked as core will check it before the phone is asked for.
void RegistrationDesk::nameDone() {
  ui::RegistrationView& v = k_.view.registration;
  try {
    v.name = checkName(v.name);
    name_.set(v.name);
    v.letters.clear();
    v.candidates.clear();
    v.step = Step::Phone;
  } catch (const DomainError& e) {
    v.message = k_.catalog.text("error." + e.code());
  }
}

void RegistrationDesk::on(const ui::RegisterPhoneKeys& i) {
  ui::RegistrationView& v = k_.view.registration;
  if (v.step != Step::Phone) return;
  bool done = phone_.apply(i.keys);
  v.phone = phone_.text();
  v.message.clear();
  if (done) submit();
}

// One business action through core, as `customers register` does: the file
// (pending review), its consent and marketing choice, the audit entry and the
// outbox message commit together.
void RegistrationDesk::submit() {
  ui::RegistrationView& v = k_.view.registration;
  if (!k_.staff) return;
  Registration r;
  r.consentGiven = true;
  r.noticeVersion = v.noticeVersion;
  r.marketingOptIn = v.marketing;
  r.name = v.name;
  r.phone = v.phone;
  if (!keys_) keys_ = std::make_unique<NameKeyMaker>();
  try {
    RegistrationResult done =
        CustomerFiles(k_.backroom.files(), k_.directory, k_.audit, k_.clock, *keys_, k_.zone).registerCustomer(*k_.staff, r);
    v.customer = done.id;
    v.fileNo = done.fileNo;
    v.step = Step::Welcome;
  } catch (const DomainError& e) {
    v.message = k_.catalog.text("error." + e.code());
    if (e.code().rfind("name", 0) == 0) v.step = Step::Name;
  }
}

void RegistrationDesk::on(const ui::RegisterBack&) {
  ui::RegistrationView& v = k_.view.registration;
  v.message.clear();
  if (v.step == Step::Marketing) v.step = Step::Notice;
  else if (v.step == Step::Name) v.step = Step::Marketing;
  else if (v.step == Step::Phone) v.step = Step::Name;
}

void RegistrationDesk::on(const ui::RegisterJoinQueue&) {
  const ui::RegistrationView& v = k_.view.registration;
  if (v.step != Step::Welcome || v.customer == 0) return;
  const CustomerId id = v.customer;
  const std::string name = v.name;
  k_.open(ui::Screen::CheckIn, 0);
  checkIn_.join(id, name);
  k_.view.registration = {};
}

void RegistrationDesk::on(const ui::RegisterFinish&) {
  const Step step = k_.view.registration.step;
  if (step != Step::Welcome && step != Step::Declined) return;
  k_.open(ui::Screen::CheckIn, 0);
  k_.view.registration = {};
}

}  // namespace salon::kiosk
