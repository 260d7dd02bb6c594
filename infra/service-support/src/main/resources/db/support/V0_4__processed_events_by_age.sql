-- Inbox rows older than yizhan.inbox.keep are pruned (InboxPruning). Rows are inserted in time
-- order, so a BRIN index finds the old ones for a few pages of index, whatever the table's size.
CREATE INDEX processed_events_by_age ON processed_events USING brin (processed_at);
