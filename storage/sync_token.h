#pragma once
// The head-office token is kept in the database sealed with a key derived from
// this machine's /etc/machine-id, the way backup.key seals the backup password
// (storage/backup_password.cpp): a copy of the database taken elsewhere (or a
// backup restored on a new machine) does not give the token; that kiosk enrols
// again. A different derivation context keeps the two keys apart.
#include <string>

namespace salon::storage {

// "SKHQ1:" + base64(nonce | secretbox(token)).
std::string sealHeadOfficeToken(const std::string& token);
// DomainError hq_token_unreadable when damaged or sealed on another machine.
std::string unsealHeadOfficeToken(const std::string& sealed);

}  // namespace salon::storage
