-- Only the reconciliation reads visits by time (a period, then perhaps a station or district).
-- The B-tree on (station_id, visited_at) cost every stored visit a second random index insert
-- (872 MB on the devstack at 16.5 M visits); visits arrive nearly in time order, so a BRIN index
-- on visited_at finds a period's rows at a fraction of that, and the station is filtered there.
CREATE INDEX visits_by_time ON visits USING brin (visited_at);
DROP INDEX visits_by_station_time;
