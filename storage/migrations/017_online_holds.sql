-- Online bookings head office holds for this store (booking.hold, app/hq/PROTOCOL.md):
-- kept here until this store decides; the kiosk's answer goes up as booking.decided.
CREATE TABLE online_holds (
  appointment_id TEXT PRIMARY KEY,          -- the appointment it is booked under when confirmed
  body           TEXT NOT NULL,             -- the hold as head office sent it (JSON)
  start_at       INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled')),
  reason         TEXT NOT NULL DEFAULT '',
  received_at    INTEGER NOT NULL,
  decided_at     INTEGER,
  decided_by     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX online_holds_pending ON online_holds (start_at) WHERE status = 'pending';
