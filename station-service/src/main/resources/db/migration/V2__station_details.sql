-- Part 2: what a district union records about a station beyond its place and manager.
ALTER TABLE stations
    ADD COLUMN build_mode           TEXT,
    ADD COLUMN partner              TEXT,
    ADD COLUMN area_type            TEXT,
    ADD COLUMN contact_phone        TEXT,
    ADD COLUMN photo_urls           TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN hours                JSONB,
    ADD COLUMN amenities            TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN regional_head_name   TEXT,
    ADD COLUMN regional_head_phone  TEXT,
    ADD COLUMN district_chief_name  TEXT,
    ADD COLUMN district_chief_phone TEXT,
    ADD COLUMN status               TEXT        NOT NULL DEFAULT 'ACTIVE';

-- Every lifecycle move, by whom and why: the union must be able to say why a station closed.
CREATE TABLE station_status_history (
    station_id  UUID        NOT NULL REFERENCES stations (id),
    version     BIGINT      NOT NULL,
    from_status TEXT        NOT NULL,
    to_status   TEXT        NOT NULL,
    changed_by  TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, version)
);

-- The amenities a station may list, and which belong to the base standard of each kind:
-- "eight haves" (八有) for a care station, "six haves" (六有) for a service point. The union's
-- report names the standards but not their items, so they are data, changed without a release.
CREATE TABLE amenity_catalog (
    code                    TEXT    PRIMARY KEY,
    name_zh                 TEXT    NOT NULL,
    base_for_care_station   BOOLEAN NOT NULL,
    base_for_service_point  BOOLEAN NOT NULL,
    sort_order              INT     NOT NULL
);

INSERT INTO amenity_catalog (code, name_zh, base_for_care_station, base_for_service_point, sort_order) VALUES
    ('SIGN',            '统一标识',       TRUE,  TRUE,  1),
    ('SEATING',         '休息座椅',       TRUE,  TRUE,  2),
    ('DRINKING_WATER',  '饮用水',         TRUE,  TRUE,  3),
    ('HEATING_COOLING', '冷暖设备',       TRUE,  TRUE,  4),
    ('TOILET_ACCESS',   '卫生间',         TRUE,  TRUE,  5),
    ('FIRST_AID_KIT',   '急救药箱',       TRUE,  TRUE,  6),
    ('MICROWAVE',       '微波炉',         TRUE,  FALSE, 7),
    ('CHARGING',        '充电设施',       TRUE,  FALSE, 8),
    ('BOOKS',           '书报',           FALSE, FALSE, 9),
    ('WIFI',            '无线网络',       FALSE, FALSE, 10),
    ('TYRE_PUMP',       '打气筒',         FALSE, FALSE, 11),
    ('RAIN_GEAR',       '雨衣雨伞',       FALSE, FALSE, 12),
    ('SEASONAL_SUPPLIES','防暑降温/防寒保暖物资', FALSE, FALSE, 13);
