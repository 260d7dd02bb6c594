-- Where a station-hour stands is announced on utilization.events.v1 in rounds (every few
-- seconds), not once per counted poll: a busy hour changes hundreds of times a minute, and one
-- event per change cost as much as the counting itself. The flag is set in the same statement
-- that adds the counts, so a change is never lost; a round clears it and writes the outbox rows
-- in one transaction.
ALTER TABLE utilization_hours ADD COLUMN unannounced BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX utilization_hours_unannounced ON utilization_hours (station_id, hour) WHERE unannounced;
