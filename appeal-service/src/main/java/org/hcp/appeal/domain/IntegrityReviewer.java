package org.hcp.appeal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.IntegrityFlagReviewed;
import org.hcp.events.appeal.IntegrityOutcome;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;

/** R6.3 as a pure function: the bureau's review of a flag, like an appeal decision (R3.4). */
public final class IntegrityReviewer {

    private IntegrityReviewer() {
    }

    /** The id the n-th review of a flag gives its RatingNotAdopted events (docs/events.md). */
    public static String decisionId(String flagId, int review) {
        return flagId + "-r" + review;
    }

    /** A RatingNotAdopted an integrity review published, rather than an appeal decision. */
    public static boolean isReviewDecision(RatingNotAdopted e) {
        return e.decisionId().startsWith("flag-");
    }

    /**
     * Judges the flag's pending evidence: NOT_ADOPTED takes each of those ratings out of every figure, DISMISSED
     * leaves them. {@code ratings} holds the flag's ratings (a RatingNotAdopted names the case).
     */
    public static Outcome<List<EventPayload>> review(IntegrityFlag flag, Map<String, ObservedRating> ratings,
            IntegrityOutcome outcome, boolean malicious, String reason, String by, Instant now) {
        List<Violation> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(Violation.of("/outcome", "field.required"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(Violation.of("/reason", "field.required"));
        }
        if (outcome == IntegrityOutcome.DISMISSED && malicious) {
            errors.add(Violation.of("/malicious", "integrity.maliciousOnlyNotAdopted"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        List<String> pending = flag.pending();
        if (pending.isEmpty()) {
            return Outcome.conflict("integrity-reviewed", Text.of("integrity.reviewedAlready"), "every rating of flag "
                    + flag.flagId() + " was reviewed already (" + flag.lastOutcome() + ")");
        }
        List<EventPayload> events = new ArrayList<>();
        events.add(new IntegrityFlagReviewed(flag.flagId(), flag.rule(), flag.subject(), flag.day(),
                flag.regionCode(), pending, outcome, malicious, reason.strip(), by, now));
        if (outcome == IntegrityOutcome.NOT_ADOPTED) {
            String decisionId = decisionId(flag.flagId(), flag.reviews() + 1);
            for (String ratingId : pending) {
                events.add(new RatingNotAdopted(ratingId, ratings.get(ratingId).caseNumber(), decisionId, malicious,
                        reason.strip(), by, now));
            }
        }
        return Outcome.done(events);
    }
}
