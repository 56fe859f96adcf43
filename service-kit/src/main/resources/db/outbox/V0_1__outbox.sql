-- The transactional outbox (docs/architecture.md, "Writing"): a service writes its decision and the event that
-- announces it in one transaction; the relay publishes rows in id order and deletes them once Kafka has
-- acknowledged them. Version 0.1 so that it sorts before every service's own migrations.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    event_type  text        NOT NULL,
    envelope    text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
