package org.hcp.kit.reference;

import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventEnvelope;
import org.hcp.events.EventJson;
import org.hcp.events.EventPayload;
import org.hcp.events.Topics;
import org.hcp.events.WorkingCalendarPublished;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.kit.messaging.EventBatch;
import org.hcp.kit.messaging.Projection;

/**
 * Keeps the working-calendar years intake publishes on hcp.directory for {@link ReferenceData}; the rest of the
 * directory is skipped. Each year published is handed to the service's {@link CalendarYearListener}s, which re-date
 * what was counted provisionally. Runs only in services that follow the directory's calendar ({@code
 * hcp.calendar.follow-directory}); its consumer group is the service's, with "-calendar".
 */
@Singleton
public class CalendarProjection extends Projection<EventPayload> {

    private final ReferenceData reference;
    private final Instance<CalendarYearListener> listeners;

    public CalendarProjection(ReferenceData reference, Instance<CalendarYearListener> listeners,
            Projection.Support support, @ConfigProperty(name = "quarkus.application.name") String service) {
        super("calendar", EventPayload.class, List.of(Topics.DIRECTORY), service + "-calendar", support);
        this.reference = reference;
        this.listeners = listeners;
    }

    @Override
    protected boolean enabled() {
        return reference.followsDirectory();
    }

    @Override
    protected void apply(SqlConnection tx, EventBatch<EventPayload> batch) {
        for (EventEnvelope<EventPayload> event : batch.events()) {
            if (event.payload() instanceof WorkingCalendarPublished year) {
                update(tx, "INSERT INTO published_calendar_year (year, envelope) VALUES ($1, $2) "
                        + "ON CONFLICT (year) DO UPDATE SET envelope = EXCLUDED.envelope",
                        Tuple.of(year.year(), EventJson.write(event)));
                reference.learn(new YearArrangement(year.year(), year.days()));
                for (CalendarYearListener listener : listeners) {
                    listener.yearPublished(tx, year.year(), event.recordedAt());
                }
            }
        }
    }
}
