-- R1.11: the directory of what can be rated. directory_entry is how it stands; directory_entry_version keeps every
-- version, so history says what a name was at the time. Every version is also a DirectoryEntryRecorded event.
CREATE TABLE directory_entry (
    kind             text        NOT NULL,
    code             text        NOT NULL,
    version          integer     NOT NULL,
    name             text        NOT NULL,
    region_code      text,
    institution_code text,
    attributes       jsonb       NOT NULL DEFAULT '{}',
    active           boolean     NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (kind, code)
);
CREATE INDEX directory_entry_region_idx ON directory_entry (kind, region_code);

CREATE TABLE directory_entry_version (
    kind             text        NOT NULL,
    code             text        NOT NULL,
    version          integer     NOT NULL,
    name             text        NOT NULL,
    region_code      text,
    institution_code text,
    attributes       jsonb       NOT NULL DEFAULT '{}',
    active           boolean     NOT NULL,
    effective_from   timestamptz NOT NULL,
    event_id         uuid        NOT NULL,
    PRIMARY KEY (kind, code, version)
);

-- Completed cases reported by business systems (CaseCompleted). The deadlines come from the jurisdiction policy and
-- the calendar when the case was reported (R1.7, R1.9); the scheduler claims due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE service_case (
    case_number           text        PRIMARY KEY,
    case_kind             text        NOT NULL,
    item_code             text        NOT NULL,
    institution_code      text        NOT NULL,
    window_code           text,
    staff_id              text,
    platform_code         text,
    region_code           text        NOT NULL,
    completed_at          timestamptz NOT NULL,
    batch_id              text,
    chain_id              text,
    visits                jsonb       NOT NULL DEFAULT '[]',
    evaluator_pseudonym   text,
    supplementary_until   timestamptz,
    reminder_due_at       timestamptz,
    reminder_issued_at    timestamptz,
    default_rating_due_at timestamptz,
    default_level         smallint,
    deadlines_provisional boolean     NOT NULL,
    rated                 boolean     NOT NULL DEFAULT false,
    event_id              uuid        NOT NULL UNIQUE,
    request_fingerprint   text        NOT NULL,
    reported_at           timestamptz NOT NULL
);
CREATE INDEX service_case_batch_idx ON service_case (batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX service_case_chain_idx ON service_case (chain_id) WHERE chain_id IS NOT NULL;
CREATE INDEX service_case_default_due_idx ON service_case (default_rating_due_at) WHERE NOT rated;
CREATE INDEX service_case_reminder_due_idx ON service_case (reminder_due_at)
    WHERE NOT rated AND reminder_issued_at IS NULL;

-- R1.4-R1.6: one rating per slot ('case', 'visit:<id>', 'chain'). The primary key is what turns 64 simultaneous
-- ratings of one case into one accepted and 63 conflicts, whatever the requests read before.
CREATE TABLE rating_slot (
    case_number text NOT NULL REFERENCES service_case (case_number),
    slot        text NOT NULL,
    rating_id   text NOT NULL,
    PRIMARY KEY (case_number, slot)
);

ALTER TABLE rating ADD COLUMN scope text NOT NULL DEFAULT 'CASE';
ALTER TABLE rating ADD COLUMN group_id text;
ALTER TABLE rating ADD COLUMN visit_id text;
ALTER TABLE rating ADD COLUMN source_rating_id text;

-- R1.10, R6.1: the evaluator's contact details, encrypted (AES-GCM) with a key per evaluator, itself wrapped by the
-- service's master key. Deleting an evaluator's key forgets them without touching the log (crypto-shredding).
CREATE TABLE evaluator_key (
    evaluator_pseudonym text        PRIMARY KEY,
    wrapped_key         bytea       NOT NULL,
    created_at          timestamptz NOT NULL
);
CREATE TABLE evaluator_contact (
    case_number         text        PRIMARY KEY REFERENCES service_case (case_number),
    evaluator_pseudonym text        NOT NULL,
    sealed              bytea       NOT NULL
);
-- Every reading of contact details: who, in which role, why, when (R6.1). Never the details themselves.
CREATE TABLE contact_access (
    id          bigserial   PRIMARY KEY,
    case_number text        NOT NULL,
    accessed_by text        NOT NULL,
    role        text        NOT NULL,
    purpose     text        NOT NULL,
    outcome     text        NOT NULL,
    accessed_at timestamptz NOT NULL
);

-- Working calendars an operator loaded (beyond the shipped years); also published as WorkingCalendarPublished.
CREATE TABLE calendar_year (
    year      integer     PRIMARY KEY,
    csv       text        NOT NULL,
    loaded_by text        NOT NULL,
    loaded_at timestamptz NOT NULL
);
