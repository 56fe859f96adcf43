package org.hcp.rectification.service;

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
import org.hcp.events.policy.PolicyBook;
import org.hcp.kit.config.Clocks;
import org.hcp.kit.messaging.BackgroundWorker;
import org.hcp.kit.messaging.WorkerThread;
import org.hcp.rectification.domain.RectificationDecider.Rules;

/**
 * The jurisdiction policies (shipped, plus files in {@code hcp.policies.dir}) and the working calendar (shipped, plus
 * the years intake published on hcp.directory) that deadlines are counted with. Held in memory and refreshed by a
 * background worker, never read from the database while deciding: a decision may hold a pooled connection, and
 * waiting there for another deadlocks the pool (docs/architecture.md, "Background workers").
 */
@ApplicationScoped
public class ReferenceData implements BackgroundWorker {

    private final Pool pool;
    private final MeterRegistry metrics;
    private final Duration refreshInterval;
    private final PolicyBook policies;
    private volatile WorkingCalendar calendar = WorkingCalendar.shipped();
    private WorkerThread refresher;

    public ReferenceData(Pool pool, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.policies.dir") Optional<String> policyDir,
            @ConfigProperty(name = "hcp.calendar.refresh-interval", defaultValue = "PT30S") Duration refreshInterval) {
        this.pool = pool;
        this.metrics = metrics;
        this.refreshInterval = refreshInterval;
        this.policies = PolicyBook.shippedAnd(policyDir);
    }

    void onStart(@Observes StartupEvent event) {
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
        return "calendar-refresh";
    }

    @Override
    public String problem() {
        return refresher == null ? "not started" : refresher.problem();
    }

    /** The policy in force for a region on the day of {@code at}, and the calendar as last loaded. */
    public Rules rules(String regionCode, Instant at) {
        return new Rules(policies.resolve(regionCode, at.atZone(Clocks.CHINA).toLocalDate()), calendar);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** A year just published (CalendarProjection): counted with at once, before the next refresh. */
    public void learn(YearArrangement year) {
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
