package org.hcp.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.Term;
import org.hcp.intake.domain.RectificationProgress.Kind;

/**
 * The timeline a bad review's evaluator follows behind the rating link (R2.4 件件有反馈): the steps taken, each with
 * its date, and the next one with its deadline and the term the jurisdiction's policy allows for it (R2.2–R2.6).
 */
public final class FollowUpTimeline {

    private FollowUpTimeline() {
    }

    /** RECEIVED (the rating itself) and the steps of {@link Kind}, by name. */
    public record Entry(String step, boolean done, Instant at, Instant dueAt, Term term, String outcome,
            String detail) {

        static Entry done(String step, Instant at, String outcome, String detail) {
            return new Entry(step, true, at, null, null, outcome, detail);
        }

        static Entry next(String step, Instant dueAt, Term term) {
            return new Entry(step, false, null, dueAt, term, null, null);
        }
    }

    /**
     * @param progress null while no rectification covers the rating yet (rectification-service opens one shortly after
     *                 the rating arrives)
     */
    public static List<Entry> of(Instant ratedAt, RectificationProgress progress, JurisdictionPolicy policy) {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.done("RECEIVED", ratedAt, null, null));
        if (progress == null) {
            entries.add(Entry.next(Kind.OPENED.name(), null, null));
            return entries;
        }
        progress.steps().forEach(s -> entries.add(Entry.done(s.kind().name(), s.at(), s.code(), s.detail())));
        if (!progress.withdrawn() && !progress.has(Kind.CLOSED)) {
            entries.add(next(progress, policy));
        }
        return entries;
    }

    /** The step the unit owes now, in the order rectification-service holds it to. */
    static Entry next(RectificationProgress p, JurisdictionPolicy policy) {
        boolean complex = "COMPLEX".equals(p.classification());
        if (!p.has(Kind.CALLBACK)) {
            return Entry.next(Kind.CALLBACK.name(), p.callbackDueAt(), policy.callbackReply());
        }
        if (!p.has(Kind.RESOLVED)) {
            return Entry.next(Kind.RESOLVED.name(), p.dueAt(),
                    complex ? policy.rectificationComplexCase() : policy.rectificationClearCase());
        }
        if (!p.has(Kind.FEEDBACK)) {
            return Entry.next(Kind.FEEDBACK.name(), p.feedbackDueAt(), complex ? policy.complexCaseFeedback() : null);
        }
        if (!p.has(Kind.VERIFIED) && p.verificationDueAt() != null) {
            return Entry.next(Kind.VERIFIED.name(), p.verificationDueAt(), policy.verificationAfterRectification());
        }
        return Entry.next(Kind.CLOSED.name(), null, null);
    }

    /** Whether the rating stands not adopted after an appeal (R3.4): the page says so and owes nothing more. */
    public static boolean notAdopted(RectificationProgress progress) {
        return progress != null && progress.withdrawn();
    }
}
