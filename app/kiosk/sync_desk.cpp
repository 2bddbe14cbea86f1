#include "app/kiosk/sync_desk.h"

#include <mutex>
#include <optional>

#include "app/core/error.h"
#include "app/core/sync_store.h"

namespace salon::kiosk {

struct SyncDesk::Outcome {
  SyncReport report;
  SyncStatus status;
  std::string enrolledStore;  // an enrolment that went through
  std::string failure;        // an enrolment's or a round's refusal code
};

// One line to HQ kept open on the Sync lane between rounds and polls, so a
// poll a second is a request on a kept-alive connection, not a TLS handshake.
// Touched only on the Sync lane; dropped after a failure (opened again next time).
struct SyncDesk::HeldLine {
  HeadOfficeAddress address;
  std::unique_ptr<HeadOffice> line;
  HeadOffice& to(HeadOfficeLines& lines, const HeadOfficeAddress& a) {
    if (!line || a.url != address.url || a.token != address.token || a.fingerprint != address.fingerprint) {
      line = lines.open(a);
      address = a;
    }
    return *line;
  }
};

// A poll posts nothing back when nothing waits (an idle kiosk draws no frame for
// it); the main thread looks in here on its next tick.
struct SyncDesk::Poll {
  std::mutex mutex;
  bool running = true;
  std::optional<Outcome> round;  // the round a yes ran
};

bool SyncDesk::isEnrolmentCode(const std::string& payload) { return payload.rfind("SALONHQ1.", 0) == 0; }

bool SyncDesk::tick() {
  const Instant now = k_.clock.now();
  if (!lines_) return false;
  const std::string before = shown_;
  collectPoll();
  if (busy_ || now - lastTick_ < kSecond) return shown_ != before;
  lastTick_ = now;
  if (!known_ || backoff_.due(now)) startRound();
  else if (status_.enrolled && backoff_.pollDue(now)) startPoll(now);
  showStatus();  // "24 h without contact" turns on by itself
  return shown_ != before;
}

// On the Sync lane: "anything waiting?", and when so (or when HQ did not
// answer) the round at once, in the same task. No result is posted: collectPoll
// picks it up on the next tick, so an idle kiosk draws no frame for a poll.
void SyncDesk::startPoll(Instant now) {
  backoff_.polled(now);
  busy_ = true;
  poll_ = std::make_shared<Poll>();
  if (!line_) line_ = std::make_shared<HeldLine>();
  auto poll = poll_;
  auto held = line_;
  HeadOfficeLines* lines = lines_;
  const Clock& clock = k_.clock;
  k_.tasks->run(
      Lane::Sync, "head-office poll",
      [poll, held, lines, &clock](Backroom& b) {
        std::optional<Outcome> ran;
        SyncStore& store = b.headOfficeSync();
        auto e = store.enrolment();
        bool roundNow = false;
        try {
          roundNow = e && SyncEngine(store, held->to(*lines, e->address), clock).somethingWaiting();
        } catch (const DomainError&) {
          held->line.reset();
          roundNow = e.has_value();  // the round notes the failure, and the backoff takes over
        }
        if (roundNow) {
          ran.emplace();
          try {
            ran->report = SyncEngine(store, held->to(*lines, e->address), clock).round();
          } catch (const DomainError& x) {
            ran->report.error = x.code();
          }
          if (!ran->report.ok()) held->line.reset();
          ran->status = store.status();
        }
        std::lock_guard<std::mutex> lock(poll->mutex);
        poll->round = std::move(ran);
        poll->running = false;
      },
      nullptr);
}

// A finished poll frees the lane; the round it ran is taken as any round.
bool SyncDesk::collectPoll() {
  if (!poll_) return false;
  std::optional<Outcome> ran;
  {
    std::lock_guard<std::mutex> lock(poll_->mutex);
    if (poll_->running) return false;
    ran = std::move(poll_->round);
  }
  poll_.reset();
  busy_ = false;
  if (ran) finished(*ran);
  return true;
}

void SyncDesk::syncNow() {
  collectPoll();
  backoff_.hurry(k_.clock.now());
  if (lines_ && !busy_) startRound();
}

// On the Sync lane: a round when enrolled, else only the status.
void SyncDesk::startRound() {
  busy_ = true;
  auto out = std::make_shared<Outcome>();
  if (!line_) line_ = std::make_shared<HeldLine>();
  auto held = line_;
  HeadOfficeLines* lines = lines_;
  const Clock& clock = k_.clock;
  k_.tasks->run(
      Lane::Sync, "head-office sync",
      [out, held, lines, &clock](Backroom& b) {
        SyncStore& store = b.headOfficeSync();
        try {
          if (auto e = store.enrolment(); e && lines)
            out->report = SyncEngine(store, held->to(*lines, e->address), clock).round();
        } catch (const DomainError& e) {
          out->report.error = e.code();
          out->report.detail = e.detail();
        }
        if (!out->report.ok()) held->line.reset();
        out->status = store.status();
      },
      [this, out] { finished(*out); });
}

void SyncDesk::enrol(const std::string& code) {
  if (!k_.staff) throw DomainError("permission_denied", "sync enrol");
  if (k_.staff->role != Role::Admin) {  // the machine's keeper enrols it, as on the command line
    AuditEntry e = auditOf(k_.clock.now(), k_.staff->code, "permission.denied", "sync", "enrol", "admin only");
    e.outcome = "refused";
    k_.audit.append(e);
    throw DomainError("permission_denied", "sync enrol: admin only");
  }
  if (!lines_) throw DomainError("hq_unreachable", "no line to head office on this kiosk");
  HeadOfficeAddress address = lines_->readEnrolmentCode(code);
  busy_ = true;
  message_.clear();
  auto out = std::make_shared<Outcome>();
  HeadOfficeLines* lines = lines_;
  const std::string staff = k_.staff->code;
  const Instant at = k_.clock.now();
  k_.tasks->run(
      Lane::Sync, "head-office enrolment",
      [out, lines, address, staff, at](Backroom& b) {
        try {
          HeadOfficeHello hello = lines->open(address)->hello();
          if (hello.store != address.store) throw DomainError("hq_refused", "wrong_store " + hello.store);
          b.headOfficeSync().enrol(address, auditOf(at, staff, "sync.enrol", "sync", address.store, address.url,
                                                    "fp " + address.fingerprint));
          out->enrolledStore = address.store;
        } catch (const DomainError& e) {
          AuditEntry refused = auditOf(at, staff, "sync.enrol", "sync", address.store, e.code());
          refused.outcome = "refused";
          b.audit().append(refused);
          out->failure = e.code();
        }
        out->status = b.headOfficeSync().status();
      },
      [this, out] { finished(*out); });
}

void SyncDesk::finished(const Outcome& o) {
  busy_ = false;
  known_ = true;
  status_ = o.status;
  const Catalog& c = k_.catalog;
  if (!o.enrolledStore.empty()) {
    message_ = c.text("ui.settings.hq.enrolled_ok") + " " + o.enrolledStore;
    backoff_.hurry(k_.clock.now());  // the first round at once
  } else if (!o.failure.empty()) {
    message_ = c.text("error." + o.failure);
  } else if (status_.enrolled) {
    lastProblem_ = o.report.error;
    lastDetail_ = o.report.detail;
    if (o.report.ok()) backoff_.succeeded(k_.clock.now());
    else backoff_.failed(k_.clock.now());
  } else {
    backoff_.succeeded(k_.clock.now());  // not enrolled: look again in a while
  }
  showStatus();
  if (k_.view.screen == ui::Screen::Settings) fill(k_.view.settings.headOffice);
}

std::string SyncDesk::contactText(Instant at) const {
  const std::string when = formatLocalDateTime(at, k_.zone);  // "2026-11-22 14:05"
  const std::string today = formatDate(localDate(k_.clock.now(), k_.zone));
  return when.rfind(today, 0) == 0 ? when.substr(11) : when;
}

void SyncDesk::showStatus() {
  ui::StatusView& v = k_.view.status;
  const Catalog& c = k_.catalog;
  if (!status_.enrolled) {
    v.headOffice.clear();
    v.headOfficeShort.clear();
    v.headOfficeWarning = false;
    shown_.clear();
    return;
  }
  const bool overdue = syncOverdue(status_, k_.clock.now());
  const bool stopped = status_.behindThrough > 0 || lastProblem_ == "hq_certificate_mismatch";
  std::string line = c.text("ui.status.hq") + " ";
  line += status_.lastContact ? contactText(*status_.lastContact) : c.text("ui.status.hq_never");
  line += " · " + c.text("ui.status.hq_waiting") + " " + std::to_string(status_.waiting);
  if (overdue) line += " · " + c.text("ui.status.hq_overdue");
  if (stopped) line += " · " + c.text(status_.behindThrough > 0 ? "ui.status.hq_behind" : "ui.status.hq_mismatch");
  v.headOffice = line;
  v.headOfficeShort = c.text("ui.status.hq") + " " + c.text("ui.status.hq_waiting") + " " + std::to_string(status_.waiting);
  v.headOfficeWarning = overdue || stopped;
  shown_ = line + (v.headOfficeWarning ? "!" : "");
}

void SyncDesk::fill(ui::SettingsHeadOffice& v) const {
  const Catalog& c = k_.catalog;
  v = {};
  v.enrolled = status_.enrolled;
  v.busy = busy_;
  v.mayEnrol = k_.staff && k_.staff->role == Role::Admin;
  if (!message_.empty()) v.lines.push_back(message_);
  if (!status_.enrolled) {
    v.lines.push_back(c.text(lines_ ? "ui.settings.hq.not_enrolled" : "ui.settings.hq.no_line"));
    return;
  }
  v.lines.push_back(c.text("ui.settings.hq.store") + " " + status_.store);
  v.lines.push_back(c.text("ui.settings.hq.last_contact") + " " +
                    (status_.lastContact ? formatLocalDateTime(*status_.lastContact, k_.zone) : c.text("ui.status.hq_never")));
  v.lines.push_back(c.text("ui.settings.hq.counts") + " " + std::to_string(status_.sent) + " / " +
                    std::to_string(status_.received) + " / " + std::to_string(status_.waiting));
  if (status_.behindThrough > 0)
    v.lines.push_back(c.text("error.behind_head_office") + " (" + std::to_string(status_.lastSeq) + " < " +
                      std::to_string(status_.behindThrough) + ")");
  else if (!lastProblem_.empty())
    v.lines.push_back(c.text("ui.settings.hq.last_problem") + " " + c.text("error." + lastProblem_));
}

}  // namespace salon::kiosk
