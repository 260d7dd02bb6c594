-- Each station's busy/idle standing as last published on utilization.events.v1
-- (utilization.standing-changed): the next round publishes only the stations whose level or
-- closed-when-needed differ from this, or that have no row yet.
CREATE TABLE utilization_standings_published (
  station_id         uuid PRIMARY KEY,
  level              text NOT NULL,
  closed_when_needed boolean NOT NULL,
  judged_to          date NOT NULL,
  published_at       timestamptz NOT NULL
);

-- When utilization was last emptied for a rebuild, written in the transaction that empties it.
-- Until a rebuild finishes after it, the counts are partial and no standing is published: the
-- rebuild's own row is saved only after the emptying, too late to tell a round in between.
CREATE TABLE utilization_cleared (
  only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  cleared_at timestamptz NOT NULL
);
