#pragma once
// The `sale` command's JSON (amounts in fen), read into a SaleRequest.
//   {"id":"<uuid>","customer":"<phone|file no.|member no.>"|null,
//    "lines":[{"item":"S-CUT","qty":1,"staff":["beau"],"shares":[10000],"discount":0,"price":8800}],
//    "tenders":[{"type":"cash","amount":12800,"handed":20000,"ref":"..."}],
//    "discount":0,"reason":"...","approved_by":"mgr","completed_at":"2026-05-28 14:30"}
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "app/core/sale.h"

namespace salon::cli {

// DomainError bad_json (detail: the field) on anything malformed.
// `findCustomer` turns the customer key into an id.
SaleRequest saleRequestFromJson(const nlohmann::json& j, const std::function<CustomerId(const std::string&)>& findCustomer,
                                StoreZone zone);
std::vector<TenderRequest> tendersFromJson(const nlohmann::json& j);

// Reads FILE or "-" (stdin) as JSON; DomainError bad_json.
nlohmann::json readJsonInput(const std::string& path);

}  // namespace salon::cli
