-- Notices to people in a station's responsibility chain. One notice per triggering event and
-- recipient: the unique key makes a redelivered event harmless even outside the inbox.
CREATE TABLE notices (
    id                 UUID        PRIMARY KEY,
    station_id         UUID        NOT NULL,
    cause_event_id     UUID        NOT NULL,
    kind               TEXT        NOT NULL,
    recipient_role     TEXT        NOT NULL,
    recipient_name     TEXT        NOT NULL,
    recipient_contact  TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    subject            TEXT        NOT NULL,
    body               TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (cause_event_id, recipient_role)
);

CREATE INDEX notices_by_station ON notices (station_id, created_at DESC);
