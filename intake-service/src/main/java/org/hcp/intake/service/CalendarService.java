package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;
import static org.hcp.kit.db.Transactions.query;
import static org.hcp.kit.db.Transactions.update;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.events.WorkingCalendarPublished;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.intake.domain.CaseDeadlines;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.rest.Problem.FieldError;
import org.hcp.kit.rest.ProblemException;
import org.jboss.logging.Logger;

/**
 * An operator loads a year's official holiday arrangement. It is stored, published to every service
 * (WorkingCalendarPublished), and the provisional deadlines of unrated cases are counted again with it.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final Pool pool;
    private final ReferenceData reference;
    private final OutboxRelay relay;
    private final Clock clock;

    public CalendarService(Pool pool, ReferenceData reference, OutboxRelay relay, Clock clock) {
        this.pool = pool;
        this.reference = reference;
        this.relay = relay;
        this.clock = clock;
    }

    public record Loaded(int year, int days, int deadlinesRecounted) {
    }

    public Loaded load(int year, String csv, String operator) {
        YearArrangement arrangement;
        try {
            arrangement = YearArrangement.parseCsv(year, csv == null ? "" : csv);
        } catch (YearArrangement.InvalidArrangementException e) {
            throw ProblemException.invalid(e.errors().stream()
                    .map(l -> new FieldError("line " + l.line(), l.message())).toList());
        }
        Instant now = clock.instant();
        WorkingCalendar calendar = reference.calendar().with(arrangement);
        int recounted = inTransaction(pool, tx -> {
            update(tx, "INSERT INTO calendar_year (year, csv, loaded_by, loaded_at) VALUES ($1, $2, $3, $4) "
                            + "ON CONFLICT (year) DO UPDATE SET csv = EXCLUDED.csv, loaded_by = EXCLUDED.loaded_by, "
                            + "loaded_at = EXCLUDED.loaded_at",
                    Tuple.of(year, csv, operator, now.atOffset(ZoneOffset.UTC)));
            WorkingCalendarPublished published = new WorkingCalendarPublished(year, arrangement.days(),
                    "loaded by " + operator);
            Outbox.append(tx, Topics.DIRECTORY, EventEnvelope.of(published, "CALENDAR:" + year, null, now, now,
                    null, null, RatingService.PRODUCER)).await().indefinitely();
            int n = 0;
            for (Row row : query(tx, "SELECT case_number, region_code, completed_at FROM service_case "
                    + "WHERE deadlines_provisional AND NOT rated FOR UPDATE", Tuple.tuple())) {
                Instant completed = row.getOffsetDateTime("completed_at").toInstant();
                CaseDeadlines d = CaseDeadlines.of(reference.policyFor(row.getString("region_code"), completed),
                        completed, calendar);
                n += update(tx, "UPDATE service_case SET supplementary_until = $2, reminder_due_at = $3, "
                                + "default_rating_due_at = $4, deadlines_provisional = $5 WHERE case_number = $1",
                        Tuple.of(row.getString("case_number"), utc(d.supplementaryUntil()), utc(d.reminderDueAt()),
                                utc(d.defaultRatingDueAt()), d.provisional()));
            }
            return n;
        });
        reference.reloadCalendar();
        relay.wake();
        LOG.infof("working calendar %d loaded by %s: %d days, %d provisional case deadlines recounted", year,
                operator, arrangement.days().size(), recounted);
        return new Loaded(year, arrangement.days().size(), recounted);
    }

    public List<Integer> loadedYears() {
        return List.copyOf(reference.calendar().loadedYears());
    }

    private static java.time.OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
