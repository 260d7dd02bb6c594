-- Each station's latest busy/idle standing as visit-service published it
-- (utilization.standing-changed): what a new one is compared with to see which flags it raises.
CREATE TABLE station_standings (
    station_id         UUID        PRIMARY KEY,
    level              TEXT        NOT NULL,
    closed_when_needed BOOLEAN     NOT NULL,
    from_day           DATE        NOT NULL,
    to_day             DATE        NOT NULL,
    judged_at          TIMESTAMPTZ NOT NULL
);

-- When the responsibility chain was last told of a flag of a station (OVERLOADED, UNDERUSED,
-- CLOSED_WHEN_NEEDED): a flag raised again within the quiet period tells nobody.
CREATE TABLE standing_flags_told (
    station_id UUID        NOT NULL,
    flag       TEXT        NOT NULL,
    told_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, flag)
);
