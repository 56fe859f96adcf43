package org.hcp.rectification.rest;

import java.time.Instant;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.Classification;
import org.hcp.events.rectification.Resolution;

/** The bodies of the step endpoints (R2.1-R2.6). Every field may be missing: the decider says which are required. */
public final class Steps {

    private Steps() {
    }

    /** R2.1: the person the unit makes responsible. */
    public record Assignment(String responsiblePerson) {
    }

    /** R2.2: one callback attempt and whether it reached the evaluator. */
    public record Callback(CallbackResult result, String note) {
    }

    /** R2.3: clear, complex (with the ledger deadline the unit chooses, at most the policy's cap) or no basis. */
    public record Classifying(Classification classification, String reason, Instant dueAt) {
    }

    /** R2.3: rectified or explained, and what was done. */
    public record Resolving(Resolution resolution, String measures) {
    }

    /** R2.4: how the evaluator was told (phone, SMS, letter…) and what. */
    public record Feedback(String means, String summary) {
    }

    /** R2.6 / R2.5: the bureau's check by callback; for a level-1 review a phone callback with a re-survey. */
    public record Verification(Boolean confirmed, Boolean phoneCallback, Integer resurveyLevel, String note) {
    }

    /** R2.6: the interview of the responsible person of a late rectification. */
    public record Interview(String interviewee, String note) {
    }
}
