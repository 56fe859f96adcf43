-- Accepted ratings: the decision "this rating exists" that intake owns. One row per rating id, so a retried
-- request finds its first answer here (request_fingerprint tells a retry from a different rating that reuses
-- the id). No personal data: the evaluator is a keyed pseudonym, and the fingerprint is a keyed hash.
CREATE TABLE rating (
    rating_id           text        PRIMARY KEY,
    event_id            uuid        NOT NULL UNIQUE,
    case_number         text        NOT NULL,
    item_code           text        NOT NULL,
    institution_code    text        NOT NULL,
    region_code         text        NOT NULL,
    channel             text        NOT NULL,
    level               smallint    NOT NULL CHECK (level BETWEEN 1 AND 5),
    origin              text        NOT NULL,
    evaluator_pseudonym text,
    request_fingerprint text        NOT NULL,
    rated_at            timestamptz NOT NULL,
    recorded_at         timestamptz NOT NULL
);

CREATE INDEX rating_case_number_idx ON rating (case_number);
