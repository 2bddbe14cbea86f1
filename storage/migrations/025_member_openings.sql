-- Customers online (issue 19): a membership without a card number whose ledgers hold rows
-- from before file numbers went up (migration 022) was never at head office, so its
-- figures showed nowhere online. Once, per such member, the sync round (or `salon-kiosk
-- sync upload-openings`) queues a `member.opening` event with its balances as they are
-- (principal, bonus, points, packages with sessions left, arrears) under its file number,
-- in the same transaction as this row; head office projects them as opening movements.
-- From then on the file counts as whole at head office (kWholeAtHeadOffice): its sales
-- go up with the file number and its phone is reported, like any other membership.
CREATE TABLE member_openings (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  event_id    TEXT NOT NULL,             -- the member.opening outbox event
  at          INTEGER NOT NULL
);
