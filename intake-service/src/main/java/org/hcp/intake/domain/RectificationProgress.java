package org.hcp.intake.domain;

import java.time.Instant;
import java.util.List;

/**
 * What intake knows of a bad review's rectification (R2.1–R2.6), projected from its events for the evaluator's link:
 * the responsible institution, the deadlines as they stand and the steps taken, without staff names or notes.
 *
 * @param withdrawn whether the rating of the link stands not adopted after an appeal (R3.4)
 */
public record RectificationProgress(String rectificationId, String institutionCode, String regionCode,
        Instant openedAt, String classification, Instant callbackDueAt, Instant dueAt, Instant feedbackDueAt,
        Instant verificationDueAt, boolean withdrawn, List<Step> steps) {

    public RectificationProgress {
        steps = List.copyOf(steps);
    }

    /** The steps the evaluator sees, in the order they happened. */
    public enum Kind {
        OPENED, ASSIGNED, CALLBACK, CLASSIFIED, RESOLVED, FEEDBACK, VERIFIED, CLOSED, WITHDRAWN, RESUMED
    }

    /**
     * @param code   the step's outcome: REACHED / NOT_REACHED, CLEAR / COMPLEX / NO_BASIS, RECTIFIED / EXPLAINED, the
     *               feedback's means, "true" / "false" for a verification or an on-time close
     * @param detail the measures taken, or the feedback written for the evaluator
     */
    public record Step(Kind kind, Instant at, String code, String detail, String ratingId) {
    }

    public boolean has(Kind kind) {
        return steps.stream().anyMatch(s -> s.kind() == kind);
    }
}
