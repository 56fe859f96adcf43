package org.hcp.kit.reference;

import static org.hcp.kit.db.Transactions.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventJson;
import org.hcp.events.WorkingCalendarPublished;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.events.policy.PolicyBook;
import org.hcp.kit.config.Clocks;
import org.hcp.kit.messaging.BackgroundWorker;
import org.hcp.kit.messaging.WorkerThread;

/**
 * The jurisdiction policies (shipped, plus files in {@code hcp.policies.dir}) and the working calendar (shipped, plus
 * the years intake published on hcp.directory) that a consuming service counts deadlines with. Held in memory and
 * refreshed by a background worker, never read from the database while deciding: a decision may hold a pooled
 * connection, and waiting there for another deadlocks the pool (docs/architecture.md, "Background workers").
 *
 * <p>A service opts in with {@code hcp.calendar.follow-directory=true} and the flyway location {@code db/calendar};
 * intake, which owns the calendar, keeps its own. Without the setting only the shipped calendar is used.
 */
@ApplicationScoped
public class ReferenceData implements BackgroundWorker, CalendarSource {

    private final Pool pool;
    private final MeterRegistry metrics;
    private final Duration refreshInterval;
    private final PolicyBook policies;
    private final boolean followDirectory;
    private volatile WorkingCalendar calendar = WorkingCalendar.shipped();
    private WorkerThread refresher;

    public ReferenceData(Pool pool, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.policies.dir") Optional<String> policyDir,
            @ConfigProperty(name = "hcp.calendar.follow-directory", defaultValue = "false") boolean followDirectory,
            @ConfigProperty(name = "hcp.calendar.refresh-interval", defaultValue = "PT30S") Duration refreshInterval) {
        this.pool = pool;
        this.metrics = metrics;
        this.followDirectory = followDirectory;
        this.refreshInterval = refreshInterval;
        this.policies = PolicyBook.shippedAnd(policyDir);
    }

    /** Whether this service keeps the published calendar years (else: the shipped ones only). */
    public boolean followsDirectory() {
        return followDirectory;
    }

    void onStart(@Observes StartupEvent event) {
        if (!followDirectory) {
            return;
        }
        refresher = new WorkerThread("calendar-refresh", () -> {
            reloadCalendar();
            return refreshInterval;
        }, metrics).backoff(Duration.ofSeconds(1), refreshInterval)
                .describeFailure(e -> "cannot re-read the published calendar years: " + e.getMessage())
                .start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.close();
        }
    }

    @Override
    public String name() {
        return "reference-refresh";
    }

    @Override
    public String problem() {
        if (!followDirectory) {
            return null;
        }
        return refresher == null ? "not started" : refresher.problem();
    }

    /** The policy in force for a region on the day of {@code at}, with the calendar as last loaded. */
    public JurisdictionRules rules(String regionCode, Instant at) {
        return new JurisdictionRules(policies.resolve(regionCode, at.atZone(Clocks.CHINA).toLocalDate()), calendar);
    }

    @Override
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** A year just published (CalendarProjection): counted with at once, before the next refresh. */
    void learn(YearArrangement year) {
        calendar = calendar.with(year);
    }

    /** Re-reads the published years. Takes a pooled connection: never call it while holding one. */
    public synchronized void reloadCalendar() {
        WorkingCalendar next = WorkingCalendar.shipped();
        for (Row row : query(pool, "SELECT envelope FROM calendar_year ORDER BY year", Tuple.tuple())) {
            WorkingCalendarPublished year = EventJson.read(row.getString("envelope"), WorkingCalendarPublished.class)
                    .payload();
            next = next.with(new YearArrangement(year.year(), year.days()));
        }
        calendar = next;
    }
}
