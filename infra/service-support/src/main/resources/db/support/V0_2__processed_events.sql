-- The inbox: which events each consumer has applied. Inserted in the same transaction as the
-- consumer's effect, so a redelivered event finds its row and changes nothing.
CREATE TABLE processed_events (
    consumer      TEXT        NOT NULL,
    event_id      UUID        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
