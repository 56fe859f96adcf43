-- R3.4 (TA), R6.1: whether each rating is, by its last appeal decision, found malicious (from hcp.appeals). A
-- credit record's contact read is granted only for such a case; a reinstated rating is no longer one.
CREATE TABLE malicious_finding (
    rating_id    text    PRIMARY KEY,
    case_number  text    NOT NULL,
    decision_id  text    NOT NULL,
    malicious    boolean NOT NULL
);
CREATE INDEX malicious_finding_case ON malicious_finding (case_number);
