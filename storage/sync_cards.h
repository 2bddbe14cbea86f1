#pragma once
// Member cards across the chain (issue 18, app/hq/PROTOCOL.md "Member cards across
// the chain"). Up: before each upload, `card.keys` {"keys": [hex public keys]} when
// this store has printed a card and its card-signing keys (every generation, the
// current first) differ from what it last told head office (store setting
// sync.card_keys_reported). Down:
// `card.keys` (another store's keys) is kept in hq_owned and read by
// chainCardKeys(); `member.card` {"member_no", "version", "store"}: a card reissued
// in another store; a member this store knows at a lower version takes the new
// version in force (member_cards, a member_card_log 'reissue' line by head-office,
// audit card.revoked_by_chain), so the old card is refused here as card_revoked.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "app/core/head_office.h"

namespace salon::storage {

// Appends `card.keys` when due (enrolled, keys changed); returns whether it did.
bool reportCardKeys(SQLite::Database& db, Instant now);
// The other stores' card public keys (raw 32 bytes each) head office sent.
std::vector<std::string> chainCardKeys(SQLite::Database& db);
// Applies `member.card` in the page's transaction.
void applyChainCardVersion(SQLite::Database& db, const HeadOfficeChange& c, Instant now);

}  // namespace salon::storage
