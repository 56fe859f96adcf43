-- R4.3 (issue 30): where the bulletin copy stands, so that the next publication adds only the events recorded since,
-- instead of replaying the whole log: the cut-off it was filled to, and per partition (as JSON) the offset the next
-- fill resumes from and the end the last fill reached.
-- No row: the copy is refilled from the start (after a failed fill, and once after each start of the service, whose
-- new version may count differently).
CREATE TABLE bulletin_copy (
    singleton boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    cut_off   timestamptz NOT NULL,
    offsets   text        NOT NULL
);
