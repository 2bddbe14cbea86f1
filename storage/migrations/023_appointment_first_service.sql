-- The day book colours a block by its first service's category. It found the
-- category by the service's name, which goes wrong when a service is renamed or
-- two categories share a name: the first service's code is kept beside the label,
-- written with the services (never changed after), so a day is still read in one walk.
ALTER TABLE appointments ADD COLUMN first_service TEXT NOT NULL DEFAULT '';

UPDATE appointments SET first_service = coalesce((
  SELECT item_code FROM appointment_services s WHERE s.appointment_id = appointments.id
  ORDER BY position LIMIT 1), '');
