package org.hcp.kit.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hcp.events.calendar.YearArrangement;
import org.junit.jupiter.api.Test;

/** docs/rules.md: a service counts no deadline before the calendar years it keeps are read. */
class ReferenceDataTest {

    @Test
    void theKeptYearsAreReadBeforeTheServiceAnswers() {
        CalendarYears slowTable = new CalendarYears() {
            @Override
            public boolean kept() {
                return true;
            }

            @Override
            public List<YearArrangement> all() {
                try {
                    Thread.sleep(300); // a database that answers slowly: a background read would lose the race
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(YearArrangement.parseCsv(2027, "date,kind,name\n2027-01-01,holiday,元旦\n"));
            }
        };
        ReferenceData reference = new ReferenceData(slowTable, new SimpleMeterRegistry(), Clock.systemUTC(),
                Optional.empty(), false, Duration.ofHours(1));

        reference.start();
        try {
            assertTrue(reference.calendar().hasYear(2027), "the loaded year is counted with as soon as the start ends");
        } finally {
            reference.stop();
        }
    }
}
