-- R1.8 channels. A rating link (QR code, SMS link) is signed and self-describing; this row makes it single-use
-- and revocable. used_at is set in the transaction that records its rating.
CREATE TABLE rating_link (
    link_id     text PRIMARY KEY,
    case_number text NOT NULL REFERENCES service_case (case_number),
    visit_id    text,
    channel     text NOT NULL,
    issued_by   text NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    rating_id   text
);
CREATE INDEX rating_link_case ON rating_link (case_number);

-- An SMS sent to an evaluator after completion; a digit reply from the same phone rates its case. The phone is
-- kept only as a keyed pseudonym (R6.1): enough to match a reply, never readable.
CREATE TABLE sms_invitation (
    invitation_id text PRIMARY KEY,
    case_number   text NOT NULL REFERENCES service_case (case_number),
    visit_id      text,
    phone_key     text NOT NULL,
    link_id       text NOT NULL REFERENCES rating_link (link_id),
    sent_at       timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    answered_at   timestamptz,
    rating_id     text
);
CREATE INDEX sms_invitation_open ON sms_invitation (phone_key, sent_at DESC) WHERE answered_at IS NULL;

-- Every inbound reply, once: a gateway retrying the same message id gets the first answer.
CREATE TABLE sms_reply (
    message_id    text PRIMARY KEY,
    invitation_id text,
    outcome       text NOT NULL,
    reply         text NOT NULL,
    rating_id     text,
    received_at   timestamptz NOT NULL
);
