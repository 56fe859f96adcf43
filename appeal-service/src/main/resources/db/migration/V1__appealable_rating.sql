-- R3.1: the institution, platform or staff member that received a level 1 or 2 rating may appeal it. Appeal case
-- files, windows (R3.2) and decisions (R3.4, R3.5) will hang off these rows.
CREATE TABLE appealable_rating (
    rating_id        text        PRIMARY KEY,
    event_id         uuid        NOT NULL,
    institution_code text        NOT NULL,
    region_code      text        NOT NULL,
    level            smallint    NOT NULL,
    rated_at         timestamptz NOT NULL
);
CREATE INDEX appealable_rating_region_idx ON appealable_rating (region_code text_pattern_ops);
