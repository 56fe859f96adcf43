-- A replayed request answers with every case its rating was recorded for (a batch or chain rating, R1.5/R1.6):
-- found by the request's rating id, without scanning the table.
CREATE INDEX rating_source_rating_id_idx ON rating (source_rating_id);

-- service_case.rated is set by the default-rating scheduler for the rated cases it meets, no longer by each rating
-- request: a request then updates no indexed column (docs/performance.md). rating_slot is what says a case is rated.
COMMENT ON COLUMN service_case.rated IS 'set lazily by the scheduler; rating_slot is authoritative';
