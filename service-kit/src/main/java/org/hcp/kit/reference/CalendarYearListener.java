package org.hcp.kit.reference;

import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * A service whose open deadlines were counted provisionally re-dates them when a year's calendar is published
 * ({@link CalendarProjection}): called in the projection's transaction, after {@link ReferenceData} counts with the
 * new year, so the re-dating and the projection's offset commit together and a replayed publication finds nothing
 * left to change.
 */
public interface CalendarYearListener {

    /**
     * @param year        the year just published
     * @param publishedAt when it was recorded: the instant the new deadlines are judged at (overdue or not)
     */
    void yearPublished(SqlConnection tx, int year, Instant publishedAt);
}
