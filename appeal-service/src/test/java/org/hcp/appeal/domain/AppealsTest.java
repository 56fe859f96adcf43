package org.hcp.appeal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.hcp.testkit.TestEvents;
import org.junit.jupiter.api.Test;

class AppealsTest {

    @Test
    void r3_1_onlyLevelOneAndTwoMayBeAppealed() {
        for (int level = 1; level <= 5; level++) {
            var rating = TestEvents.rating("370902", "TA-CENTRE", level, Instant.now()).payload();
            assertEquals(level <= 2, Appeals.isAppealable(rating), "level " + level);
        }
    }
}
