-- Check-ins read their station from memory. Each instance keeps its copy current by asking once
-- a second which stations changed, instead of reading the station again on every check-in.
-- now() is stable, so the column is added without rewriting the table; every later write sets
-- clock_timestamp().
ALTER TABLE known_stations
    ADD COLUMN changed_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX known_stations_changed_at ON known_stations (changed_at);
