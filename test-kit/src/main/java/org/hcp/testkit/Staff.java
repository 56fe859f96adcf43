package org.hcp.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hcp.localstack.DevTokens;

/** The people and the hour of a life test: staff tokens for an hour, and instants written as Beijing wall time. */
public final class Staff {

    private Staff() {
    }

    /** A handling unit's token, in scope of its institution. */
    public static String handler(String institution) {
        return DevTokens.mint("handler", institution, Duration.ofHours(1));
    }

    /** A bureau's token, in scope of its region prefix. */
    public static String bureau(String region) {
        return DevTokens.mint("bureau", region, Duration.ofHours(1));
    }

    /** {@code 2025-09-29T10:00} in Beijing. */
    public static Instant beijing(String wallTime) {
        return OffsetDateTime.parse(wallTime + "+08:00").toInstant();
    }
}
