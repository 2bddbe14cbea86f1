-- The owner's dashboard (issue 18): what a store's kiosk still has to send, and alerts seen.
--
-- Events waiting in a store's outbox, as the kiosk last reported them (PROTOCOL.md: a
-- batch's "events_waiting", a poll's ?events_waiting=): NULL while the store's kiosk has
-- never reported it (an older kiosk: "unknown", never 0). `events_waiting_since` is when
-- the backlog last stopped going down (NULL while it is 0 or falling): a backlog above
-- zero that has not fallen for a while is a store whose uploads are stuck.
ALTER TABLE stores
  ADD COLUMN events_waiting       bigint CHECK (events_waiting >= 0),
  ADD COLUMN events_waiting_at    timestamptz,
  ADD COLUMN events_waiting_since timestamptz;

-- An alert a finance or owner login marked seen on the dashboard: who and when. The alert
-- itself (member_overdraws, a stale member_debits row) is never changed or deleted, and
-- neither is this row: seen once, kept seen. `alert` is "overdraw:<sale id>" or
-- "stale_debit:<debit id>" (app/hq/chain_alerts.h).
CREATE TABLE alerts_seen (
  alert text PRIMARY KEY CHECK (alert ~ '^(overdraw|stale_debit):[0-9a-f-]{1,64}$'),
  store text NOT NULL,
  login text NOT NULL REFERENCES dashboard_users (login),
  at    timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER alerts_seen_no_change BEFORE UPDATE OR DELETE ON alerts_seen
  FOR EACH ROW EXECUTE FUNCTION chain_money_append_only();
