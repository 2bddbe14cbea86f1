-- The day book reads the appointments overlapping a day by the span index, from
-- the longest an appointment may run (12 h) before the day's start: half of the
-- day before was walked in the index only to be dropped. The longest appointment
-- ever written is kept here instead (it only grows: a cancelled or shortened one
-- leaves it, which is safe), so the walk starts where one could still be running.
CREATE TABLE appointment_longest (
  only    INTEGER PRIMARY KEY CHECK (only = 1),
  longest INTEGER NOT NULL  -- ms
);
INSERT INTO appointment_longest (only, longest) SELECT 1, coalesce(max(end_at - start_at), 0) FROM appointments;

CREATE TRIGGER appointment_longest_insert AFTER INSERT ON appointments
  WHEN NEW.end_at - NEW.start_at > (SELECT longest FROM appointment_longest)
BEGIN
  UPDATE appointment_longest SET longest = NEW.end_at - NEW.start_at;
END;

CREATE TRIGGER appointment_longest_update AFTER UPDATE OF start_at, end_at ON appointments
  WHEN NEW.end_at - NEW.start_at > (SELECT longest FROM appointment_longest)
BEGIN
  UPDATE appointment_longest SET longest = NEW.end_at - NEW.start_at;
END;
