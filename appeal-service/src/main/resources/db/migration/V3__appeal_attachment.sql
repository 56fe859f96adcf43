-- R3.1: an appeal's evidence, kept here with its SHA-256 (the event carries the hash and metadata, never the bytes).
-- Downloadable only by the appellant's institution and the bureau over its region.
CREATE TABLE appeal_attachment (
    attachment_id text        PRIMARY KEY,
    rating_id     text        NOT NULL,
    file_name     text        NOT NULL,
    media_type    text        NOT NULL,
    size_bytes    int         NOT NULL,
    sha256        text        NOT NULL,
    content       bytea       NOT NULL,
    added_by      text        NOT NULL,
    added_at      timestamptz NOT NULL
);
CREATE INDEX appeal_attachment_rating_idx ON appeal_attachment (rating_id);
