-- The counter's inbox is keyed by the visit's time first, then its event id. Keyed by the event id
-- alone (a name-based UUID, random), every counted visit inserted into a random page of a B-tree
-- as large as the topic: once it outgrew the buffer cache (over 800 MB at 21 million visits) each
-- insert read and dirtied a page of its own, and a rebuild slowed as the topic grew. New visits
-- are recent, and a replay runs roughly in time order, so inserts now land in the pages of the
-- latest hours. A visit sent twice (ADR 13) carries the same time both times: still one key.
--
-- The old rows cannot be carried over cheaply: their visit times are in the visits table, found
-- only by hashing every visit id again (minutes at 27 million visits, longer than a service may
-- take to start). Instead the counts are rebuilt from visit.events.v1 when the service starts
-- (utilization_rebuild_requests), which fills the new inbox as it goes: exact, and the same
-- replay an operator can start at any time. Until it is done, utilization says it is rebuilding.
DROP TABLE utilization_counted_events;

CREATE TABLE utilization_counted_events (
    visited_at  TIMESTAMPTZ NOT NULL,
    event_id    UUID NOT NULL,
    counted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (visited_at, event_id)
);

-- Rows are inserted in time order: a BRIN index finds the old ones in a few pages.
CREATE INDEX utilization_counted_events_by_age ON utilization_counted_events USING brin (counted_at);

-- A migration that changes how counts are kept asks for a rebuild here; visit-service starts one
-- before it counts anything, and removes the request once the rebuild has begun.
CREATE TABLE utilization_rebuild_requests (
    requested_by  TEXT PRIMARY KEY,
    requested_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only where there is something counted to redo: a new installation starts with empty tables.
INSERT INTO utilization_rebuild_requests (requested_by)
SELECT 'migration V9 (counter inbox keyed by visit time)'
WHERE EXISTS (SELECT 1 FROM utilization_hours);
