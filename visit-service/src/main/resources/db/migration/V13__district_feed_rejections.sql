-- Visits a district system produced to visit.inbound.v1 that broke a rule, with the same reasons
-- visit.inbound.v1.dlq carries, kept where each district can read its own: the DLQ mixes every
-- district's records, so a district system cannot be let read it. Pruned with the inboxes.
CREATE TABLE district_feed_rejections (
  event_id    uuid PRIMARY KEY,
  rejected_at timestamptz NOT NULL DEFAULT now(),
  -- null when the station is not known: only the city reads those
  district    text,
  station_id  text,
  visit_id    text,
  reason      text NOT NULL
);
CREATE INDEX district_feed_rejections_by_district ON district_feed_rejections (district, rejected_at DESC);
CREATE INDEX district_feed_rejections_by_time ON district_feed_rejections (rejected_at);
