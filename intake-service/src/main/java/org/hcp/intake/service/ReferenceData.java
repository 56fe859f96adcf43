package org.hcp.intake.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.intake.repository.CalendarYearRepository;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;
import org.hcp.kit.config.Clocks;
import org.hcp.kit.messaging.BackgroundWorker;
import org.hcp.kit.messaging.WorkerThread;
import org.hcp.kit.reference.CalendarSource;
import org.hcp.kit.reference.CalendarWatch;
import org.jboss.logging.Logger;

/**
 * The jurisdiction policies and the working calendar intake decides with: the shipped ones from common-events, plus
 * policy files from {@code hcp.policies.dir} and calendar years an operator loaded ({@code PUT /api/v1/calendar}).
 *
 * <p>Reading them never touches the database: a request may hold a pooled connection while it decides, and waiting
 * there for a second one deadlocks the pool once every connection is held so (docs/architecture.md, "Platform
 * notes"). The calendar is loaded at start, again after an operator loads a year, and every
 * {@code hcp.calendar.refresh-interval} by a background worker, so every replica counts alike.
 */
// The calendar every CalendarSource user in intake must see is this one, not service-kit's follower of intake's own
// publications: an enabled alternative wins the injection.
@ApplicationScoped
@Alternative
@Priority(10)
public class ReferenceData implements BackgroundWorker, CalendarSource {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);

    private final CalendarYearRepository years;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration refreshInterval;
    private final PolicyBook policies;
    private volatile WorkingCalendar calendar = WorkingCalendar.shipped();
    private WorkerThread refresher;

    public ReferenceData(CalendarYearRepository years, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.policies.dir") Optional<String> policyDir,
            @ConfigProperty(name = "hcp.calendar.refresh-interval", defaultValue = "PT30S") Duration refreshInterval) {
        this.years = years;
        this.clock = clock;
        this.metrics = metrics;
        this.refreshInterval = refreshInterval;
        this.policies = PolicyBook.shippedAnd(policyDir);
        policyDir.filter(d -> !d.isBlank() && !d.equals("none"))
                .ifPresent(d -> LOG.infof("jurisdiction policy files loaded from %s", d));
    }

    void onStart(@Observes StartupEvent event) {
        reloadCalendar();
        refresher = new WorkerThread("calendar-refresh", () -> {
            reloadCalendar();
            return refreshInterval;
        }, metrics).backoff(Duration.ofSeconds(1), refreshInterval)
                .describeFailure(e -> "cannot re-read the loaded calendar years: " + e.getMessage())
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

    /** docs/rules.md: a year without its calendar is counted on weekends only, and the operator is told. */
    public List<String> calendarWarnings() {
        List<Integer> missing = calendar().missingYears(LocalDate.now(clock.withZone(Clocks.CHINA)));
        return missing.isEmpty() ? List.of() : List.of(CalendarWatch.warning(missing));
    }

    public PolicyBook policies() {
        return policies;
    }

    public JurisdictionPolicy policyFor(String regionCode, Instant at) {
        return policies.resolve(regionCode, at.atZone(Clocks.CHINA).toLocalDate());
    }

    /** The calendar as last loaded; never reads the database (see the class comment). */
    @Override
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** Re-reads the loaded years. Never call it while holding a pooled connection: it takes one. */
    public synchronized void reloadCalendar() {
        WorkingCalendar next = WorkingCalendar.shipped();
        for (CalendarYearRepository.LoadedYear loaded : years.all()) {
            next = next.with(YearArrangement.parseCsv(loaded.year(), loaded.csv()));
        }
        calendar = next;
    }
}
