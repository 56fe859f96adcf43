-- Issue 29: the short messages intake sends evaluators itself (docs/messages.md). message_id names the trigger
-- (invitation:<case>, reminder:<case>, feedback:<rating>), so a trigger seen twice queues one message. No phone
-- number is kept: the sender opens the case's sealed contact when it sends, and phone_key is the number's keyed
-- pseudonym (for the daily cap and 退订), set then.
CREATE TABLE outbound_message (
    message_id      text PRIMARY KEY,
    kind            text        NOT NULL,
    case_number     text        NOT NULL,
    rating_id       text,
    status          text        NOT NULL,
    not_before      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    phone_key       text,
    body            text,
    segments        integer,
    smsc_message_id text,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    done_at         timestamptz,
    claimed_until   timestamptz
);
CREATE INDEX outbound_message_due ON outbound_message (not_before) WHERE status = 'PENDING';
CREATE INDEX outbound_message_sending ON outbound_message (claimed_until) WHERE status = 'SENDING';
CREATE INDEX outbound_message_smsc ON outbound_message (smsc_message_id) WHERE smsc_message_id IS NOT NULL;
CREATE INDEX outbound_message_phone_day ON outbound_message (phone_key, sent_at) WHERE sent_at IS NOT NULL;

-- 退订: a phone that replied TD gets no more messages (a reply to its own message excepted).
CREATE TABLE sms_opt_out (
    phone_key    text PRIMARY KEY,
    opted_out_at timestamptz NOT NULL
);
