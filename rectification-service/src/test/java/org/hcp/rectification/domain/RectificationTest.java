package org.hcp.rectification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.hcp.localstack.TestEvents;
import org.junit.jupiter.api.Test;

class RectificationTest {

    @Test
    void r2_1_onlyBadReviewsGoToRectification() {
        for (int level = 1; level <= 5; level++) {
            var rating = TestEvents.rating("220201", "JL-CENTRE", level, Instant.now()).payload();
            assertEquals(level <= 2, Rectification.isNeeded(rating), "level " + level);
        }
    }
}
