-- The appeal case file shows the rating's rectification as it goes (R3): which rectification answers each rating, and
-- its steps as rectification-service published them on hcp.rectifications (no evaluator identity travels there).
CREATE TABLE rectification_link (
    rating_id         text PRIMARY KEY,
    rectification_id  text NOT NULL
);

CREATE TABLE rectification_step (
    event_id          uuid        PRIMARY KEY,
    rectification_id  text        NOT NULL,
    type              text        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    envelope          text        NOT NULL
);
CREATE INDEX rectification_step_idx ON rectification_step (rectification_id, recorded_at);
