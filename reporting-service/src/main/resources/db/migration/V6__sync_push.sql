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
