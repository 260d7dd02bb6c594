-- What utilization.events.v1 last said of each station-hour: its visits (every other count of an
-- hour grows with them). A rebuild counts quietly into emptied tables, so without this an hour
-- counted but not yet announced when the rebuild began (its mark was emptied with it), or visits
-- a stopped service had not counted yet, would never be announced. When a rebuild ends, every
-- hour whose visits differ from what was last announced is marked for the next round.
CREATE TABLE utilization_announced (
    station_id  UUID        NOT NULL,
    hour        TIMESTAMPTZ NOT NULL,
    visits      BIGINT      NOT NULL,
    PRIMARY KEY (station_id, hour)
);

-- Hours not waiting for a round are taken as announced.
INSERT INTO utilization_announced (station_id, hour, visits)
SELECT station_id, hour, visits FROM utilization_hours WHERE NOT unannounced;
