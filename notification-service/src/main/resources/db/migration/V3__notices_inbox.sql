-- Inboxes (GET /api/notifications/inbox): a district union's newest notices, and the city's; a
-- manager's go by station (notices_by_station).
CREATE INDEX notices_by_district ON notices (district, created_at DESC, id DESC);
CREATE INDEX notices_by_time ON notices (created_at DESC, id DESC);
