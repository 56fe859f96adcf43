-- R5.2: the push to the provincial platform (docs/sync.md). Operational state, not a projection: a rebuild of the
-- statistics leaves it alone. Batches go one at a time, in seq order; a batch is built from the cursor, sent until
-- the province acknowledges it (the same batch_id each time, so the province can drop a repeat), parked after
-- hcp.sync.push.max-attempts failures, never dropped.
CREATE TABLE sync_push_cursor (
    province    text PRIMARY KEY,
    cursor      text
);

CREATE TABLE sync_push_batch (
    batch_id             text PRIMARY KEY,
    province             text NOT NULL,
    seq                  bigint NOT NULL,
    cursor_from          text,
    cursor_to            text NOT NULL,
    records              integer NOT NULL,
    params               text NOT NULL,
    status               text NOT NULL CHECK (status IN ('PENDING', 'ACKNOWLEDGED', 'PARKED')),
    attempts             integer NOT NULL DEFAULT 0,
    last_error           text,
    next_attempt_at      timestamptz NOT NULL,
    created_at           timestamptz NOT NULL,
    acknowledged_at      timestamptz,
    acknowledged_records integer,
    UNIQUE (province, seq)
);

CREATE INDEX sync_push_batch_open ON sync_push_batch (province, seq) WHERE status <> 'ACKNOWLEDGED';

-- R5.2: what the push has put in a batch for a province, by record key (evaluate:<rating id>, case:<case number>).
-- The log may hold an event twice (the outbox relay publishes at least once); the province gets each rating once.
CREATE TABLE sync_push_sent (
    province    text NOT NULL,
    record_key  text NOT NULL,
    batch_id    text NOT NULL,
    PRIMARY KEY (province, record_key)
);
