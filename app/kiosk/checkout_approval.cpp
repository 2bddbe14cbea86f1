#include "app/kiosk/checkout_approval.h"

#include <exception>
#include <memory>

#include "app/core/error.h"
#include "app/core/staff_auth.h"

namespace salon::kiosk {

// What the manager approved: the sale's lines and payments, as they were.
std::string CheckoutApproval::paymentsOf(const SaleRequest& r) {
  std::string s = r.id;
  for (const LineRequest& l : r.lines) s += "|" + l.item + "x" + std::to_string(l.qty);
  for (const TenderRequest& t : r.tenders)
    s += "|" + std::string(tenderName(t.type)) + ":" + std::to_string(t.amount.fen) + ":" + t.ref;
  return s;
}

void CheckoutApproval::offer(const std::string& left, const SaleRequest& refused) {
  ui::CheckoutApprovalView& v = c_.view().approval;
  closeEntry();
  saleId_ = refused.id;
  payments_ = paymentsOf(refused);
  approver_.clear();
  v.offered = true;
  v.left = left;
}

void CheckoutApproval::reset() {
  ++attempt_;
  pin_.clear();
  saleId_.clear();
  approver_.clear();
  payments_.clear();
  c_.view().approval = ui::CheckoutApprovalView{};
}

// Offered (and approved) only for the sale and the payments it was refused for, at
// the tender screen: other payments, another sale or leaving the tender screen forget it.
void CheckoutApproval::show(const SaleRequest& current) {
  if (saleId_.empty()) return;
  if (current.id != saleId_ || paymentsOf(current) != payments_ || !c_.at(ui::CheckoutStage::Tender)) reset();
  c_.view().approval.pinDigits = static_cast<int>(pin_.text().size());
}

void CheckoutApproval::on(const ui::CheckoutAskApproval&) {
  ui::CheckoutApprovalView& v = c_.view().approval;
  if (!c_.at(ui::CheckoutStage::Tender) || !v.offered || v.open) return;
  v.open = true;
  v.message.clear();
  v.managers.clear();
  Guard guard(c_.k().audit, c_.k().clock);
  for (const Staff& s : c_.staff)
    if (guard.allows(s, Action::ManualDiscount)) v.managers.push_back({s.code, s.name});
}

void CheckoutApproval::on(const ui::CheckoutChooseApprover& i) {
  ui::CheckoutApprovalView& v = c_.view().approval;
  if (!v.open || v.checking || i.code.empty()) return;
  v.managerCode = i.code;
  v.managerName = c_.staffName(i.code);
  v.message.clear();
  pin_.clear();
}

void CheckoutApproval::on(const ui::CheckoutApprovalKeys& i) {
  ui::CheckoutApprovalView& v = c_.view().approval;
  if (!v.open || v.checking || v.managerCode.empty()) return;
  v.message.clear();
  const bool done = pin_.apply(i.keys);
  if (done && !pin_.empty()) check(pin_.text());
}

void CheckoutApproval::on(const ui::CheckoutCancelApproval&) {
  ui::CheckoutApprovalView& v = c_.view().approval;
  if (!v.open) return;
  if (!v.managerCode.empty() && !v.checking) {  // back to the managers' names
    v.managerCode.clear();
    v.managerName.clear();
    pin_.clear();
    return;
  }
  closeEntry();
}

void CheckoutApproval::closeEntry() {
  ++attempt_;
  pin_.clear();
  ui::CheckoutApprovalView& v = c_.view().approval;
  v.open = v.checking = false;
  v.managerCode.clear();
  v.managerName.clear();
  v.message.clear();
}

// As the CLI's approvingManager: the manager signs in with their PIN (typed at this
// cashier's counter), then the Guard action says whether their role may approve.
void CheckoutApproval::check(const std::string& pin) {
  ui::CheckoutApprovalView& v = c_.view().approval;
  DeskContext& k = c_.k();
  auto error = std::make_shared<std::string>();
  const int attempt = ++attempt_;
  v.checking = true;
  k.tasks->run(
      Lane::Pins, "pin check (manager approval)",
      [error, clock = &k.clock, code = v.managerCode, pin, typedBy = k.staff ? k.staff->code : ""](Backroom& b) {
        try {
          Staff mgr = StaffAuth(b.staff(), *clock).signIn(code, pin, typedBy);
          Guard(b.audit(), *clock).require(mgr, Action::ManualDiscount, "sale", "approval");
        } catch (const DomainError& e) {
          *error = e.code();
        } catch (const std::exception&) {
          *error = "db_error";
        }
      },
      [this, attempt, error, code = v.managerCode, sale = c_.saleId] {
        if (attempt == attempt_ && sale == c_.saleId) checked(code, *error);
      });
  pin_.clear();
}

void CheckoutApproval::checked(const std::string& managerCode, const std::string& error) {
  ui::CheckoutApprovalView& v = c_.view().approval;
  v.checking = false;
  v.pinDigits = 0;
  if (!error.empty()) {
    v.message = c_.k().catalog.text(error == "permission_denied" ? "ui.checkout.approval.not_manager" : "error." + error);
    return;
  }
  approver_ = managerCode;
  closeEntry();
  v.offered = false;
  if (approved) approved();
}

std::string CheckoutApproval::approvedBy(const SaleRequest& r) const {
  return !approver_.empty() && r.id == saleId_ && paymentsOf(r) == payments_ ? approver_ : "";
}

}  // namespace salon::kiosk
