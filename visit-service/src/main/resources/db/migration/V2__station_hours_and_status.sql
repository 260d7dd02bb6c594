-- Part 3: whether a station was open when a worker came. The replica follows the station's
-- status and hours; each visit keeps the answer as it was then (hours change later).
ALTER TABLE known_stations
    ADD COLUMN status TEXT  NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN hours  JSONB;

-- NULL: the station's hours were unknown at the time.
ALTER TABLE visits
    ADD COLUMN station_open BOOLEAN;
