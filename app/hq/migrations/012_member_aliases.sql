-- A membership that later gets a card number (issue 19): head office kept it under its
-- file key (member_keys.h) while it had no number. The batch that first names the number
-- for that file (an event with both `member_no` and `file_no`: a sale, points.expired,
-- member.phone_key) moves its balances from the file key to the number, in the batch's
-- transaction: chain_members, member_value (summed per selling store), member_packages,
-- member_phones. Append-only tables keep the key they were written under
-- (member_movements, member_debits, member_overdraws, member_views, self_views,
-- online_corrections); what reads them for a member follows this mapping. A row here is
-- written once, by the batch that moved the member; a resent batch moves nothing twice.
CREATE TABLE member_aliases (
  file_key  text PRIMARY KEY,             -- the key head office kept the membership under
  member_no text NOT NULL,                -- its card number from then on
  store     text NOT NULL,                -- the store whose batch named the number
  event_id  uuid NOT NULL,                -- the event that named it
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_aliases_member ON member_aliases (member_no);
CREATE TRIGGER member_aliases_no_change BEFORE UPDATE OR DELETE ON member_aliases
  FOR EACH ROW EXECUTE FUNCTION chain_money_append_only();

-- Package sessions through head office (issue 18): a debit may also hold sessions of the
-- member's packages (POST /members/<no>/debits "packages"), one row per package; they hold
-- while their debit is open, like its stored value and points. Append-only.
CREATE TABLE member_debit_sessions (
  debit    bigint NOT NULL REFERENCES member_debits (id),
  package  text NOT NULL,                 -- member_packages.package
  sessions integer NOT NULL CHECK (sessions > 0),
  PRIMARY KEY (debit, package)
);
CREATE INDEX member_debit_sessions_package ON member_debit_sessions (package);
CREATE TRIGGER member_debit_sessions_no_change BEFORE UPDATE OR DELETE ON member_debit_sessions
  FOR EACH ROW EXECUTE FUNCTION chain_money_append_only();
