-- What visit-service knows of stations, from station.events.v1.
CREATE TABLE known_stations (
    id             UUID        PRIMARY KEY,
    name           TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    district       TEXT        NOT NULL,
    capacity       INT         NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL
);

-- Every accepted visit. The id is the client's (or the district system's), so a retry is a no-op.
CREATE TABLE visits (
    id            TEXT        PRIMARY KEY,
    station_id    UUID        NOT NULL,
    visited_at    TIMESTAMPTZ NOT NULL,
    worker_type   TEXT        NOT NULL,
    services      TEXT[]      NOT NULL,
    channel       TEXT        NOT NULL,
    worker_token  TEXT,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX visits_by_station_time ON visits (station_id, visited_at);

-- Utilization read model: visits per station per day (Asia/Shanghai), fed by visit.events.v1.
CREATE TABLE station_daily_visits (
    station_id  UUID   NOT NULL,
    day         DATE   NOT NULL,
    visits      BIGINT NOT NULL,
    PRIMARY KEY (station_id, day)
);
