-- Places that could host a new station: a Cainiao post, a logistics site's rest room, a mall's
-- service desk. The survey report asks the union to build on such places rather than from
-- nothing; planners upload them per district, and a plan of new stations may choose only among them.
CREATE TABLE candidate_venues (
    id        BIGSERIAL        PRIMARY KEY,
    district  TEXT             NOT NULL,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    name      TEXT             NOT NULL,
    kind      TEXT             NOT NULL
);
CREATE INDEX candidate_venues_by_district ON candidate_venues (district);
