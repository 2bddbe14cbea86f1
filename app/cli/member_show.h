#pragma once
// salon-kiosk member show: a member's money with the chain (issue 18).
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "app/cli/cli.h"
#include "app/core/member_balance.h"

namespace salon::cli {

// Adds `show` under the `member` command.
void addMemberShowCommand(CLI::App* member, Invocation& inv);

// {"member_no", "home_store", "stored_value": {"principal", "bonus"}, "points",
//  "packages": [{"service", "sessions_left", "expires"}], "arrears", "as_of", "source"}
nlohmann::json memberBalanceJson(const MemberBalance& b);

}  // namespace salon::cli
