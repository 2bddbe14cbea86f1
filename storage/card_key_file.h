#pragma once
// The member-card signing key outside the database: "<database>.card.key" in the
// data directory (0600; one per store, so two stores in one folder never share it),
// the 32-byte Ed25519 seed sealed with this machine's key (as backup.key), so a
// copy of the database alone cannot mint cards. Encrypted backups carry the seed
// (a table only the backup's snapshot has) and a restore puts it back here.
//
// The database keeps the public keys of every generation (member_card_key_generations),
// so a card signed before a key change is recognised as such and reissued.
#include <optional>
#include <string>

#include "app/core/clock.h"
#include "storage/database.h"

namespace salon::storage {

// "<dbPath>.card.key"
std::string cardKeyPath(const std::string& dbPath);
std::optional<std::string> loadCardSeed(const std::string& keyPath);
// Replaces the key file atomically (0600).
void saveCardSeed(const std::string& keyPath, const std::string& seed);

// On a database opened read-write: a seed still in member_card_key (a store set
// up before the move, or a restored older backup) goes to card.key (unless one
// is there) and is wiped from the table, its public key kept. No-op otherwise.
void moveCardSeedOut(Database& db);

// The seed for signing: card.key beside `db`; ":memory:" databases (tests)
// keep it in the table. DomainError("card_key_missing") when there is none.
std::string currentCardSeed(Database& db);

// A new key (a suspected leak): a new seed in card.key, its public key recorded
// as the newest generation; the old generation is marked retired at `now`.
void rotateCardKey(Database& db, Instant now);

// Backups: the seed goes into the snapshot's own table (never the live database),
// and comes out of a restored candidate into card.key beside the target.
void putSeedInSnapshot(SQLite::Database& snapshot, const std::string& seed);
void takeSeedFromRestored(SQLite::Database& restored, const std::string& targetDb);

}  // namespace salon::storage
