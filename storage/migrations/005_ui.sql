-- Today's queue (顾客签到): who checked in at the kiosk, when and how.
-- Append-only: a check-in is never changed or removed.
CREATE TABLE checkins (
  id           TEXT PRIMARY KEY,              -- UUID made by the kiosk: a double tap cannot add a second row
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  at           INTEGER NOT NULL,              -- UTC ms
  method       TEXT NOT NULL CHECK (method IN ('phone', 'card', 'qr')),
  staff        TEXT NOT NULL REFERENCES staff (code)
);
CREATE INDEX checkins_at ON checkins (at);
CREATE TRIGGER checkins_no_update BEFORE UPDATE ON checkins
BEGIN SELECT RAISE(ABORT, 'check-ins are never changed'); END;
CREATE TRIGGER checkins_no_delete BEFORE DELETE ON checkins
BEGIN SELECT RAISE(ABORT, 'check-ins are never deleted'); END;
