-- Part 2: upkeep. Task kinds are data: the union can add one or change an interval without a release.
CREATE TABLE maintenance_task_kinds (
    code          TEXT PRIMARY KEY,
    name_zh       TEXT NOT NULL,
    interval_days INT  NOT NULL CHECK (interval_days > 0),
    sort_order    INT  NOT NULL
);

-- The report names the four kinds; it gives no intervals. These are a first proposal for the
-- union to confirm: cleaning daily, consumables and the service register weekly, equipment monthly.
INSERT INTO maintenance_task_kinds (code, name_zh, interval_days, sort_order) VALUES
    ('CLEANING',         '环境清洁',     1,  1),
    ('RESTOCKING',       '消耗品增添',   7,  2),
    ('SERVICE_REGISTER', '服务情况登记', 7,  3),
    ('EQUIPMENT_UPKEEP', '设备维护',     30, 4);

-- Every task recorded done. Kept whole: assessment counts them, and a manager's history matters
-- when managers change.
CREATE TABLE maintenance_records (
    id          UUID        PRIMARY KEY,
    station_id  UUID        NOT NULL REFERENCES stations (id),
    task        TEXT        NOT NULL REFERENCES maintenance_task_kinds (code),
    done_at     TIMESTAMPTZ NOT NULL,
    done_by     TEXT        NOT NULL,
    note        TEXT,
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX maintenance_records_by_station ON maintenance_records (station_id, done_at DESC);

-- The latest completion per station and task: what the due date is counted from. A late
-- transcription of older work never moves it back.
CREATE TABLE maintenance_last_done (
    station_id UUID        NOT NULL REFERENCES stations (id),
    task       TEXT        NOT NULL REFERENCES maintenance_task_kinds (code),
    done_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, task)
);

-- Which tier each overdue (station, task, due date) has been announced to, so each person is
-- told once per lapse however often the escalation round runs.
CREATE TABLE maintenance_escalations (
    station_id   UUID        NOT NULL,
    task         TEXT        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    tier         TEXT        NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, task, due_at, tier)
);

-- Activities a station holds (特色活动); assessment counts them.
CREATE TABLE station_activities (
    id           UUID        PRIMARY KEY,
    station_id   UUID        NOT NULL REFERENCES stations (id),
    kind         TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    held_on      DATE        NOT NULL,
    participants INT,
    logged_by    TEXT        NOT NULL,
    note         TEXT,
    logged_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX station_activities_by_station ON station_activities (station_id, held_on DESC);
CREATE INDEX station_activities_by_day ON station_activities (held_on);
