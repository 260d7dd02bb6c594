-- The utilization counter's own inbox, which a rebuild empties with TRUNCATE. Deleting millions
-- of its rows from the shared processed_events left dead index entries for exactly the event ids
-- the replay then inserted again: each insert checked them one by one and the second rebuild
-- crawled at 3-5k records/s instead of 17k. Narrower rows (no consumer name) help every count.
CREATE TABLE utilization_counted_events (
    event_id  UUID PRIMARY KEY
);

INSERT INTO utilization_counted_events (event_id)
SELECT event_id FROM processed_events WHERE consumer = 'utilization-hours';

DELETE FROM processed_events WHERE consumer = 'utilization-hours';
