#include "app/core/key_wedge.h"

namespace salon {

char keyChar(std::uint16_t u, bool shift) {
  if (u >= hid::kA && u <= hid::kZ) return static_cast<char>((shift ? 'A' : 'a') + (u - hid::kA));
  static const char digits[] = "1234567890";
  static const char shifted[] = "!@#$%^&*()";
  if (u >= hid::k1 && u <= hid::k0) return (shift ? shifted : digits)[u - hid::k1];
  if (u >= hid::kKeypad1 && u <= hid::kKeypad0) return digits[u - hid::kKeypad1];
  switch (u) {
    case hid::kSpace: return ' ';
    case hid::kMinus: return shift ? '_' : '-';
    case hid::kEqual: return shift ? '+' : '=';
    case 47: return shift ? '{' : '[';
    case 48: return shift ? '}' : ']';
    case 49: return shift ? '|' : '\\';
    case hid::kSemicolon: return shift ? ':' : ';';
    case 52: return shift ? '"' : '\'';
    case 53: return shift ? '~' : '`';
    case hid::kComma: return shift ? '<' : ',';
    case hid::kPeriod: return shift ? '>' : '.';
    case hid::kSlash: return shift ? '?' : '/';
    case 99: return '.';
    default: return 0;
  }
}

bool isEnterKey(std::uint16_t u) { return u == hid::kEnter || u == hid::kKeypadEnter; }

WedgeOutput WedgeDecoder::feed(const KeyEvent& e) {
  WedgeOutput out;
  if (!buffer_.empty() && (e.at - last_ > config_.maxGapMs || e.at < last_)) release(out);
  if (isEnterKey(e.usage)) {
    if (!buffer_.empty() && static_cast<int>(buffer_.size()) >= config_.minLength)
      finishScan(e.at, out);
    else {
      release(out);
      out.typed += '\n';
    }
    return out;
  }
  char c = keyChar(e.usage, e.shift);
  if (!c) return out;  // shift, ctrl and friends alone
  buffer_ += c;
  last_ = e.at;
  return out;
}

WedgeOutput WedgeDecoder::flush(Instant now) {
  WedgeOutput out;
  if (!buffer_.empty() && now - last_ > config_.maxGapMs) release(out);
  return out;
}

void WedgeDecoder::release(WedgeOutput& out) {
  out.typed += buffer_;
  buffer_.clear();
}

namespace {

bool startsWith(const std::string& s, const std::string& p) { return !p.empty() && s.rfind(p, 0) == 0; }
bool endsWith(const std::string& s, const std::string& p) {
  return !p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// A magnetic stripe reader types each track between its sentinels; a card
// often carries both tracks in one swipe. Track 2 holds the number most reliably.
void readTracks(WedgeScan& s) {
  const std::string& c = s.code;
  auto t2 = c.find(';');
  if (t2 != std::string::npos) {
    auto end = c.find('?', t2);
    if (end != std::string::npos && end > t2 + 1) {
      s.code = c.substr(t2 + 1, end - t2 - 1);
      s.format = ScanFormat::MagTrack2;
      return;
    }
  }
  if (c.size() >= 3 && c.front() == '%') {
    auto end = c.find('?');
    if (end != std::string::npos && end > 1) {
      s.code = c.substr(1, end - 1);
      s.format = ScanFormat::MagTrack1;
    }
  }
}

}  // namespace

void WedgeDecoder::finishScan(Instant at, WedgeOutput& out) {
  WedgeScan s;
  s.raw = buffer_;
  s.at = at;
  s.code = buffer_;
  buffer_.clear();
  if (startsWith(s.code, config_.prefix)) s.code.erase(0, config_.prefix.size());
  if (endsWith(s.code, config_.suffix)) s.code.erase(s.code.size() - config_.suffix.size());
  readTracks(s);
  if (s.code.empty()) return;
  bool repeat = haveLastScan_ && s.code == lastCode_ && at - lastScanAt_ <= config_.repeatWindowMs &&
                at >= lastScanAt_;
  lastCode_ = s.code;
  lastScanAt_ = at;
  haveLastScan_ = true;
  if (!repeat) out.scans.push_back(std::move(s));
}

WedgeOutput decodeWedge(const std::vector<KeyEvent>& events, const WedgeConfig& config) {
  WedgeDecoder d(config);
  WedgeOutput all;
  auto take = [&](WedgeOutput o) {
    for (auto& s : o.scans) all.scans.push_back(std::move(s));
    all.typed += o.typed;
  };
  for (const KeyEvent& e : events) take(d.feed(e));
  if (!events.empty()) take(d.flush(events.back().at + config.maxGapMs + 1));
  return all;
}

std::string trackCardNumber(const std::string& code, ScanFormat format) {
  if (format == ScanFormat::MagTrack2) return code.substr(0, code.find('='));
  if (format == ScanFormat::MagTrack1) {
    std::string body = !code.empty() && code[0] == 'B' ? code.substr(1) : code;
    return body.substr(0, body.find('^'));
  }
  return code;
}

}  // namespace salon
