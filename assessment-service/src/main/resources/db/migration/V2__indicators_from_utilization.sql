-- The indicators now follow utilization's hourly counts (utilization.events.v1) instead of every
-- visit event: one row per station and hour with the counts last taken, instead of an inbox row
-- per visit. The hour's counts only grow; previous_* hold what the row had before its last
-- change, so the statement that changes it knows the difference to add to the station's totals.
CREATE TABLE station_hour_visits (
    station_id                      UUID        NOT NULL,
    hour                            TIMESTAMPTZ NOT NULL,
    visits                          BIGINT      NOT NULL,
    new_employment_visits           BIGINT      NOT NULL,
    previous_visits                 BIGINT      NOT NULL DEFAULT 0,
    previous_new_employment_visits  BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (station_id, hour)
);

-- Totals start again from nothing: the new consumer group reads utilization.events.v1 from its
-- beginning (kept forever, as visit.events.v1 is) and adds every hour once. Visits are now known
-- to the hour.
UPDATE station_indicators SET visits_total = 0, new_employment_visits = 0, first_visit_at = NULL, last_visit_at = NULL
WHERE visits_total <> 0 OR first_visit_at IS NOT NULL;
ALTER TABLE station_indicators RENAME COLUMN first_visit_at TO first_visit_hour;
ALTER TABLE station_indicators RENAME COLUMN last_visit_at TO last_visit_hour;
