package org.hcp.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SatisfactionTest {

    @Test
    void r4_1_satisfactionRateIsGoodOverAllRated() {
        Satisfaction s = Satisfaction.of(Map.of(5, 6L, 4, 1L, 3, 1L, 2, 1L, 1, 1L));
        assertEquals(10, s.total());
        assertEquals(8, s.good());
        assertEquals(2, s.bad());
        assertEquals(0.8, s.satisfactionRate());
        assertEquals(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L, 5, 6L), s.byLevel());
    }

    @Test
    void r1_1_levelThreeIsGoodAndLevelTwoIsBad() {
        assertEquals(1, Satisfaction.of(Map.of(3, 1L)).good());
        assertEquals(1, Satisfaction.of(Map.of(2, 1L)).bad());
    }

    @Test
    void r4_1_nothingRatedHasNoRateRatherThanZero() {
        Satisfaction s = Satisfaction.of(Map.of());
        assertEquals(0, s.total());
        assertNull(s.satisfactionRate());
    }
}
