-- Counts are kept as INTEGER, and which station-hours wait to be announced is kept in a table of
-- its own. Both make the row that every counted visit updates narrower and its updates cheaper.
--
-- Width: a station-hour never nears 2^31 visits, and 20 BIGINT counts made the row 216 bytes,
-- of which 160 were counts; it is now 128. Sums are still read as BIGINT.
--
-- The mark: the flag `unannounced` lived in the row, and a partial index read it. Every count
-- that set it and every announcement round that cleared it changed an indexed column, so those
-- updates could never be HOT: each wrote a new row version elsewhere and new entries in all three
-- indexes (about a third of live updates, docs/benchmarks.md session 12). Now counting inserts the
-- key into utilization_unannounced and a round deletes it; the counts' row is only ever updated
-- in counts, which no index reads.
--
-- The table is rebuilt rather than altered, so the dropped flag leaves no null column behind and
-- the indexes are built once, after the copy. Nothing is recounted.
CREATE TABLE utilization_hours_narrow (
    station_id             UUID        NOT NULL,
    hour                   TIMESTAMPTZ NOT NULL,
    visits                 INTEGER     NOT NULL,
    outside_hours          INTEGER     NOT NULL,
    open_unknown           INTEGER     NOT NULL,
    w_sanitation           INTEGER     NOT NULL,
    w_taxi_driver          INTEGER     NOT NULL,
    w_traffic_police       INTEGER     NOT NULL,
    w_city_management      INTEGER     NOT NULL,
    w_courier              INTEGER     NOT NULL,
    w_food_delivery        INTEGER     NOT NULL,
    w_ride_hailing         INTEGER     NOT NULL,
    w_other                INTEGER     NOT NULL,
    s_toilet               INTEGER     NOT NULL,
    s_water                INTEGER     NOT NULL,
    s_rest                 INTEGER     NOT NULL,
    s_warmth_cooling       INTEGER     NOT NULL,
    s_charging             INTEGER     NOT NULL,
    s_meal_heating         INTEGER     NOT NULL,
    s_first_aid            INTEGER     NOT NULL,
    s_legal_union_service  INTEGER     NOT NULL,
    s_activity             INTEGER     NOT NULL
) WITH (fillfactor = 80);

INSERT INTO utilization_hours_narrow
SELECT station_id, hour,
       visits, outside_hours, open_unknown, w_sanitation, w_taxi_driver, w_traffic_police,
       w_city_management, w_courier, w_food_delivery, w_ride_hailing, w_other, s_toilet,
       s_water, s_rest, s_warmth_cooling, s_charging, s_meal_heating, s_first_aid,
       s_legal_union_service, s_activity
FROM utilization_hours;

-- The station-hours whose counts changed since utilization.events.v1 last said them.
CREATE TABLE utilization_unannounced (
    station_id  UUID        NOT NULL,
    hour        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, hour)
);

INSERT INTO utilization_unannounced (station_id, hour)
SELECT station_id, hour FROM utilization_hours WHERE unannounced;

DROP TABLE utilization_hours;
ALTER TABLE utilization_hours_narrow RENAME TO utilization_hours;
ALTER TABLE utilization_hours ADD PRIMARY KEY (station_id, hour);
-- City-wide questions ("the last 28 days, every station") read by time first.
CREATE INDEX utilization_hours_by_hour ON utilization_hours (hour);
