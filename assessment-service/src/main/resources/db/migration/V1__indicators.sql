-- Per station, the facts that feed "service effectiveness" (服务质效) in star assessments.
-- A visit may arrive before its station's registration (two topics, no order between them):
-- the row is created by whichever comes first, and the registration fills in the rest.
CREATE TABLE station_indicators (
    station_id               UUID        PRIMARY KEY,
    name                     TEXT,
    kind                     TEXT,
    district                 TEXT,
    listed_at                TIMESTAMPTZ,
    visits_total             BIGINT      NOT NULL DEFAULT 0,
    new_employment_visits    BIGINT      NOT NULL DEFAULT 0,
    first_visit_at           TIMESTAMPTZ,
    last_visit_at            TIMESTAMPTZ
);
