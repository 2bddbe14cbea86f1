#include "app/ui/view_text.h"

#include "app/ui/screens.h"

namespace salon::ui {

std::vector<std::string> textsOf(const KioskView& v) {
  std::vector<std::string> out{v.status.storeName, v.status.staffName, v.status.dbProblem, v.signIn.chosenName,
                               v.signIn.message,   v.home.staffName,   v.checkIn.digits,    v.checkIn.message,
                               v.checkIn.welcomedName};
  for (const StaffTile& s : v.signIn.staff) out.push_back(s.name);
  for (const CustomerRow& c : v.home.customers) {
    out.push_back(c.fileNo);
    out.push_back(c.name);
    out.push_back(c.maskedPhone);
  }
  out.push_back(v.home.search.query);
  out.push_back(v.home.search.letters);
  for (const std::string& c : v.home.search.candidates) out.push_back(c);
  for (const QueueRow& q : v.home.queue) {
    out.push_back(q.time);
    out.push_back(q.name);
  }
  for (const CheckInMatch& m : v.checkIn.matches) out.push_back(m.maskedName);
  for (const HomeAppointment& a : v.home.appointments) {
    out.push_back(a.name);
    out.push_back(a.detail);
  }
  for (const HomeHold& h : v.home.holds) {
    out.push_back(h.name);
    out.push_back(h.detail);
    out.push_back(h.left);
  }
  for (const HomeOverdraw& o : v.home.overdraws) out.push_back(o.when + o.name);
  out.push_back(v.home.holdMessage);
  addTexts(v.registration, out);
  addTexts(v.checkout, out);
  addTexts(v.customerFile, out);
  addTexts(v.members, out);
  addTexts(v.approvals, out);
  addTexts(v.settings, out);
  addTexts(v.appointments, out);
  addTexts(v.reports, out);
  addTexts(v.checkIn.ownFile, out);
  return out;
}

}  // namespace salon::ui
