package org.hcp.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 25, 5: the token times the JWT library does not check (the access matrices call every endpoint with them). */
class TokenTimesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration DAY = Duration.ofHours(24);
    private static final long T = NOW.getEpochSecond();

    @Test
    void aTokenIssuedNowForTwelveHoursIsAccepted() {
        assertNull(TokenTimes.problem(T, T + 12 * 3600, null, NOW, SKEW, DAY));
        assertNull(TokenTimes.problem(T + 59, T + 3600, T + 30L, NOW, SKEW, DAY), "within the clock skew");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        assertEquals("the token is issued in the future",
                TokenTimes.problem(T + 365 * 86400, T + 365 * 86400 + 3600, null, NOW, SKEW, DAY));
        assertEquals("the token is issued in the future", TokenTimes.problem(T + 61, T + 3600, null, NOW, SKEW, DAY));
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        assertEquals("the token is not valid yet", TokenTimes.problem(T, T + 3600, T + 600L, NOW, SKEW, DAY));
    }

    @Test
    void aTokenValidForLongerThanASignInIsRefused() {
        assertEquals("the token is valid for longer than PT24H",
                TokenTimes.problem(T, T + 24 * 3600 + 1, null, NOW, SKEW, DAY));
        assertEquals("the token has no iat", TokenTimes.problem(0, T + 3600, null, NOW, SKEW, DAY));
    }
}
