-- R3.4 / R3.5: a rating an upheld appeal made "not adopted" counts nowhere; a reinstated one counts again. The latest
-- decision per rating is kept here (from hcp.appeals), outside the two read-model schemas, so that a rating read
-- after its decision, and a rebuild, count it as the decision says. Each fact says whether it is counted.
CREATE TABLE rating_decision (
    rating_id   text        PRIMARY KEY,
    not_adopted boolean     NOT NULL,
    decision_id text        NOT NULL,
    decided_at  timestamptz NOT NULL
);
ALTER TABLE rm_a.rating_fact ADD COLUMN adopted boolean NOT NULL DEFAULT true;
ALTER TABLE rm_b.rating_fact ADD COLUMN adopted boolean NOT NULL DEFAULT true;
