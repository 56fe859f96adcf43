package org.hcp.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.hcp.events.Channel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingReminderIssued;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;

/**
 * R1.9, the pure part: the reminder and the default rating of a case nobody rated in time. Both are system-made and
 * say so ({@link RatingOrigin#DEFAULT_RATING}, {@link Channel#SYSTEM_DEFAULT}); both are events, so a replay never
 * re-runs the timer. The scheduler decides when; these say what.
 */
public final class DefaultRatings {

    private DefaultRatings() {
    }

    /** The default rating's id is derived from the case: made twice, it would be the same rating. */
    public static String ratingId(String caseNumber) {
        return UUID.nameUUIDFromBytes(("default-rating\n" + caseNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static RatingSubmitted defaultRating(ServiceCase c, int level, Instant dueAt) {
        if (c.isRated()) {
            throw new IllegalStateException("case " + c.caseNumber() + " is rated: no default rating (R1.9)");
        }
        String id = ratingId(c.caseNumber());
        return new RatingSubmitted(id, c.caseNumber(), c.kind(), c.itemCode(), c.institutionCode(), c.windowCode(),
                c.staffId(), c.platformCode(), c.regionCode(), Channel.SYSTEM_DEFAULT,
                Channel.SYSTEM_DEFAULT.nationalPf(), level, List.of(), null, List.of(), null, null,
                RatingOrigin.DEFAULT_RATING, 1, dueAt, c.completedAt(), RatingScope.CASE, null, null, id, null);
    }

    public static RatingReminderIssued reminder(ServiceCase c, Instant dueAt, Instant defaultRatingDueAt) {
        return new RatingReminderIssued(c.caseNumber(), c.regionCode(), c.evaluatorPseudonym(), dueAt,
                defaultRatingDueAt);
    }
}
