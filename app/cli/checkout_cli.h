#pragma once
// Shared by the checkout subcommands: the manager's approval and JSON errors.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/cli/cli.h"

namespace salon::cli {

// Signs in the approving manager (PIN in SALON_MANAGER_PIN) and checks that they
// may take `action`; the approval is audited with the entry it approves.
// `typedBy`: the staff member at the counter who typed the manager's PIN; a wrong
// PIN is then recorded as typed by them.
Staff approvingManager(storage::Database& db, const Clock& clock, const std::string& code, Action action,
                       const std::string& typedBy = "");

// Runs `work`; a DomainError is printed on stderr as JSON
// {"error":{"code","message","detail"}} and gives exit code 2.
int withJsonErrors(const std::function<int()>& work);

// "--lines 1:2,3:1": (line number, quantity) pairs to reverse; DomainError bad_input
// on anything else.
std::vector<std::pair<int, int>> parseLines(const std::string& text);

// member apply|approve|reject (registered with the checkout commands).
void addMemberCommands(CLI::App& app, Invocation& inv);

}  // namespace salon::cli
