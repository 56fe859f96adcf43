-- The rectification ledger (R2). rectification_event is this service's own record of every rectification's events,
-- written in the same transaction as their outbox rows: a command folds them to decide (domain/RectificationState).
-- rectification is the ledger row the same fold gives (domain/LedgerEntry), for queries. Both can be rebuilt from
-- hcp.rectifications (./hcp rebuild rectification). No evaluator identity is stored here: only "real-name or not".
DROP TABLE bad_review;
DELETE FROM consumed_offset WHERE projection = 'bad-reviews';

CREATE TABLE rectification_event (
    rectification_id text NOT NULL,
    seq              int  NOT NULL,
    event_id         uuid NOT NULL UNIQUE,
    envelope         text NOT NULL,
    PRIMARY KEY (rectification_id, seq)
);

CREATE TABLE rectification (
    rectification_id      text        PRIMARY KEY,
    region_code           text        NOT NULL,
    institution_code      text        NOT NULL,
    window_code           text,
    staff_id              text,
    item_code             text        NOT NULL,
    channel               text        NOT NULL,
    level                 smallint    NOT NULL,
    tags                  text[]      NOT NULL,
    rating_ids            text[]      NOT NULL,
    case_numbers          text[]      NOT NULL,
    real_name             boolean     NOT NULL,
    status                text        NOT NULL,
    responsible_person    text,
    callback_attempts     int         NOT NULL,
    callback_due_at       timestamptz,
    first_contact_at      timestamptz,
    classification        text,
    due_at                timestamptz,
    feedback_due_at       timestamptz,
    resolution            text,
    measures              text,
    resolved_at           timestamptz,
    verification_due_at   timestamptz,
    last_feedback_at      timestamptz,
    overdue_steps         text[]      NOT NULL,
    late                  boolean     NOT NULL,
    interviewed           boolean     NOT NULL,
    deadlines_provisional boolean     NOT NULL,
    rated_at              timestamptz NOT NULL,
    opened_at             timestamptz NOT NULL,
    closed_at             timestamptz,
    closed_on_time        boolean,
    next_due_at           timestamptz,
    overdue_check_at      timestamptz,
    events                int         NOT NULL
);
-- A handler lists its institution's by state and due date; a bureau its region's; the scheduler what is due.
CREATE INDEX rectification_institution_idx ON rectification (institution_code, status, next_due_at);
CREATE INDEX rectification_region_idx ON rectification (region_code text_pattern_ops, next_due_at);
CREATE INDEX rectification_overdue_check_idx ON rectification (overdue_check_at) WHERE overdue_check_at IS NOT NULL;
CREATE INDEX rectification_rating_idx ON rectification USING gin (rating_ids);
CREATE INDEX rectification_tags_idx ON rectification USING gin (tags);

-- The latest appeal decision on each rating (hcp.appeals), so a not-adopted decision read before its rating still
-- withdraws the rectification the rating opens (R3.4), whichever arrives first.
CREATE TABLE rating_decision (
    rating_id    text        PRIMARY KEY,
    not_adopted  boolean     NOT NULL,
    decision_id  text        NOT NULL,
    decided_at   timestamptz NOT NULL
);

-- The working-calendar years published on hcp.directory (the WorkingCalendarPublished event), for deadlines.
CREATE TABLE calendar_year (
    year     int  PRIMARY KEY,
    envelope text NOT NULL
);
