package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.inTransaction;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hcp.events.CaseDeadlinesRedated;
import org.hcp.events.EventEnvelope;
import org.hcp.events.Topics;
import org.hcp.events.WorkingCalendarPublished;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.CaseDeadlines;
import org.hcp.intake.domain.ServiceCase;
import org.hcp.intake.repository.CalendarYearRepository;
import org.hcp.intake.repository.CaseRepository;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.outbox.OutboxRelay;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Correlation;
import org.jboss.logging.Logger;

/**
 * An operator loads a year's official holiday arrangement. It is stored, published to every service
 * (WorkingCalendarPublished), and the provisional deadlines of unrated cases are counted again with it, each move
 * recorded as CaseDeadlinesRedated.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final Pool pool;
    private final CaseRepository cases;
    private final CalendarYearRepository years;
    private final ReferenceData reference;
    private final OutboxRelay relay;
    private final Correlation correlation;
    private final Clock clock;

    public CalendarService(Pool pool, CaseRepository cases, CalendarYearRepository years, ReferenceData reference,
            OutboxRelay relay, Correlation correlation, Clock clock) {
        this.correlation = correlation;
        this.years = years;
        this.pool = pool;
        this.cases = cases;
        this.reference = reference;
        this.relay = relay;
        this.clock = clock;
    }

    public record Loaded(int year, int days, int deadlinesRecounted) {
    }

    public Outcome<Loaded> load(int year, String csv, String operator) {
        YearArrangement arrangement;
        try {
            arrangement = YearArrangement.parseCsv(year, csv == null ? "" : csv);
        } catch (YearArrangement.InvalidArrangementException e) {
            return Outcome.rejected(e.errors().stream()
                    .map(l -> new Violation("line " + l.line(), Text.of(l.key(), l.args().toArray()))).toList());
        }
        Instant now = clock.instant();
        UUID requestId = correlation.current();
        WorkingCalendar calendar = reference.calendar().with(arrangement);
        int recounted = inTransaction(pool, tx -> {
            years.store(tx, year, csv, operator, now);
            WorkingCalendarPublished published = new WorkingCalendarPublished(year, arrangement.days(),
                    "loaded by " + operator);
            Outbox.append(tx, Topics.DIRECTORY, EventEnvelope.of(published, "CALENDAR:" + year, null, now, now,
                    requestId, requestId, RatingService.PRODUCER));
            List<ServiceCase> provisional = cases.lockUnratedWithProvisionalDeadlines(tx);
            int moved = 0;
            for (ServiceCase c : provisional) {
                CaseDeadlines counted = CaseDeadlines.of(reference.policyFor(c.regionCode(), c.completedAt()),
                        c.completedAt(), calendar);
                if (cases.updateDeadlines(tx, c.caseNumber(), counted)) {
                    // R1.7, R1.9: the history says when and why the case's moments moved.
                    Outbox.append(tx, Topics.CASES, EventEnvelope.of(new CaseDeadlinesRedated(c.caseNumber(),
                            c.regionCode(), year, counted.supplementaryUntil(), counted.reminderDueAt(),
                            counted.defaultRatingDueAt(), counted.provisional(), now), c.caseNumber(),
                            c.regionCode(), now, now, requestId, requestId, RatingService.PRODUCER));
                    moved++;
                }
            }
            return moved;
        });
        reference.reloadCalendar();
        relay.wake();
        LOG.infof("working calendar %d loaded by %s: %d days, %d provisional case deadlines recounted", year,
                operator, arrangement.days().size(), recounted);
        return Outcome.done(new Loaded(year, arrangement.days().size(), recounted));
    }
}
