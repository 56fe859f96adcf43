-- The working-calendar years intake publishes on hcp.directory (WorkingCalendarPublished), kept by every service
-- that counts working days (org.hcp.kit.reference.CalendarProjection; opt in with hcp.calendar.follow-directory and
-- the flyway location db/calendar). Named apart from intake's calendar_year, which holds the years an operator
-- loaded (their CSV): the same name for two shapes misled readers. Repeatable and idempotent: a database made
-- before takes its calendar_year (year, envelope) under the new name, rows and all.
DO $$
BEGIN
    IF to_regclass('calendar_year') IS NOT NULL AND to_regclass('published_calendar_year') IS NULL
            AND EXISTS (SELECT 1 FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'calendar_year'
                          AND column_name = 'envelope') THEN
        ALTER TABLE calendar_year RENAME TO published_calendar_year;
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS published_calendar_year (
    year     int  PRIMARY KEY,
    envelope text NOT NULL
);
