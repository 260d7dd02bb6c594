-- Part 3: utilization per station and hour, the unit every figure is summed from (day, week,
-- month, hour of day x weekday, worker mix, services, demand outside opening hours).
-- One column per worker type and per service, named after the enums in contracts: plain SQL can
-- read it, and an upsert adds counts without touching arrays. A new worker type or service needs
-- a migration adding its column; UtilizationColumnsTest checks every enum value has one.
CREATE TABLE utilization_hours (
    station_id             UUID        NOT NULL,
    -- Start of the hour. Asia/Shanghai is UTC+8 all year, so its hours are UTC hours.
    hour                   TIMESTAMPTZ NOT NULL,
    visits                 BIGINT      NOT NULL,
    -- The station was closed (outside its hours, suspended, revoked) when the worker came.
    outside_hours          BIGINT      NOT NULL,
    -- Whether it was open is unknown (no hours on record then, or an event from before v1 said).
    open_unknown           BIGINT      NOT NULL,
    w_sanitation           BIGINT      NOT NULL,
    w_taxi_driver          BIGINT      NOT NULL,
    w_traffic_police       BIGINT      NOT NULL,
    w_city_management      BIGINT      NOT NULL,
    w_courier              BIGINT      NOT NULL,
    w_food_delivery        BIGINT      NOT NULL,
    w_ride_hailing         BIGINT      NOT NULL,
    w_other                BIGINT      NOT NULL,
    s_toilet               BIGINT      NOT NULL,
    s_water                BIGINT      NOT NULL,
    s_rest                 BIGINT      NOT NULL,
    s_warmth_cooling       BIGINT      NOT NULL,
    s_charging             BIGINT      NOT NULL,
    s_meal_heating         BIGINT      NOT NULL,
    s_first_aid            BIGINT      NOT NULL,
    s_legal_union_service  BIGINT      NOT NULL,
    s_activity             BIGINT      NOT NULL,
    PRIMARY KEY (station_id, hour)
);

-- City-wide questions ("the last 28 days, every station") read by time first.
CREATE INDEX utilization_hours_by_hour ON utilization_hours (hour);

-- The old per-day counter is replaced: days are sums of hours. The new counting consumer has its
-- own consumer group and inbox name, so on first start it counts visit.events.v1 from the start.
DROP TABLE station_daily_visits;
DELETE FROM processed_events WHERE consumer = 'utilization';

-- The expected mix of workers in a district (from a labour survey or the union's estimate), as
-- shares that the awareness figures compare visitors against. Absent: the city default.
CREATE TABLE district_worker_mix (
    district     TEXT    NOT NULL,
    worker_type  TEXT    NOT NULL,
    share        NUMERIC NOT NULL CHECK (share >= 0 AND share <= 1),
    PRIMARY KEY (district, worker_type)
);

-- Rebuilds of utilization from visit.events.v1: who asked, how far it got, how it ended.
CREATE TABLE utilization_rebuilds (
    id            UUID        PRIMARY KEY,
    requested_by  TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    state         TEXT        NOT NULL,
    -- Per partition of visit.events.v1, the offset the replay ends before ("partition:offset,…").
    until_offsets TEXT        NOT NULL,
    target        BIGINT      NOT NULL DEFAULT 0,
    replayed      BIGINT      NOT NULL DEFAULT 0,
    counted       BIGINT      NOT NULL DEFAULT 0,
    duplicates    BIGINT      NOT NULL DEFAULT 0,
    failure       TEXT
);
