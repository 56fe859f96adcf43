package org.hcp.appeal.domain;

import java.time.Duration;
import java.time.Instant;
import org.hcp.events.Channel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;

/**
 * What the integrity rules see of one rating (R6.3): where and when it was given and by which evaluator pseudonym
 * (a keyed hash, never the identity).
 *
 * @param afterCompletion how long after the case's completion it was given; null when the channel did not say
 */
public record ObservedRating(String ratingId, String caseNumber, String regionCode, String institutionCode, String windowCode,
        String staffId, Channel channel, int level, String evaluator, Instant ratedAt, Duration afterCompletion) {

    /** Only an evaluator's own rating is observed: a system default is nobody's behaviour. */
    public static boolean observable(RatingSubmitted r) {
        return r.origin() == RatingOrigin.EVALUATOR;
    }

    public static ObservedRating of(RatingSubmitted r) {
        return new ObservedRating(r.ratingId(), r.caseNumber(), r.regionCode(), r.institutionCode(), r.windowCode(), r.staffId(),
                r.channel(), r.level(), r.evaluatorPseudonym(), r.ratedAt(),
                r.caseCompletedAt() == null ? null : Duration.between(r.caseCompletedAt(), r.ratedAt()));
    }

    boolean onWindowDevice() {
        return channel == Channel.WINDOW_DEVICE && windowCode != null;
    }
}
