-- The registry of care stations (爱心驿站) and service points (爱心服务点).
CREATE TABLE stations (
    id             UUID             PRIMARY KEY,
    name           TEXT             NOT NULL,
    kind           TEXT             NOT NULL,
    district       TEXT             NOT NULL,
    address        TEXT             NOT NULL,
    latitude       DOUBLE PRECISION NOT NULL,
    longitude      DOUBLE PRECISION NOT NULL,
    capacity       INT              NOT NULL CHECK (capacity > 0),
    manager_name   TEXT             NOT NULL,
    manager_phone  TEXT             NOT NULL,
    version        BIGINT           NOT NULL,
    registered_at  TIMESTAMPTZ      NOT NULL
);

CREATE INDEX stations_by_district ON stations (district, name);
