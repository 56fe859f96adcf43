-- R2.1: every bad review goes at once to the unit that handled it. This is where rectification starts: the
-- ledger, its deadlines and callbacks (R2.2-R2.6) will hang off these rows.
CREATE TABLE bad_review (
    rating_id        text        PRIMARY KEY,
    event_id         uuid        NOT NULL,
    case_number      text        NOT NULL,
    institution_code text        NOT NULL,
    region_code      text        NOT NULL,
    level            smallint    NOT NULL,
    tags             text[]      NOT NULL,
    rated_at         timestamptz NOT NULL
);
CREATE INDEX bad_review_region_idx ON bad_review (region_code text_pattern_ops);
