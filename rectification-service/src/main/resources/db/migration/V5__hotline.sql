-- docs/hotline.md: bad reviews handed to the city's 12345 platform as work orders, where the policy says so. A row is
-- queued in the transaction that opens the rectification and sent until the platform takes it, with back-off; parked
-- after max-attempts and tried again after parked-retry. The work order's id is the same on every attempt.
CREATE TABLE hotline_dispatch (
    rectification_id text PRIMARY KEY,
    subscriber       text        NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz
);
CREATE INDEX hotline_dispatch_due ON hotline_dispatch (next_attempt_at) WHERE status <> 'SENT';

-- Each reply of the 12345 platform, once: the same reply sent again gets the first answer.
CREATE TABLE hotline_reply (
    subscriber       text        NOT NULL,
    reply_id         text        NOT NULL,
    rectification_id text        NOT NULL,
    received_at      timestamptz NOT NULL,
    PRIMARY KEY (subscriber, reply_id)
);
