package org.hcp.appeal.domain;

import java.time.Instant;
import java.util.List;
import org.hcp.events.EventPayload;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealEvidenceAdded;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.AppealOverdue;
import org.hcp.events.appeal.AppealRedated;
import org.hcp.events.appeal.AppealVerified;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;

/**
 * The appeal on one rating as its events made it (hcp.appeals, keyed by rating id): a pure fold, so the live case
 * file and one rebuilt from the log are the same. Immutable; null until an appeal is filed.
 *
 * @param notAdopted the rating's standing now: true after RatingNotAdopted, false again after RatingReinstated
 * @param windowDueAt, decisionDueAt R3.2, as filed or as re-dated when a year's calendar was loaded (AppealRedated)
 */
public record AppealState(
        AppealFiled filed,
        int evidence,
        int verifications,
        AppealOutcome outcome,
        Instant decidedAt,
        boolean overdueFlagged,
        boolean notAdopted,
        Instant windowDueAt,
        Instant decisionDueAt,
        boolean deadlinesProvisional) {

    public String ratingId() {
        return filed.ratingId();
    }

    /** Filed and not yet decided. */
    public boolean open() {
        return outcome == null;
    }

    public static AppealState fold(List<? extends EventPayload> events) {
        AppealState state = null;
        for (EventPayload e : events) {
            state = evolve(state, e);
        }
        return state;
    }

    public static AppealState evolve(AppealState s, EventPayload event) {
        if (event instanceof AppealFiled e) {
            return s != null ? s : new AppealState(e, 0, 0, null, null, false, false, e.windowDueAt(),
                    e.decisionDueAt(), e.deadlinesProvisional());
        }
        if (s == null) {
            throw new IllegalStateException("an appeal starts with AppealFiled, not " + event);
        }
        if (event instanceof AppealEvidenceAdded) {
            return s.with(s.evidence + 1, s.verifications, s.outcome, s.decidedAt, s.overdueFlagged, s.notAdopted);
        }
        if (event instanceof AppealVerified) {
            return s.with(s.evidence, s.verifications + 1, s.outcome, s.decidedAt, s.overdueFlagged, s.notAdopted);
        }
        if (event instanceof AppealDecided e) {
            return s.with(s.evidence, s.verifications, e.outcome(), e.decidedAt(), s.overdueFlagged, s.notAdopted);
        }
        if (event instanceof AppealOverdue) {
            return s.with(s.evidence, s.verifications, s.outcome, s.decidedAt, true, s.notAdopted);
        }
        if (event instanceof AppealRedated e) {
            // The flag followed a deadline that was wrong; overdue again only past the new one.
            boolean stillOverdue = s.overdueFlagged
                    && (e.decisionDueAt() == null || !e.decisionDueAt().isAfter(e.redatedAt()));
            return new AppealState(s.filed, s.evidence, s.verifications, s.outcome, s.decidedAt, stillOverdue,
                    s.notAdopted, e.windowDueAt(), e.decisionDueAt(), e.deadlinesProvisional());
        }
        if (event instanceof RatingNotAdopted) {
            return s.with(s.evidence, s.verifications, s.outcome, s.decidedAt, s.overdueFlagged, true);
        }
        if (event instanceof RatingReinstated) {
            return s.with(s.evidence, s.verifications, s.outcome, s.decidedAt, s.overdueFlagged, false);
        }
        throw new IllegalArgumentException("not an appeal event: " + event.getClass().getSimpleName());
    }

    private AppealState with(int evidence, int verifications, AppealOutcome outcome, Instant decidedAt,
            boolean overdueFlagged, boolean notAdopted) {
        return new AppealState(filed, evidence, verifications, outcome, decidedAt, overdueFlagged, notAdopted,
                windowDueAt, decisionDueAt, deadlinesProvisional);
    }
}
