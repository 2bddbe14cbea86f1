#pragma once
// Ticket layouts (assets/layouts/*.json): a list of blocks, each a line of text,
// a left/right pair, a rule, a QR, a feed or the cut, with {field} and
// {t:sentence.key} placeholders, `when`/`unless` conditions and `each` loops.
// A salon changes what its receipt says by editing the layout, not the code.
#include <map>
#include <string>
#include <vector>

#include "app/core/i18n.h"
#include "devices/escpos/paper_writer.h"

namespace salon::devices {

using LayoutFields = std::map<std::string, std::string>;

struct LayoutValues {
  LayoutFields fields;
  std::map<std::string, std::vector<LayoutFields>> lists;
};

// Lays out the embedded layout `name` ("receipt", "member_card") into `paper`.
// Throws DomainError("layout_invalid") when the layout cannot be read.
void printLayout(const std::string& name, const LayoutValues& values, const Catalog& catalog, PaperWriter& paper);

// The catalogue for a language, loaded once per process.
const Catalog& ticketCatalog(const std::string& language);

}  // namespace salon::devices
