-- ./hcp rebuild appeal (service/RebuildService): the appeal tables refolded from hcp.appeals by the very code that
-- writes the live ones, run on a connection whose search_path puts this schema first; then compared with the live
-- tables and put in their place. Scratch space only, emptied at the start of every rebuild. A migration that changes
-- one of these live tables changes its copy here too.
CREATE SCHEMA rebuild_appeal;
CREATE UNLOGGED TABLE rebuild_appeal.appeal (LIKE public.appeal INCLUDING ALL);
CREATE UNLOGGED TABLE rebuild_appeal.appeal_event (LIKE public.appeal_event INCLUDING ALL);
CREATE UNLOGGED TABLE rebuild_appeal.appeal_notice (LIKE public.appeal_notice INCLUDING ALL);
CREATE UNLOGGED TABLE rebuild_appeal.credit_record (LIKE public.credit_record INCLUDING ALL);
CREATE UNLOGGED TABLE rebuild_appeal.integrity_review (LIKE public.integrity_review INCLUDING ALL);
CREATE UNLOGGED TABLE rebuild_appeal.integrity_flag (LIKE public.integrity_flag INCLUDING ALL);
-- What the write path appends to the outbox during a refold lands here and is thrown away.
CREATE UNLOGGED TABLE rebuild_appeal.outbox (LIKE public.outbox INCLUDING ALL);
