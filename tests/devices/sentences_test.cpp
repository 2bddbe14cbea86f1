// Every refusal the devices work can give has a sentence in each language, and
// every label the layouts use exists.
#include <catch2/catch.hpp>

#include "assets/assets.h"

TEST_CASE("devices error codes and ticket labels are translated in zh-Hans, zh-Hant and en") {
  const char* codes[] = {"card_malformed", "card_forged", "card_revoked", "member_unknown", "card_key_missing",
                         "crypto_unavailable", "reason_required", "qr_too_long", "layout_invalid", "file_write_failed",
                         "file_read_failed", "printer_paper_out", "printer_paper_near_end", "printer_cover_open",
                         "printer_offline", "printer_no_answer", "printer_unreachable", "printer_write_failed",
                         "printer_uri_invalid", "printer_profile_unknown", "print_job_unknown", "print_job_done",
                         "sale_not_found", "scan_payment_code", "scan_unknown", "reader_open_failed", "serve_failed"};
  const char* labels[] = {"receipt.title", "receipt.reprint", "receipt.sale_no", "receipt.time", "receipt.cashier",
                          "receipt.customer", "receipt.member_no", "receipt.served_by", "receipt.subtotal",
                          "receipt.discount", "receipt.rounding", "receipt.total", "receipt.change",
                          "receipt.points_earned", "receipt.points_balance", "receipt.stored_value",
                          "receipt.sessions_left", "receipt.arrears", "receipt.qr_hint", "receipt.tel", "card.title",
                          "card.reissued", "card.reprinted", "card.name", "card.member_no", "card.tier",
                          "card.version", "card.scan_hint", "card.keep_safe", "card.printed_at"};
  for (const char* lang : {"zh-Hans", "zh-Hant", "en"}) {
    auto cat = salon::assets::catalog(lang);
    for (const char* c : codes) {
      INFO(lang << " error." << c);
      CHECK(cat.all().count(std::string("error.") + c) == 1);
    }
    for (const char* l : labels) {
      INFO(lang << " devices." << l);
      CHECK(cat.all().count(std::string("devices.") + l) == 1);
    }
  }
  CHECK(salon::assets::catalog("zh-Hans").text("error.card_revoked").find("旧卡作废") != std::string::npos);
}
