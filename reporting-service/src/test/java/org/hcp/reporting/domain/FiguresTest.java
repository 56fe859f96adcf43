package org.hcp.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R4.1 / R4.1a: every figure from counters, as docs/figures.md defines it. */
class FiguresTest {

    @Test
    void r4_1a_goodActiveGoodSatisfactionBadAndUnratedRates() {
        Map<String, Long> c = new HashMap<>();
        // Given evaluators' ratings 6 x 5, 1 x 4, 1 x 3, 1 x 2, 1 x 1 and system defaults 4 x 3 (R1.9)
        c.put(Measure.EVALUATOR_RATING + 5, 6L);
        c.put(Measure.EVALUATOR_RATING + 4, 1L);
        c.put(Measure.EVALUATOR_RATING + 3, 1L);
        c.put(Measure.EVALUATOR_RATING + 2, 1L);
        c.put(Measure.EVALUATOR_RATING + 1, 1L);
        c.put(Measure.DEFAULT_RATING + 3, 4L);
        Figures f = Figures.of(c);
        assertEquals(14, f.ratings());
        assertEquals(10, f.activeRatings());
        assertEquals(4, f.defaultRatings());
        assertEquals(Map.of(1, 1L, 2, 1L, 3, 5L, 4, 1L, 5, 6L), f.byLevel());
        assertEquals(12, f.good(), "R1.1: levels 3 to 5 are good, defaults included");
        assertEquals(2, f.bad());
        assertEquals(0.8571, f.goodRate(), "好评率 12/14");
        assertEquals(0.8, f.activeGoodRate(), "主动评价好评率 8/10: defaults left out");
        assertEquals(0.5, f.satisfactionRate(), "服务满意率 (levels 4 and 5) 7/14");
        assertEquals(0.1429, f.badRate(), "2/14");
        assertEquals(0.2857, f.unratedRate(), "未评价率 4/14: the ratings the system made");
    }

    @Test
    void r4_1_coverageRectificationCallbackAndAppeals() {
        Map<String, Long> c = new HashMap<>();
        c.put(Measure.CASES_COMPLETED, 8L);
        c.put(Measure.CASES_RATED, 6L);
        c.put(Measure.RECTIFICATIONS, 5L);
        c.put(Measure.RECTIFIED, 4L);
        c.put(Measure.RECTIFIED_ON_TIME, 3L);
        c.put(Measure.REAL_NAME, 2L);
        c.put(Measure.CALLED_BACK, 1L);
        c.put(Measure.APPEALS_FILED, 3L);
        c.put(Measure.APPEALS_UPHELD, 1L);
        c.put(Measure.FOLLOW_UPS, 4L);
        c.put(Measure.FOLLOW_UPS_SATISFIED, 3L);
        Figures f = Figures.of(c);
        assertEquals(4, f.followUps());
        assertEquals(0.75, f.followUpSatisfactionRate(), "整改满意率: levels 4-5 of the follow-ups");
        assertEquals(0.75, f.coverage());
        assertEquals(0.8, f.rectificationRate());
        assertEquals(0.75, f.onTimeRate());
        assertEquals(0.5, f.callbackRate());
        assertEquals(3, f.appealsFiled());
        assertEquals(1, f.appealsUpheld());
    }

    @Test
    void r4_1_nothingCountedHasNoRateRatherThanZero() {
        Figures f = Figures.of(Map.of());
        assertEquals(0, f.ratings());
        assertNull(f.goodRate());
        assertNull(f.satisfactionRate());
        assertNull(f.coverage());
        assertNull(f.rectificationRate());
        assertNull(f.callbackRate());
    }
}
