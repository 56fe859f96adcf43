-- Integrity reviews (R6.3). integrity_rating: what the detection rules need of each evaluator's own rating (no
-- identity: the evaluator is the keyed pseudonym intake published), refilled from hcp.ratings. integrity_flag: what
-- the rules found per subject and local day, and what reviews judged. integrity_review: this service's record of its
-- review events, written with their outbox rows.
CREATE TABLE integrity_rating (
    rating_id         text        PRIMARY KEY,
    case_number       text        NOT NULL,
    region_code       text        NOT NULL,
    institution_code  text        NOT NULL,
    window_code       text,
    staff_id          text,
    channel           text        NOT NULL,
    level             smallint    NOT NULL,
    evaluator         text,
    rated_at          timestamptz NOT NULL,
    after_completion_ms bigint
);
CREATE INDEX integrity_rating_evaluator_idx ON integrity_rating (evaluator, rated_at) WHERE evaluator IS NOT NULL;
CREATE INDEX integrity_rating_window_idx ON integrity_rating (window_code, rated_at) WHERE window_code IS NOT NULL;

CREATE TABLE integrity_flag (
    flag_id        text        PRIMARY KEY,
    rule           text        NOT NULL,
    subject        text        NOT NULL,
    day            date        NOT NULL,
    region_code    text        NOT NULL,
    rating_ids     text[]      NOT NULL,
    distinct_count int         NOT NULL,
    first_at       timestamptz NOT NULL,
    last_at        timestamptz NOT NULL,
    reviewed       text[]      NOT NULL,
    last_outcome   text,
    reviews        int         NOT NULL,
    status         text        NOT NULL,
    pending        int         NOT NULL
);
CREATE INDEX integrity_flag_region_idx ON integrity_flag (region_code text_pattern_ops, status, first_at);

CREATE TABLE integrity_review (
    flag_id  text NOT NULL,
    seq      int  NOT NULL,
    event_id uuid NOT NULL UNIQUE,
    envelope text NOT NULL,
    PRIMARY KEY (flag_id, seq)
);
