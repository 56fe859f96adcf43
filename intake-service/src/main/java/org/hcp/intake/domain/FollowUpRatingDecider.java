package org.hcp.intake.domain;

import java.time.Instant;
import java.time.ZoneId;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.intake.domain.RectificationProgress.Kind;

/**
 * 追评 (issue 29): whether the evaluator of a bad review may rate how it was handled, now. Once per rating, from the
 * rectification's first feedback or its closing, for the period the jurisdiction's policy sets; never for a rating not
 * adopted (R3.4). The rating itself is never touched: the follow-up is an event of its own.
 */
public final class FollowUpRatingDecider {

    private FollowUpRatingDecider() {
    }

    public enum Status {
        /** The policy offers no follow-up rating. */
        NOT_OFFERED,
        /** No feedback given and not closed yet. */
        NOT_YET,
        OPEN,
        /** Rated already: once only. */
        RATED,
        /** The period is over. */
        ENDED,
        /** The rating is not adopted after an appeal. */
        NOT_ADOPTED
    }

    /** @param closesAt when the period ends, where there is one */
    public record Window(Status status, Instant closesAt) {
    }

    /**
     * @param progress the rectification of the rating, null while none is open
     * @param rated    whether a follow-up of this rating is recorded
     */
    public static Window window(RectificationProgress progress, boolean rated, JurisdictionPolicy policy,
            WorkingCalendar calendar, Instant now) {
        if (!policy.offersFollowUpRating()) {
            return new Window(Status.NOT_OFFERED, null);
        }
        if (progress == null) {
            return new Window(Status.NOT_YET, null);
        }
        if (progress.withdrawn()) {
            return new Window(Status.NOT_ADOPTED, null);
        }
        Instant opensAt = progress.steps().stream()
                .filter(s -> s.kind() == Kind.FEEDBACK || s.kind() == Kind.CLOSED)
                .map(RectificationProgress.Step::at).min(Instant::compareTo).orElse(null);
        if (opensAt == null) {
            return new Window(Status.NOT_YET, null);
        }
        Instant closesAt = policy.followUpRatingPeriod().after(opensAt, calendar, ZoneId.of(policy.zone())).at();
        if (rated) {
            return new Window(Status.RATED, closesAt);
        }
        return new Window(now.isBefore(closesAt) ? Status.OPEN : Status.ENDED, closesAt);
    }
}
