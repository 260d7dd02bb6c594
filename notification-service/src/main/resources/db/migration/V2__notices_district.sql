-- The station's district, whose union may read its notices (the events that cause a notice all
-- name it). Notices written before have none: only the city and the station's own people read those.
ALTER TABLE notices ADD COLUMN district TEXT;
