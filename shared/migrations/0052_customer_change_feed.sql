-- The customer index follows customers by the id of the transaction that changed their name or monitoring, not by
-- clock: a reader that remembers the oldest transaction still running when it last looked (pg_snapshot_xmin) reads
-- again only what changed from there, however late a transaction commits, instead of a fixed window of updated_at.
ALTER TABLE customers ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION customer_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;

-- Only what the index holds (the name, and whether the customer is monitored) moves a customer in the feed.
CREATE TRIGGER customer_changed_for_index
  BEFORE UPDATE ON customers
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.monitored IS DISTINCT FROM NEW.monitored)
  EXECUTE FUNCTION customer_change_xid();

CREATE INDEX customers_change_xid ON customers (change_xid);

-- The clock feed it replaces.
DROP INDEX customers_change_feed;
