-- R3.4: a decision's notices to the appellant and to the registering department, and (TA) the malicious evaluator's
-- credit record, holding the keyed pseudonym and the decision, never the identity. Both are functions of the appeal
-- events and the policy. appealable_rating learns who registered each rating and its evaluator's pseudonym: its
-- projection reads hcp.ratings again from the start to fill them in.
ALTER TABLE appealable_rating ADD COLUMN registered_by text;
ALTER TABLE appealable_rating ADD COLUMN evaluator_pseudonym text;
DELETE FROM consumed_offset WHERE projection = 'appealable-ratings';

CREATE TABLE appeal_notice (
    notice_id    text        PRIMARY KEY,
    rating_id    text        NOT NULL,
    appeal_id    text,
    case_number  text        NOT NULL,
    addressee    text        NOT NULL,
    recipients   text[]      NOT NULL,
    region_code  text        NOT NULL,
    decision     text        NOT NULL,
    malicious    boolean     NOT NULL,
    reason       text        NOT NULL,
    issued_at    timestamptz NOT NULL
);
CREATE INDEX appeal_notice_addressee_idx ON appeal_notice (addressee, notice_id);
CREATE INDEX appeal_notice_region_idx ON appeal_notice (region_code text_pattern_ops, notice_id);

CREATE TABLE credit_record (
    rating_id           text        PRIMARY KEY,
    evaluator_pseudonym text        NOT NULL,
    region_code         text        NOT NULL,
    decision_id         text        NOT NULL,
    reason              text        NOT NULL,
    decided_at          timestamptz NOT NULL,
    withdrawn_at        timestamptz
);
CREATE INDEX credit_record_region_idx ON credit_record (region_code text_pattern_ops, decided_at);
