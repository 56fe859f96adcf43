package org.hcp.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R4.3: a bulletin's cut-off, behind the slowest producer. */
class CutOffTest {

    private static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
    private static final List<String> SOURCES = List.of("intake-service", "rectification-service");

    @Test
    void theCutOffIsTheEarliestWatermarkOfTheSources() {
        // Given intake's events known complete to 00:59 and rectification's only to 00:58.
        Map<String, Instant> watermarks = Map.of("intake-service", NOW.minusSeconds(60),
                "rectification-service", NOW.minusSeconds(120), "reporting-service", NOW.minusSeconds(3600));
        // When the cut-off is taken, then it is rectification's: a producer that is no source does not hold it back.
        CutOff cutOff = CutOff.of(SOURCES, watermarks, NOW);
        assertEquals(NOW.minusSeconds(120).minusMillis(1), cutOff.at());
        assertEquals("rectification-service", cutOff.behind());
    }

    @Test
    void aSourceWithoutAWatermarkLeavesTheCutOffUnknown() {
        CutOff cutOff = CutOff.of(SOURCES, Map.of("intake-service", NOW), NOW);
        assertNull(cutOff.at());
        assertEquals("rectification-service", cutOff.behind());
        assertFalse(cutOff.covers(YearMonth.of(2026, 11)));
    }

    @Test
    void aCutOffCoversAMonthOnlyOnceTheMonthHasEndedInBeijing() {
        // November ends at 2026-11-30T16:00Z (midnight in Beijing).
        assertTrue(new CutOff(Instant.parse("2026-11-30T16:00:00Z"), null).covers(YearMonth.of(2026, 11)));
        assertFalse(new CutOff(Instant.parse("2026-11-30T15:59:59Z"), "intake-service").covers(YearMonth.of(2026, 11)));
    }

    @Test
    void withoutSourcesTheCutOffIsNow() {
        assertEquals(NOW.minusMillis(1), CutOff.of(List.of(), Map.of(), NOW).at());
    }

    @Test
    void theCutOffIsAWholeMillisecondThatEndsBeforeTheWatermarkAndCountsAsTheAuditDoes() {
        // Given a watermark inside a millisecond: events of that millisecond may lie after it.
        Instant watermark = Instant.parse("2026-12-01T00:59:00.123456Z");
        CutOff cutOff = CutOff.of(SOURCES, Map.of("intake-service", watermark, "rectification-service", NOW), NOW);
        assertEquals(Instant.parse("2026-12-01T00:59:00.122Z"), cutOff.at());
        // Then an event counts by its millisecond, as the audit's fold counts it.
        assertTrue(cutOff.includes(Instant.parse("2026-12-01T00:59:00.122999Z")));
        assertFalse(cutOff.includes(Instant.parse("2026-12-01T00:59:00.123Z")));
    }
}
