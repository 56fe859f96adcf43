-- Every R4.1 figure by every R4.2 dimension (docs/figures.md). The read model is rebuilt from the log rather than
-- migrated: both schemas are created anew and the statistics projection starts again from the first offsets.
-- Each schema holds facts (one row per rating, case, rectification and appeal: the state the counts follow from) and
-- aggregates (counters per dimension member, region, institution, period and measure), and the latest appeal decision
-- per rating, so that everything a rebuild produces is in the schema it rebuilds.
DROP SCHEMA rm_a CASCADE;
DROP SCHEMA rm_b CASCADE;
DROP TABLE rating_decision;
DROP FUNCTION create_statistics_read_model(text);
DELETE FROM consumed_offset WHERE projection IN ('statistics', 'appeal-decisions');
UPDATE projection_state SET active_schema = 'rm_a', switched_at = now() WHERE projection = 'statistics';

CREATE FUNCTION create_statistics_read_model(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', target);
    EXECUTE format($f$
        CREATE TABLE %I.rating_fact (
            rating_id        text     PRIMARY KEY,
            event_id         uuid     NOT NULL,
            case_number      text     NOT NULL,
            region_code      text     NOT NULL,
            institution_code text     NOT NULL,
            window_code      text,
            staff_id         text,
            platform_code    text,
            item_code        text     NOT NULL,
            channel          text     NOT NULL,
            level            smallint NOT NULL,
            origin           text     NOT NULL,
            day              date     NOT NULL,
            tags             text[]   NOT NULL,
            adopted          boolean  NOT NULL
        )$f$, target);
    -- R3.4 / R3.5: the latest decision per rating, whether or not the rating has been read yet.
    EXECUTE format($f$
        CREATE TABLE %I.rating_decision (
            rating_id   text        PRIMARY KEY,
            not_adopted boolean     NOT NULL,
            decision_id text        NOT NULL,
            decided_at  timestamptz NOT NULL
        )$f$, target);
    EXECUTE format($f$
        CREATE TABLE %I.case_fact (
            case_number       text    PRIMARY KEY,
            region_code       text    NOT NULL,
            institution_code  text    NOT NULL,
            window_code       text,
            staff_id          text,
            platform_code     text,
            item_code         text,
            completed_day     date,
            evaluator_ratings integer NOT NULL
        )$f$, target);
    EXECUTE format($f$
        CREATE TABLE %I.rectification_fact (
            rectification_id text    PRIMARY KEY,
            region_code      text    NOT NULL,
            institution_code text    NOT NULL,
            window_code      text,
            staff_id         text,
            item_code        text,
            channel          text,
            day              date    NOT NULL,
            real_name        boolean NOT NULL,
            withdrawn        boolean NOT NULL,
            closed           boolean NOT NULL,
            on_time          boolean NOT NULL,
            called_back      boolean NOT NULL
        )$f$, target);
    EXECUTE format($f$
        CREATE TABLE %I.appeal_fact (
            appeal_id        text    PRIMARY KEY,
            region_code      text    NOT NULL,
            institution_code text    NOT NULL,
            day              date    NOT NULL,
            upheld           boolean NOT NULL
        )$f$, target);
    -- Counters. dim is total (member ''), window, staff, platform, item or channel. Region codes sort in "C" order,
    -- so that a GB/T 2260 prefix is an index range (R4.2 roll-up).
    EXECUTE format($f$
        CREATE TABLE %I.agg_day (
            dim              text   NOT NULL,
            region_code      text   COLLATE "C" NOT NULL,
            institution_code text   NOT NULL,
            member           text   NOT NULL,
            day              date   NOT NULL,
            measure          text   NOT NULL,
            n                bigint NOT NULL,
            PRIMARY KEY (dim, region_code, institution_code, member, day, measure)
        )$f$, target);
    EXECUTE format($f$
        CREATE TABLE %I.agg_month (
            dim              text   NOT NULL,
            region_code      text   COLLATE "C" NOT NULL,
            institution_code text   NOT NULL,
            member           text   NOT NULL,
            month            date   NOT NULL,
            measure          text   NOT NULL,
            n                bigint NOT NULL,
            PRIMARY KEY (dim, region_code, institution_code, member, month, measure)
        )$f$, target);
    EXECUTE format('CREATE INDEX ON %I.agg_day (dim, day)', target);
    EXECUTE format('CREATE INDEX ON %I.agg_month (dim, month)', target);
END $$;

SELECT create_statistics_read_model('rm_a');
SELECT create_statistics_read_model('rm_b');
