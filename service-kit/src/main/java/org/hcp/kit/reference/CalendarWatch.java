package org.hcp.kit.reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.hcp.events.ChinaTime;
import org.hcp.kit.messaging.PeriodicWorker;
import org.jboss.logging.Logger;

/**
 * docs/rules.md, "Jurisdiction policies shipped": a year without its official calendar is counted on weekends alone,
 * so a service that counts working days ({@code hcp.calendar.counts-working-days}) says so loudly while one is
 * missing (WorkingCalendar.missingYears): a warning line once a Beijing day, the gauge
 * {@code hcp.calendar.years.missing}, and an entry in the readiness check that stays UP (the service still works;
 * only its deadlines are provisional).
 */
@Singleton
@Readiness
public class CalendarWatch extends PeriodicWorker implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(CalendarWatch.class);

    private final CalendarSource source;
    private final Clock clock;
    private final boolean enabled;
    private LocalDate warnedOn;

    public CalendarWatch(CalendarSource source, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "hcp.calendar.counts-working-days", defaultValue = "false") boolean enabled) {
        super("calendar-watch", Duration.ofMinutes(10), metrics);
        this.source = source;
        this.clock = clock;
        this.enabled = enabled;
        if (enabled) {
            Gauge.builder("hcp.calendar.years.missing", this, w -> w.missing().size())
                    .description("years whose official calendar should be loaded by today and is not")
                    .register(metrics);
        }
    }

    /** The years missing today (Beijing); empty where this service counts no working days. */
    public List<Integer> missing() {
        return enabled ? source.calendar().missingYears(LocalDate.now(clock.withZone(ChinaTime.ZONE))) : List.of();
    }

    /** What an operator reads: which years, and how to load them. */
    public static String warning(List<Integer> years) {
        String list = years.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "no official working calendar for " + list + ": deadlines counted into " + list + " are provisional "
                + "(weekends only) until it is loaded with PUT /api/v1/calendar/<year> on intake";
    }

    @Override
    protected synchronized boolean round() {
        List<Integer> years = missing();
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        if (!years.isEmpty() && !today.equals(warnedOn)) {
            LOG.warn(warning(years));
            warnedOn = today;
        }
        return false;
    }

    @Override
    protected String describeFailure(Exception e) {
        return "cannot check the working calendar: " + e.getMessage();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("working-calendar").up();
        List<Integer> years = missing();
        if (!years.isEmpty()) {
            answer.withData("missingYears", years.toString()).withData("warning", warning(years));
        }
        return answer.build();
    }

    /** It works for others: a failure here is an operator's alarm (wellness), the API still answers. */
    @Override
    public boolean neededForRequests() {
        return false;
    }
}
