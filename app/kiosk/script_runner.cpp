#include "app/kiosk/script_runner.h"

#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "app/core/member_card.h"
#include "app/core/member_roll.h"
#include "app/platform/png_file.h"
#include "app/ui/glyph_set.h"

namespace salon::kiosk {

std::string nthMemberNo(Backroom& backroom, int n) {
  auto m = backroom.memberRoll().nthMember(n);
  return m ? m->memberNo : "";
}

std::string nthMemberQr(Backroom& backroom, int n) {
  std::string memberNo = nthMemberNo(backroom, n);
  if (memberNo.empty()) return "";
  MemberCardStore& cards = backroom.cards();
  auto holder = cards.holder(memberNo);
  if (!holder) return "";
  return signCard(cardKeyFromSeed(cards.signingSeed()), memberNo, holder->cardVersion);
}

namespace {

constexpr auto kRetryFor = std::chrono::seconds(15);  // a receipt picture under ASan takes seconds
constexpr int kSettleFrames = 2;  // after the input is consumed: intents applied, next screen drawn

const char* const kVerbs[] = {"tap", "doubletap", "type", "key", "scan", "wait", "shot", "expect"};
constexpr auto kDoubleTapGap = std::chrono::milliseconds(50);

std::string trim(const std::string& s) {
  auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

std::string listIds(const ui::FrameRecord& frame) {
  std::string out;
  for (const ui::Tappable& t : frame.tappables()) out += (out.empty() ? "" : ", ") + t.id;
  return out;
}

std::string listTexts(const ui::FrameRecord& frame) {
  std::string out;
  for (const std::string& t : frame.texts()) out += (out.empty() ? "" : " | ") + t;
  return out;
}

}  // namespace

std::vector<ScriptStep> parseScript(const std::string& text) {
  std::vector<ScriptStep> steps;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    auto sp = line.find_first_of(" \t");
    ScriptStep s{n, line.substr(0, sp), sp == std::string::npos ? "" : trim(line.substr(sp))};
    bool known = false;
    for (const char* v : kVerbs) known |= s.verb == v;
    if (!known) throw std::runtime_error("line " + std::to_string(n) + ": unknown step '" + s.verb + "'");
    steps.push_back(s);
  }
  return steps;
}

ScriptRunner::ScriptRunner(std::string name, std::vector<ScriptStep> steps, std::string shotsDir, MemberLookup members,
                           MemberLookup memberQrs)
    : name_(std::move(name)),
      steps_(std::move(steps)),
      shotsDir_(std::move(shotsDir)),
      members_(std::move(members)),
      memberQrs_(std::move(memberQrs)) {}

ScriptRunner::State ScriptRunner::afterFrame(const ui::FrameRecord& frame, platform::Window& window) {
  if (state_ != State::Running) return state_;
  if (window.inputPending()) return state_;  // injected input still being fed, one transition per frame
  if (secondTap_) {  // a double tap's second press lands where the first did, whatever is drawn there now
    if (Clock::now() < secondTap_->at) return state_;
    window.injectMouse(secondTap_->x, secondTap_->y, true);
    window.injectMouse(secondTap_->x, secondTap_->y, false);
    secondTap_.reset();
    return state_;
  }
  if (settle_ > 0) {
    --settle_;
    return state_;
  }
  if (waitFrames_ > 0) {
    --waitFrames_;
    return state_;
  }
  while (next_ < steps_.size() && state_ == State::Running) {
    if (!step(steps_[next_], frame, window)) return state_;  // waiting for a later frame
  }
  if (next_ >= steps_.size() && state_ == State::Running) state_ = State::Passed;
  return state_;
}

// True when the step is done and the next may run in this same frame.
bool ScriptRunner::step(const ScriptStep& s, const ui::FrameRecord& frame, platform::Window& window) {
  if (s.verb == "tap" || s.verb == "doubletap") {
    if (window.pressesQuiet()) return false;  // a person waits for the new screen too
    const ui::Tappable* t = frame.find(s.arg);
    if (!t) {
      if (retryExpired()) fail(s, "nothing tappable called '" + s.arg + "' on screen; there is: " + listIds(frame));
      return false;
    }
    window.injectMouse(t->centreX(), t->centreY(), true);
    window.injectMouse(t->centreX(), t->centreY(), false);
    if (s.verb == "doubletap") secondTap_ = Tap{t->centreX(), t->centreY(), Clock::now() + kDoubleTapGap};
    return advance(false);
  }
  if (s.verb == "type") {
    for (char32_t c : ui::decodeUtf8(s.arg)) window.injectText(ui::encodeUtf8(c));
    return advance(false);
  }
  if (s.verb == "key") {
    platform::Key k = platform::keyFromName(s.arg);
    if (k == platform::Key::None) {
      fail(s, "unknown key '" + s.arg + "'");
      return false;
    }
    window.injectKey(k, true);
    window.injectKey(k, false);
    return advance(false);
  }
  if (s.verb == "scan") return scan(s, window);
  if (s.verb == "wait") {
    waitFrames_ = std::max(0, std::atoi(s.arg.c_str()));
    ++next_;
    return false;
  }
  if (s.verb == "shot") return shot(s, window);
  // expect
  if (frame.drew(s.arg)) return advance(true);
  if (retryExpired()) fail(s, "'" + s.arg + "' was not drawn; the frame shows: " + listTexts(frame));
  return false;
}

// The step is done: the next runs now (sameFrame) or after the screen settles.
bool ScriptRunner::advance(bool sameFrame) {
  ++next_;
  retrying_ = false;
  if (!sameFrame) settle_ = kSettleFrames;
  return sameFrame;
}

// A card or QR held to the reader: @member:N / @memberqr:N stand for customer N's.
bool ScriptRunner::scan(const ScriptStep& s, platform::Window& window) {
  std::string payload = s.arg;
  const MemberLookup* lookup = payload.rfind("@member:", 0) == 0     ? &members_
                               : payload.rfind("@memberqr:", 0) == 0 ? &memberQrs_
                                                                     : nullptr;
  if (lookup) {
    payload = *lookup ? (*lookup)(std::atoi(payload.c_str() + payload.find(':') + 1)) : "";
    if (payload.empty()) {
      fail(s, "the database has no " + s.arg.substr(1));
      return false;
    }
  }
  // A reader types ASCII as raw key presses, all at once, then Enter.
  for (char c : payload) window.injectKeystroke(c);
  window.injectKeystroke('\n');
  return advance(false);
}

bool ScriptRunner::shot(const ScriptStep& s, platform::Window& window) {
  std::string dir = shotsDir_.empty() ? "." : shotsDir_;
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + s.arg + ".png";
  try {
    platform::writePng(path, window.readPixels());
  } catch (const std::exception& e) {
    fail(s, e.what());
    return false;
  }
  return advance(true);
}

bool ScriptRunner::retryExpired() {
  if (!retrying_) {
    retrying_ = true;
    retryStart_ = Clock::now();
  }
  return Clock::now() - retryStart_ > kRetryFor;
}

void ScriptRunner::fail(const ScriptStep& s, const std::string& why) {
  state_ = State::Failed;
  failure_ = name_ + ":" + std::to_string(s.line) + ": " + s.verb + " " + s.arg + ": " + why;
}

}  // namespace salon::kiosk
