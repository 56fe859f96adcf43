-- The province push moved to sync-service, with its own database (docs/sync.md). Its state here is dead: the new
-- service starts its push from the first record, and the province drops what it already has by batch and record id.
DROP TABLE IF EXISTS sync_push_sent;
DROP TABLE IF EXISTS sync_push_batch;
DROP TABLE IF EXISTS sync_push_cursor;
