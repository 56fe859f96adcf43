-- 追评 (issue 29): one follow-up rating per bad review, of how it was handled; the event FollowUpRated carries the
-- rest (and the evaluator's words, which are not kept here).
CREATE TABLE follow_up_rating (
    rating_id        text PRIMARY KEY,
    follow_up_id     text NOT NULL UNIQUE,
    rectification_id text NOT NULL,
    level            smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
    channel          text NOT NULL,
    rated_at         timestamptz NOT NULL
);
