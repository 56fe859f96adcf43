-- The working-calendar years intake publishes on hcp.directory (WorkingCalendarPublished), kept by every service
-- that counts working days (org.hcp.kit.reference.CalendarProjection; opt in with hcp.calendar.follow-directory and
-- the flyway location db/calendar). Repeatable and idempotent, so it fits databases that already have the table.
CREATE TABLE IF NOT EXISTS calendar_year (
    year     int  PRIMARY KEY,
    envelope text NOT NULL
);
