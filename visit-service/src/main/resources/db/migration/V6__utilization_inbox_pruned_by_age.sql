-- The counter's inbox is pruned of rows older than yizhan.inbox.keep (InboxPruning), like every
-- processed_events. Rows from before this migration take its time: pruned one keep from now.
-- A default of now() is evaluated once here, so adding the column does not rewrite the table.
ALTER TABLE utilization_counted_events ADD COLUMN counted_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- Rows are inserted in time order: a BRIN index finds the old ones in a few pages.
CREATE INDEX utilization_counted_events_by_age ON utilization_counted_events USING brin (counted_at);
