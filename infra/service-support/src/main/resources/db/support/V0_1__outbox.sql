-- Events waiting to be published, written in the same transaction as the state change they
-- describe. The relay publishes rows in id order and marks them; it never keeps a "last id"
-- cursor, because ids commit out of order.
CREATE TABLE outbox (
    id            BIGSERIAL   PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    message_key   TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    payload       BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);

-- The relay's only query: what is still unpublished, oldest first.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
