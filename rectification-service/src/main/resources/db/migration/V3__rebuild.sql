-- ./hcp rebuild rectification (service/RebuildService): hcp.rectifications is replayed into rebuild_event, numbered
-- and folded into rebuild_rectification_event and rebuild_rectification, compared with the live tables, and put in
-- their place. Scratch space only: unlogged, emptied at the start of every rebuild.
CREATE UNLOGGED TABLE rebuild_event (
    rectification_id text   NOT NULL,
    kafka_partition  int    NOT NULL,
    kafka_offset     bigint NOT NULL,
    event_id         uuid   NOT NULL UNIQUE,
    envelope         text   NOT NULL
);
CREATE INDEX ON rebuild_event (rectification_id);
CREATE UNLOGGED TABLE rebuild_rectification_event (LIKE rectification_event INCLUDING DEFAULTS);
CREATE INDEX ON rebuild_rectification_event (rectification_id, seq);
CREATE UNLOGGED TABLE rebuild_rectification (LIKE rectification INCLUDING DEFAULTS);
CREATE INDEX ON rebuild_rectification (rectification_id);
