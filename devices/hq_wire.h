#pragma once
// Head office's JSON (app/hq/PROTOCOL.md) to and from core's structs. A body HQ
// should not have sent is DomainError hq_refused "bad_answer".
#include <string>
#include <vector>

#include "app/core/head_office.h"

namespace salon::devices {

std::string batchJson(const EventBatch& batch);
HeadOfficeHello helloFrom(const std::string& body);
// A 200 or a 409 answer to POST /events (409 sequence_gap / replayed).
BatchAnswer batchAnswerFrom(int status, const std::string& body);
ChangesPage changesFrom(const std::string& body);
// GET /waiting's {"changes": bool}.
bool waitingFrom(const std::string& body);
std::vector<HeldChainHead> headsFrom(const std::string& body);
OffsiteBackup backupFrom(const std::string& body);
std::vector<OffsiteBackup> backupsFrom(const std::string& body);
// GET /members/<no>/balance's answer (issue 18).
MemberBalance memberBalanceFrom(const std::string& body);
// GET /files: {"files": [{"file_no", "store", "sealed"}]}.
std::vector<SealedChainFile> sealedChainFilesFrom(const std::string& body);
// POST /members/<no>/debits: its body, and a 200 or 409 balance_short answer
// (another 409, e.g. debit_conflict: DomainError hq_refused).
std::string chainDebitJson(const ChainDebit& debit);
ChainDebitAnswer chainDebitFrom(int status, const std::string& body);
// HQ's {"error": code, "message": ...}: "code: message", or "http_NNN".
std::string refusalOf(int status, const std::string& body);

}  // namespace salon::devices
