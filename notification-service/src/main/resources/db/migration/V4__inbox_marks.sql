-- What each reader has been shown of their inbox: the time of the newest notice on the first page
-- they opened. The staff pages' "我的通知（3 条新）" counts from it, so that a notice read at the desk
-- is no longer new on the phone.
CREATE TABLE inbox_marks (
    reader     TEXT        PRIMARY KEY,
    seen_up_to TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
