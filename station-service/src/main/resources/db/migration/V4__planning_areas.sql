-- Part 2: what coverage is computed over. Boundaries and demand points are planners' data,
-- uploaded per district; nothing here is guessed by the platform.
CREATE TABLE planning_areas (
    district   TEXT        PRIMARY KEY,
    -- The outer ring as a JSON array of [longitude, latitude] pairs (GeoJSON's order).
    ring       JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE demand_points (
    id        BIGSERIAL        PRIMARY KEY,
    district  TEXT             NOT NULL,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    weight    DOUBLE PRECISION NOT NULL CHECK (weight > 0),
    label     TEXT             NOT NULL
);
CREATE INDEX demand_points_by_district ON demand_points (district);
