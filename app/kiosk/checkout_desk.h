#pragma once
// The counter's checkout: a cart priced by core's money rules, a tender screen
// with split payments, one settlement per sale id however often 结账 is tapped,
// then the receipt preview (the virtual printer's picture, through core's
// TicketPreview port) and printing through the persistent print queue.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/core/cart.h"
#include "app/core/member_account.h"
#include "app/core/print_job.h"
#include "app/core/sale.h"
#include "app/core/ticket_preview.h"
#include "app/kiosk/desk.h"
#include "app/ui/checkout/checkout_view.h"
#include "storage/catalog_store.h"

namespace salon::kiosk {

class CheckoutDesk : public Desk {
 public:
  // Turns a picture into a texture the screen can draw (reusing `reuse` when not 0).
  using PictureUpload = std::function<std::uintptr_t(const TicketPicture&, std::uintptr_t reuse)>;
  static constexpr Instant kUndoFor = 10 * kSecond;  // a removed line can be brought back this long

  explicit CheckoutDesk(DeskContext& k) : Desk(k) {}
  void open(CustomerId customer) override;
  void apply(const ui::CheckoutIntent& intent);
  bool tick() override;
  void languageChanged() override { show(); }
  void locked() override;
  bool offered() const override;

  // The composition root wires the ports (without them: no picture, no printing).
  void setReceiptPreview(TicketPreview* preview, PictureUpload upload);
  void setPrintSpool(PrintSpool* spool) { spool_ = spool; }
  // The print queue finished a job (on the main thread).
  void printFinished(const std::string& jobId, PrintJobState state, const std::string& reason) override;

  // The current sale's lines and tenders, as core will be asked to settle them.
  SaleRequest request() const;

  void on(const ui::CheckoutAcknowledgeAlert&);
  void on(const ui::CheckoutFindMember&);
  void on(const ui::CheckoutEntryKeys& i);
  void on(const ui::CheckoutScanned& i);
  void on(const ui::CheckoutPickCustomer& i);
  void on(const ui::CheckoutStayWalkIn&);
  void on(const ui::CheckoutPickCategory& i);
  void on(const ui::CheckoutAddItem& i);
  void on(const ui::CheckoutAskStaff& i);
  void on(const ui::CheckoutChooseStaff& i);
  void on(const ui::CheckoutRemoveLine& i);
  void on(const ui::CheckoutUndoRemove&);
  void on(const ui::CheckoutOpenDiscount&);
  void on(const ui::CheckoutOpenTender&);
  void on(const ui::CheckoutBackToCart&);
  void on(const ui::CheckoutAmountKeys& i);
  void on(const ui::CheckoutQuickCash& i);
  void on(const ui::CheckoutAddTender& i);
  void on(const ui::CheckoutUsePackage& i);
  void on(const ui::CheckoutRemoveTender& i);
  void on(const ui::CheckoutSettle&);
  void on(const ui::CheckoutPrint&);
  void on(const ui::CheckoutNewSale&);
  void on(const ui::CheckoutOpenDay&);

 private:
  struct Line {
    int id = 0;
    std::string item;
    int qty = 1;
    std::string staff;
  };
  struct Removed {
    Line line;
    std::size_t at = 0;
    Instant when = 0;
  };

  void reset(CustomerId customer);
  void loadCustomer(CustomerId customer);
  void price();
  void show();
  void showBar();
  void showCart();
  void showTender();
  void refuse(const std::string& code);
  void hint(const std::string& key);
  Money paid() const;
  Money due() const { return totals_.total; }
  Money packageValue(const std::string& packageId) const;
  void addTender(TenderType type, Money amount);
  void finishSettle(const Sale& sale);
  void makePicture();
  std::string staffName(const std::string& code) const;

  // Loaded when the screen opens.
  std::optional<storage::CheckoutSetup> setup_;
  std::vector<Staff> staff_;
  std::optional<MemberAccount> account_;
  CustomerId customer_ = 0;
  std::vector<std::pair<std::string, std::string>> alert_;  // health field → what the file says
  bool alertAcknowledged_ = false;
  // The sale being made.
  std::vector<Line> lines_;
  int nextLine_ = 1;
  std::optional<Removed> removed_;
  Money orderDiscount_;
  std::vector<TenderRequest> tenders_;
  std::string saleId_;
  std::string amount_;  // keypad, yuan
  std::vector<CartLine> cart_;
  CartTotals totals_;
  // After settling.
  std::optional<Sale> settled_;
  std::string saleNo_;
  std::string receiptText_;
  int attempt_ = 0;  // a picture or print for an older sale is dropped
  std::string printJob_;
  // Ports.
  TicketPreview* preview_ = nullptr;
  PictureUpload upload_;
  std::uintptr_t texture_ = 0;
  PrintSpool* spool_ = nullptr;
};

}  // namespace salon::kiosk
