#include "app/core/self_service.h"

#include "app/core/member_card.h"

#include <sstream>

#include "app/core/error.h"
#include "app/core/phone.h"

namespace salon {

std::string identificationKey(const std::string& text, MemberCards& cards) {
  if (text.rfind("SK1.", 0) != 0) return text;
  MemberCards::Resolution r = cards.resolve(text);
  if (!r.member) throw DomainError("card_malformed", "");
  return r.member->memberNo;
}

void checkSelfIdentification(const CustomerSummary& who, const std::string& last4, int recentFailures) {
  if (recentFailures >= kSelfServiceTries) throw DomainError("self_service_locked", who.fileNo);
  const std::string& phone = who.phone;
  if (last4.size() != 4 || phone.size() < 4 || phone.compare(phone.size() - 4, 4, last4) != 0)
    throw DomainError("customer_not_identified", "");
}

Money Statement::net() const {
  Money sum;
  for (const StatementEntry& e : entries) sum += e.total;
  return sum;
}

std::string formatStatement(const Statement& s, StoreZone zone, const Catalog& words) {
  std::ostringstream out;
  out << words.text("records.statement.title") << "\n";
  out << words.text("records.statement.customer") << ": " << s.customer.name << "  " << s.customer.fileNo << "  "
      << maskPhone(s.customer.phone) << "\n";
  if (s.from || s.to)
    out << words.text("records.statement.period") << ": " << (s.from ? formatDate(*s.from) : "…") << " — "
        << (s.to ? formatDate(*s.to) : "…") << "\n";
  out << "----------------------------------------\n";
  for (const StatementEntry& e : s.entries) {
    out << formatLocalDateTime(e.completedAt, zone) << "  " << words.text("records.statement.kind." + e.kind) << "  "
        << formatAmount(e.total) << "\n";
    for (const StatementItem& i : e.items) out << "  " << i.name << " x" << i.qty << "  " << formatAmount(i.amount) << "\n";
    for (const auto& [tender, amount] : e.payments)
      out << "  " << words.text("records.statement.paid") << " " << words.text("records.tender." + tender) << " "
          << formatAmount(amount) << "\n";
  }
  out << "----------------------------------------\n";
  out << words.text("records.statement.count") << ": " << s.entries.size() << "  "
      << words.text("records.statement.net") << ": " << formatAmount(s.net()) << "\n";
  return out.str();
}

ReportSummary statementTicket(const Statement& s, StoreZone zone, const Catalog& words) {
  ReportSummary t;
  t.title = words.text("records.statement.title");
  t.period = s.customer.name + "  " + s.customer.fileNo + "  " + maskPhone(s.customer.phone);
  for (const StatementEntry& e : s.entries) {
    t.lines.push_back({formatLocalDateTime(e.completedAt, zone) + " " + words.text("records.statement.kind." + e.kind), ""});
    for (const StatementItem& i : e.items) t.lines.push_back({i.name + " x" + std::to_string(i.qty), formatAmount(i.amount)});
    for (const auto& [tender, amount] : e.payments)
      t.lines.push_back({words.text("records.statement.paid") + " " + words.text("records.tender." + tender),
                         formatAmount(amount)});
    t.lines.push_back({words.text("records.statement.total"), formatAmount(e.total)});
  }
  t.lines.push_back({words.text("records.statement.count"), std::to_string(s.entries.size())});
  t.lines.push_back({words.text("records.statement.net"), formatAmount(s.net())});
  return t;
}

}  // namespace salon
