package org.hcp.kit.reference;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.ChinaTime;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.events.policy.PolicyBook;
import org.hcp.kit.messaging.PeriodicWorker;
import org.jboss.logging.Logger;

/**
 * The jurisdiction policies (shipped, plus files in {@code hcp.policies.dir}) and the working calendar (shipped, plus
 * the years this service keeps, {@link CalendarYears}) that every service decides and counts deadlines with. Held in
 * memory and refreshed every {@code hcp.calendar.refresh-interval} by a background worker, so every replica counts
 * alike; never read from the database while deciding: a decision may hold a pooled connection, and waiting there for
 * another deadlocks the pool (docs/architecture.md, "Background workers").
 */
@Singleton
public class ReferenceData extends PeriodicWorker implements CalendarSource {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    private final CalendarYears years;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Duration refreshInterval;
    private final PolicyBook policies;
    private final boolean followDirectory;
    private volatile WorkingCalendar calendar = WorkingCalendar.shipped();

    public ReferenceData(CalendarYears years, MeterRegistry metrics, Clock clock,
            @ConfigProperty(name = "hcp.policies.dir") Optional<String> policyDir,
            @ConfigProperty(name = "hcp.calendar.follow-directory", defaultValue = "false") boolean followDirectory,
            @ConfigProperty(name = "hcp.calendar.refresh-interval", defaultValue = "PT30S") Duration refreshInterval) {
        super("reference-refresh", refreshInterval, metrics);
        this.years = years;
        this.metrics = metrics;
        this.clock = clock;
        this.followDirectory = followDirectory;
        this.refreshInterval = refreshInterval;
        this.policies = PolicyBook.shippedAnd(policyDir);
        policyDir.filter(d -> !d.isBlank() && !d.equals("none"))
                .ifPresent(d -> LOG.infof("jurisdiction policy files loaded from %s", d));
    }

    /** Whether this service keeps the years intake publishes on hcp.directory ({@link CalendarProjection}). */
    public boolean followsDirectory() {
        return followDirectory;
    }

    @Override
    protected boolean enabled() {
        return years.kept();
    }

    /** The kept years are read before the service answers, so that no deadline is counted without them. */
    @Override
    protected void starting() {
        reloadCalendar();
    }

    @Override
    protected boolean round() {
        reloadCalendar();
        return false;
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot re-read the calendar years: " + e.getMessage();
    }

    public PolicyBook policies() {
        return policies;
    }

    public JurisdictionPolicy policyFor(String regionCode, Instant at) {
        return policies.resolve(regionCode, at.atZone(ChinaTime.ZONE).toLocalDate());
    }

    /** The policy in force for a region on the day of {@code at}, with the calendar as last loaded. */
    public JurisdictionRules rules(String regionCode, Instant at) {
        return new JurisdictionRules(policyFor(regionCode, at), calendar);
    }

    /** The calendar as last loaded; never reads the database (see the class comment). */
    @Override
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** docs/rules.md: a year without its calendar is counted on weekends only, and the operator is told. */
    public List<String> calendarWarnings() {
        List<Integer> missing = calendar.missingYears(LocalDate.now(clock.withZone(ChinaTime.ZONE)));
        return missing.isEmpty() ? List.of() : List.of(CalendarWatch.warning(missing));
    }

    /** A year just published (CalendarProjection): counted with at once, before the next refresh. */
    void learn(YearArrangement year) {
        calendar = calendar.with(year);
    }

    /** Re-reads the kept years. Takes a pooled connection: never call it while holding one. */
    public synchronized void reloadCalendar() {
        WorkingCalendar next = WorkingCalendar.shipped();
        for (YearArrangement year : years.all()) {
            next = next.with(year);
        }
        calendar = next;
    }
}
