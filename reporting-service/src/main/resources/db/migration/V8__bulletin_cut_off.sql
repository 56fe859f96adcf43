-- R4.3: a bulletin is composed from the log as of its cut-off, not from the live counters (which already hold what
-- was recorded after it): a third copy of the read model, rm_bulletin, is refilled by replaying the log up to the
-- cut-off each time bulletins are published, and never live.
SELECT create_statistics_read_model('rm_bulletin');
CREATE TABLE rm_bulletin.directory_name (LIKE rm_a.directory_name INCLUDING ALL);
