-- R2.4, issue 29: what the evaluator's link shows of a bad review's rectification, projected from hcp.rectifications
-- (RectificationProgressProjection). Only what the evaluator may see: no staff names, notes or contacts.
CREATE TABLE rectification_progress (
    rectification_id    text PRIMARY KEY,
    institution_code    text NOT NULL,
    region_code         text NOT NULL,
    opened_at           timestamptz NOT NULL,
    classification      text,
    callback_due_at     timestamptz,
    due_at              timestamptz,
    feedback_due_at     timestamptz,
    verification_due_at timestamptz
);

-- Each rating the rectification covers; withdrawn while an upheld appeal has it not adopted (R3.4).
CREATE TABLE rectification_progress_rating (
    rating_id        text PRIMARY KEY,
    rectification_id text NOT NULL,
    withdrawn        boolean NOT NULL DEFAULT false
);

-- The steps, once each (an event applied again changes nothing). code: the step's outcome (REACHED, CLEAR, RECTIFIED,
-- a feedback's means, true/false); detail: the measures or the feedback written for the evaluator; rating_id: the
-- rating a withdrawal or resumption is about.
CREATE TABLE rectification_progress_step (
    rectification_id text NOT NULL,
    event_id         text NOT NULL,
    kind             text NOT NULL,
    at               timestamptz NOT NULL,
    code             text,
    detail           text,
    rating_id        text,
    PRIMARY KEY (rectification_id, event_id)
);
