package org.hcp.intake.service;

import static org.hcp.kit.db.Transactions.query;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;
import org.hcp.kit.config.Clocks;
import org.jboss.logging.Logger;

/**
 * The jurisdiction policies and the working calendar intake decides with: the shipped ones from common-events, plus
 * policy files from {@code hcp.policies.dir} and calendar years an operator loaded ({@code PUT /api/v1/calendar}).
 * Loaded years are re-read from the database every half minute, so every replica counts alike.
 */
@ApplicationScoped
public class ReferenceData {

    private static final Logger LOG = Logger.getLogger(ReferenceData.class);
    private static final Duration CALENDAR_TTL = Duration.ofSeconds(30);

    private final Pool pool;
    private final Clock clock;
    private final PolicyBook policies;
    private volatile WorkingCalendar calendar;
    private volatile Instant calendarReadAt = Instant.MIN;

    public ReferenceData(Pool pool, Clock clock, @ConfigProperty(name = "hcp.policies.dir") Optional<String> policyDir) {
        this.pool = pool;
        this.clock = clock;
        this.policies = loadPolicies(policyDir);
    }

    void onStart(@Observes StartupEvent event) {
        calendarWarnings().forEach(LOG::warn);
    }

    /**
     * docs/rules.md: a year without its calendar is counted on weekends only, and the operator is told. This year and
     * next are the ones deadlines fall in.
     */
    public List<String> calendarWarnings() {
        int year = LocalDate.now(clock.withZone(Clocks.CHINA)).getYear();
        List<String> warnings = new ArrayList<>();
        for (int y : List.of(year, year + 1)) {
            if (!calendar().hasYear(y)) {
                warnings.add("no official calendar for " + y + ": deadlines in " + y + " are provisional (weekends "
                        + "only) until it is loaded with PUT /api/v1/calendar/" + y);
            }
        }
        return warnings;
    }

    public PolicyBook policies() {
        return policies;
    }

    public JurisdictionPolicy policyFor(String regionCode, Instant at) {
        return policies.resolve(regionCode, at.atZone(Clocks.CHINA).toLocalDate());
    }

    public WorkingCalendar calendar() {
        if (calendarReadAt.plus(CALENDAR_TTL).isBefore(Instant.now())) {
            reloadCalendar();
        }
        return calendar;
    }

    public synchronized void reloadCalendar() {
        WorkingCalendar next = WorkingCalendar.shipped();
        for (Row row : query(pool, "SELECT year, csv FROM calendar_year ORDER BY year", Tuple.tuple())) {
            next = next.with(YearArrangement.parseCsv(row.getInteger("year"), row.getString("csv")));
        }
        calendar = next;
        calendarReadAt = Instant.now();
    }

    private static PolicyBook loadPolicies(Optional<String> dir) {
        PolicyBook shipped = PolicyBook.shipped();
        if (dir.isEmpty() || dir.get().isBlank() || dir.get().equals("none")) {
            return shipped;
        }
        List<JurisdictionPolicy> versions = new ArrayList<>(shipped.versions());
        try (Stream<Path> files = Files.list(Path.of(dir.get()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                versions.addAll(PolicyBook.parse(Files.readString(file)));
                LOG.infof("jurisdiction policy file loaded: %s", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy directory " + dir.get(), e);
        }
        return PolicyBook.of(versions);
    }
}
