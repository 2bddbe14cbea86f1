-- The day book shows an appointment's services as one label (剪发、染发). It is kept
-- on the appointment, written with its services (they are never changed after), so
-- reading a day is one walk of the span index with no lookup of services per
-- appointment (issue 14: a day of 400 appointments read in under half a millisecond).
ALTER TABLE appointments ADD COLUMN services_label TEXT NOT NULL DEFAULT '';

UPDATE appointments SET services_label = coalesce((
  SELECT group_concat(name, '、') FROM (
    SELECT name FROM appointment_services s WHERE s.appointment_id = appointments.id ORDER BY position)), '');
