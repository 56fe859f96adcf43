-- Appeals (R3). appealable_rating now also keeps the case number, the rating's origin and when intake recorded it
-- (the unit received the bad review then: the appeal window counts from it, R3.2); it is refilled from hcp.ratings.
-- appeal_event is this service's own record of each rating's appeal events, written with their outbox rows; appeal
-- is the row their fold gives, for the bureau's queue. Neither holds the evaluator's identity.
DROP TABLE appealable_rating;
DELETE FROM consumed_offset WHERE projection = 'appealable-ratings';

CREATE TABLE appealable_rating (
    rating_id        text        PRIMARY KEY,
    event_id         uuid        NOT NULL,
    case_number      text        NOT NULL,
    institution_code text        NOT NULL,
    region_code      text        NOT NULL,
    level            smallint    NOT NULL,
    origin           text        NOT NULL,
    rated_at         timestamptz NOT NULL,
    received_at      timestamptz NOT NULL
);
CREATE INDEX appealable_rating_region_idx ON appealable_rating (region_code text_pattern_ops);
CREATE INDEX appealable_rating_institution_idx ON appealable_rating (institution_code);

CREATE TABLE appeal_event (
    rating_id text NOT NULL,
    seq       int  NOT NULL,
    event_id  uuid NOT NULL UNIQUE,
    envelope  text NOT NULL,
    PRIMARY KEY (rating_id, seq)
);

CREATE TABLE appeal (
    rating_id        text        PRIMARY KEY,
    appeal_id        text        NOT NULL UNIQUE,
    case_number      text        NOT NULL,
    institution_code text        NOT NULL,
    region_code      text        NOT NULL,
    level            smallint    NOT NULL,
    appellant        text        NOT NULL,
    grounds          text        NOT NULL,
    status           text        NOT NULL,
    not_adopted      boolean     NOT NULL,
    received_at      timestamptz NOT NULL,
    filed_at         timestamptz NOT NULL,
    window_due_at    timestamptz,
    decision_due_at  timestamptz,
    decided_at       timestamptz,
    verifications    int         NOT NULL,
    evidence         int         NOT NULL,
    overdue          boolean     NOT NULL,
    overdue_check_at timestamptz,
    events           int         NOT NULL
);
CREATE INDEX appeal_region_idx ON appeal (region_code text_pattern_ops, decision_due_at);
CREATE INDEX appeal_institution_idx ON appeal (institution_code, status);
CREATE INDEX appeal_overdue_check_idx ON appeal (overdue_check_at) WHERE overdue_check_at IS NOT NULL;
