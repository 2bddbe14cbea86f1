#include "storage/card_key_file.h"

#include <sodium.h>

#include <chrono>
#include <cstdint>
#include <filesystem>

#include "app/core/error.h"
#include "app/core/member_card.h"
#include "storage/backup_password.h"
#include "storage/private_file.h"
#include "storage/sql.h"

namespace salon::storage {
namespace {

std::string zeroSeed() { return std::string(32, '\0'); }

std::optional<std::string> seedInTable(SQLite::Database& s) {
  SQLite::Statement q(s, "SELECT seed FROM member_card_key WHERE one = 1");
  if (!q.executeStep()) return std::nullopt;
  std::string seed = sql::bytes(q.getColumn(0));
  if (seed.size() != 32 || seed == zeroSeed()) return std::nullopt;
  return seed;
}

void addGeneration(SQLite::Database& s, const std::string& publicKey, Instant now) {
  SQLite::Statement q(s, "INSERT INTO member_card_key_generations (public_key, made_at) VALUES (?, ?)");
  q.bind(1, publicKey.data(), static_cast<int>(publicKey.size()));
  q.bind(2, static_cast<std::int64_t>(now));
  q.exec();
}

Instant nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string cardKeyPath(const std::string& dbPath) { return dbPath + ".card.key"; }

std::optional<std::string> loadCardSeed(const std::string& keyPath) {
  auto text = readKeyText(keyPath);
  if (!text) return std::nullopt;
  std::string seed = unsealOnThisMachine(*text);
  if (seed.size() != 32) throw DomainError("card_key_missing", keyPath + " is damaged");
  return seed;
}

void saveCardSeed(const std::string& keyPath, const std::string& seed) {
  const std::string dataDir = directoryOf(keyPath);
  makePrivateDirectory(dataDir);
  // ".<name>.part-XXXXXX": what a kill leaves goes on the next start (removeStaleTemporaries).
  TempFile file(dataDir, "." + std::filesystem::path(keyPath).filename().string() + ".part-");
  std::string sealed = sealForThisMachine(seed) + "\n";
  file.write(sealed.data(), sealed.size());
  file.finish();
  file.commitAs(keyPath);
}

// The file first (synced), then the wipe: a crash between leaves both, and the
// next open finishes the move with the file's seed kept.
void moveCardSeedOut(Database& db) {
  if (db.path() == ":memory:" || db.readOnly()) return;
  // A restore killed after its rename, before the seed it carried went to card.key.
  if (db.sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'backup_card_key'")
          .getInt() > 0)
    takeSeedFromRestored(db.sql(), db.path());
  auto seed = seedInTable(db.sql());
  if (!seed) return;
  // The table's seed wins: it is this store's (a restored older backup, or a
  // move a crash interrupted after the file was written).
  saveCardSeed(cardKeyPath(db.path()), *seed);
  const std::string publicKey = cardKeyFromSeed(*seed).publicKey;
  db.write([&](SQLite::Database& s) {
    SQLite::Statement up(s, "UPDATE member_card_key SET seed = zeroblob(32), public_key = ?, moved_at = ? WHERE one = 1");
    up.bind(1, publicKey.data(), static_cast<int>(publicKey.size()));
    up.bind(2, static_cast<std::int64_t>(nowMs()));
    up.exec();
    if (s.execAndGet("SELECT count(*) FROM member_card_key_generations").getInt() == 0)
      addGeneration(s, publicKey, nowMs());
  });
}

std::string currentCardSeed(Database& db) {
  return guarded([&] {
    if (db.path() != ":memory:") {
      if (auto seed = loadCardSeed(cardKeyPath(db.path()))) return *seed;
    }
    if (auto seed = seedInTable(db.sql())) return *seed;  // :memory:, or not moved yet (read-only)
    throw DomainError("card_key_missing", db.path());
  });
}

void rotateCardKey(Database& db, Instant now) {
  if (db.path() == ":memory:") throw DomainError("card_key_missing", "a store in memory keeps no key file");
  std::string seed(32, '\0');
  randombytes_buf(seed.data(), seed.size());
  const std::string publicKey = cardKeyFromSeed(seed).publicKey;
  db.write([&](SQLite::Database& s) {
    SQLite::Statement r(s, "UPDATE member_card_key_generations SET retired_at = ? WHERE retired_at IS NULL");
    r.bind(1, static_cast<std::int64_t>(now));
    r.exec();
    addGeneration(s, publicKey, now);
    // The file last, inside the transaction: if it cannot be written, nothing changed.
    saveCardSeed(cardKeyPath(db.path()), seed);
  });
}

void putSeedInSnapshot(SQLite::Database& snapshot, const std::string& seed) {
  snapshot.exec("CREATE TABLE IF NOT EXISTS backup_card_key (one INTEGER PRIMARY KEY CHECK (one = 1), seed BLOB NOT NULL)");
  SQLite::Statement q(snapshot, "INSERT OR REPLACE INTO backup_card_key (one, seed) VALUES (1, ?)");
  q.bind(1, seed.data(), static_cast<int>(seed.size()));
  q.exec();
}

void takeSeedFromRestored(SQLite::Database& restored, const std::string& targetDb) {
  const bool carried =
      restored.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'backup_card_key'")
          .getInt() > 0;
  if (!carried) {
    // An older backup: the seed is in its table; the first open moves it out.
    if (auto seed = seedInTable(restored)) saveCardSeed(cardKeyPath(targetDb), *seed);
    return;
  }
  std::string seed;
  {
    SQLite::Statement q(restored, "SELECT seed FROM backup_card_key WHERE one = 1");
    if (q.executeStep()) seed = sql::bytes(q.getColumn(0));
  }
  if (seed.size() == 32) saveCardSeed(cardKeyPath(targetDb), seed);
  restored.exec("DROP TABLE backup_card_key");
}

}  // namespace salon::storage
