-- R5.2: what the push has put in a batch for a province, by record key (evaluate:<rating id>, case:<case number>).
-- The log may hold an event twice (the outbox relay publishes at least once); the province gets each rating once.
CREATE TABLE sync_push_sent (
    province    text NOT NULL,
    record_key  text NOT NULL,
    batch_id    text NOT NULL,
    PRIMARY KEY (province, record_key)
);
