-- The statistics read model lives twice, in schemas rm_a and rm_b: one is live (projection_state says which),
-- the other is where a rebuild replays the log before the switch. Both are disposable: the log is the record.
-- How far the live one has read is in service-kit's consumed_offset (projection 'statistics').
CREATE FUNCTION create_statistics_read_model(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', target);
    -- One row per rating: what was applied (so redelivery counts nothing twice) and where it was counted.
    EXECUTE format($f$
        CREATE TABLE %I.rating_fact (
            rating_id        text     PRIMARY KEY,
            event_id         uuid     NOT NULL,
            region_code      text     NOT NULL,
            institution_code text     NOT NULL,
            channel          text     NOT NULL,
            level            smallint NOT NULL,
            origin           text     NOT NULL,
            day              date     NOT NULL
        )$f$, target);
    -- Counts per region x institution x level x day (day in Asia/Shanghai).
    EXECUTE format($f$
        CREATE TABLE %I.daily_stats (
            region_code      text     NOT NULL,
            institution_code text     NOT NULL,
            day              date     NOT NULL,
            level            smallint NOT NULL,
            ratings          bigint   NOT NULL,
            PRIMARY KEY (region_code, institution_code, day, level)
        )$f$, target);
    EXECUTE format('CREATE INDEX ON %I.daily_stats (day)', target);
END $$;

SELECT create_statistics_read_model('rm_a');
SELECT create_statistics_read_model('rm_b');

CREATE TABLE projection_state (
    projection    text        PRIMARY KEY,
    active_schema text        NOT NULL CHECK (active_schema IN ('rm_a', 'rm_b')),
    switched_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO projection_state (projection, active_schema) VALUES ('statistics', 'rm_a');
