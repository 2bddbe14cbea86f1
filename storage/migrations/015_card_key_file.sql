-- The member-card signing seed leaves the database: the kiosk moves it to
-- <datadir>/card.key (0600, sealed with the machine's key) on its first open and
-- wipes it here (storage/card_key_file.cpp), so a copy of the database alone
-- cannot mint cards. The row stays (append-only), with its public key; the only
-- update allowed is that one retirement. Later keys (a key change after a
-- suspected leak) are generations with their public keys, so a card signed with
-- a retired key is known as such and reissued, not taken for a forgery.
ALTER TABLE member_card_key ADD COLUMN public_key BLOB;
ALTER TABLE member_card_key ADD COLUMN moved_at INTEGER;
DROP TRIGGER member_card_key_no_update;
CREATE TRIGGER member_card_key_retire_only BEFORE UPDATE ON member_card_key
WHEN NOT (OLD.moved_at IS NULL AND NEW.moved_at IS NOT NULL AND NEW.seed = zeroblob(32)
          AND length(NEW.public_key) = 32 AND NEW.created_at = OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'the card key is only ever moved out to card.key'); END;

CREATE TABLE member_card_key_generations (
  generation  INTEGER PRIMARY KEY,
  public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
  made_at     INTEGER NOT NULL,
  retired_at  INTEGER
);
CREATE TRIGGER member_card_key_generations_no_delete BEFORE DELETE ON member_card_key_generations
BEGIN SELECT RAISE(ABORT, 'card key generations are kept'); END;
CREATE TRIGGER member_card_key_generations_retire_only BEFORE UPDATE ON member_card_key_generations
WHEN NOT (OLD.retired_at IS NULL AND NEW.retired_at IS NOT NULL AND NEW.public_key = OLD.public_key
          AND NEW.made_at = OLD.made_at)
BEGIN SELECT RAISE(ABORT, 'a card key generation is only ever retired'); END;
