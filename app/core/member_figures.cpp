#include "app/core/member_figures.h"

#include <algorithm>

#include "app/core/error.h"

namespace salon {

std::optional<MemberBalance> MemberFigures::local(const std::string& memberNo) {
  return local_.balance(memberNo, clock_.now());
}

bool MemberFigures::asksHeadOffice() {
  if (!lines_) return false;
  try {
    return sync_.enrolment().has_value();
  } catch (const DomainError&) {
    return true;  // an enrolment that does not read: look() says why
  }
}

std::optional<MemberBalance> MemberFigures::askHeadOffice(const std::string& memberNo, const std::string& staff,
                                                          const std::string& purpose, std::string& why) {
  try {
    auto enrolment = sync_.enrolment();
    if (!enrolment) {
      why = "not_enrolled";
      return std::nullopt;
    }
    if (!lines_) {
      why = "no_line";
      return std::nullopt;
    }
    auto b = lines_->open(enrolment->address)->memberBalance(memberNo, staff, purpose);
    if (!b) why = "hq_member_unknown";
    return b;
  } catch (const DomainError& e) {
    why = e.code();
    return std::nullopt;
  }
}

MemberFiguresLook MemberFigures::look(const std::string& memberNo, const std::string& staff,
                                      const std::string& purpose) {
  MemberFiguresLook out;
  out.figures = askHeadOffice(memberNo, staff, purpose, out.why);
  if (out.figures) {
    const MemberBalance hq = *out.figures;
    local_.addMovementsNotAtHeadOffice(*out.figures);
    if (UsableHere* u = out.figures->usableHere ? &*out.figures->usableHere : nullptr) {
      // This store's own movements head office has not counted yet are this store's to use.
      u->principal = std::max(Money(), u->principal + (out.figures->principal - hq.principal));
      u->bonus = std::max(Money(), u->bonus + (out.figures->bonus - hq.bonus));
      u->points = std::max<std::int64_t>(0, u->points + (out.figures->points - hq.points));
    }
  } else {
    out.figures = local(memberNo);
  }
  return out;
}

AuditEntry MemberFigures::viewed(const MemberFiguresLook& look, const std::string& memberNo, const std::string& staff,
                                 const std::string& purpose, Instant at) {
  const BalanceSource source = look.figures ? look.figures->source : BalanceSource::Local;
  std::string sections = std::string("balances,") + balanceSourceName(source);
  if (!look.why.empty() && look.why != "not_enrolled") sections += "," + look.why;
  return auditOf(at, staff, "customer.view", "member", memberNo, purpose, sections);
}

}  // namespace salon
