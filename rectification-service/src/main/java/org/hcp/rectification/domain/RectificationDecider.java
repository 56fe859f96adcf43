package org.hcp.rectification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingLevel;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.Deadline;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.events.policy.RulesAt;
import org.hcp.events.rectification.CallbackRecorded;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.Classification;
import org.hcp.events.rectification.FeedbackGiven;
import org.hcp.events.rectification.InterviewRecorded;
import org.hcp.events.rectification.RectificationCaseAdded;
import org.hcp.events.rectification.RectificationClassified;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationRedated;
import org.hcp.events.rectification.RectificationResolved;
import org.hcp.events.rectification.RectificationResumed;
import org.hcp.events.rectification.RectificationStep;
import org.hcp.events.rectification.RectificationStepOverdue;
import org.hcp.events.rectification.RectificationVerified;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.events.rectification.Resolution;
import org.hcp.events.rectification.ResponsibleAssigned;
import org.hcp.events.rectification.WorkOrderDispatched;
import org.hcp.events.rectification.WorkOrderReplied;
import org.hcp.events.rectification.WorkOrderStatus;
import org.hcp.rectification.domain.RectificationState.Status;

/**
 * The rules of R2 as pure functions: a command, the rectification's state, the jurisdiction policy, the working
 * calendar and the time give the events to record, or why not. A wrong order of steps is a conflict (409) naming
 * the rule; a bad value is a violation (422). Nothing here reads a clock or a database.
 */
public final class RectificationDecider {

    private RectificationDecider() {
    }

    /** A bad review's rectification is known by the rating id the evaluator's request had (one per batch/chain). */
    public static String rectificationIdOf(RatingSubmitted rating) {
        return rating.sourceRatingId() != null ? rating.sourceRatingId() : rating.ratingId();
    }

    /** R2.1: every adopted evaluator rating of level 1 or 2, from any channel; a system default never. */
    public static boolean needsRectification(RatingSubmitted rating) {
        return RatingLevel.isBad(rating.level()) && rating.origin() == RatingOrigin.EVALUATOR;
    }

    /**
     * R2.1: a bad review opens its rectification at once, routed to the unit that handled the case; another case of
     * the same batch or chain joins it. {@code notAdopted}: an upheld appeal arrived before the rating (R3.4), so the
     * rectification is withdrawn as it opens. A rating seen before yields nothing (replays are harmless).
     */
    public static List<EventPayload> open(RatingSubmitted rating, RectificationState state, boolean notAdopted,
            String decisionId, JurisdictionRules rules, Instant now) {
        if (!needsRectification(rating) || state != null && state.ratingIds().contains(rating.ratingId())) {
            return List.of();
        }
        List<EventPayload> events = new ArrayList<>();
        String id = rectificationIdOf(rating);
        if (state == null) {
            boolean realName = rating.evaluatorPseudonym() != null;
            // R2.2: the callback is owed to a real-name evaluator only; an anonymous one cannot be called.
            Deadline callback = realName ? rules.after(rules.policy().callbackReply(), now) : null;
            // R2.4 (JE): feedback on a complex case runs from receipt, so it is owed from the start: a unit that
            // never classifies is late on it, like one that classifies late.
            Deadline feedback = rules.after(rules.policy().complexCaseFeedback(), now);
            events.add(new RectificationOpened(id, List.of(rating.ratingId()), List.of(rating.caseNumber()),
                    rating.level(), rating.tags(), rating.channel(), rating.itemCode(), rating.institutionCode(),
                    rating.windowCode(), rating.staffId(), rating.regionCode(), realName, rating.ratedAt(), now,
                    callback == null ? null : callback.at(), provisional(callback) || provisional(feedback),
                    feedback == null ? null : feedback.at()));
        } else {
            events.add(new RectificationCaseAdded(id, rating.ratingId(), rating.caseNumber()));
        }
        if (notAdopted && (state == null || state.status() != Status.WITHDRAWN)) {
            events.add(new RectificationWithdrawn(id, rating.ratingId(), decisionId, now));
        }
        return events;
    }

    /** R2.1: the unit names (or renames) the person responsible, until the rectification is closed. */
    public static Outcome<List<EventPayload>> assign(RectificationState s, String person, String by, Instant at) {
        if (blank(person)) {
            return Outcome.rejected(Violation.of("/responsiblePerson", "field.required"));
        }
        if (!s.active()) {
            return inactive(s);
        }
        return done(new ResponsibleAssigned(s.rectificationId(), person.strip(), by, at));
    }

    /** R2.2: a callback attempt; the first that reaches the evaluator is the first contact. */
    public static Outcome<List<EventPayload>> recordCallback(RectificationState s, CallbackResult result, String note,
            String by, Instant at) {
        if (result == null) {
            return Outcome.rejected(Violation.of("/result", "field.required"));
        }
        if (!s.active()) {
            return inactive(s);
        }
        if (!s.realName()) {
            return conflict("rectification.anonymousNoCallback", s);
        }
        return done(new CallbackRecorded(s.rectificationId(), result, blankToNull(note), by, at));
    }

    /**
     * R2.3: clear and reasonable, complex (a ledger entry with the unit's deadline, at most the policy's cap) or no
     * basis; the deadlines follow from the policy. R2.1: someone must be responsible first.
     */
    public static Outcome<List<EventPayload>> classify(RectificationState s, Classification classification,
            String reason, Instant ledgerDueAt, String by, Instant at, JurisdictionRules rules) {
        if (classification == null) {
            return Outcome.rejected(Violation.of("/classification", "field.required"));
        }
        if (s.status() == Status.OPEN) {
            return conflict("rectification.assignFirst", s);
        }
        if (s.status() != Status.ASSIGNED) {
            return s.active() ? conflict("rectification.classifiedAlready", s) : inactive(s);
        }
        Instant dueAt;
        boolean provisional = false;
        if (classification == Classification.COMPLEX) {
            Deadline cap = rules.after(rules.policy().rectificationComplexCase(), at);
            if (ledgerDueAt == null) {
                return Outcome.rejected(Violation.of("/dueAt", "rectification.ledgerDueRequired"));
            }
            if (!ledgerDueAt.isAfter(at)) {
                return Outcome.rejected(Violation.of("/dueAt", "rectification.ledgerDuePast"));
            }
            if (cap != null && ledgerDueAt.isAfter(cap.at())) {
                return Outcome.rejected(Violation.of("/dueAt", "rectification.ledgerDueCap",
                        rules.policy().rectificationComplexCase(), cap.at()));
            }
            dueAt = ledgerDueAt;
        } else {
            Deadline due = rules.after(rules.policy().rectificationClearCase(), at);
            dueAt = due == null ? null : due.at();
            provisional = due != null && due.provisional();
        }
        // R2.4 (JE): a complex case gets feedback within the policy's days of receipt, long before its ledger
        // deadline; a rectification opened before the term ran from receipt has none yet, and gets it here.
        Instant feedbackDue = null;
        if (classification == Classification.COMPLEX) {
            if (s.feedbackDueAt() != null) {
                feedbackDue = s.feedbackDueAt();
            } else {
                Deadline feedback = rules.after(rules.policy().complexCaseFeedback(), s.opened().openedAt());
                feedbackDue = feedback == null ? null : feedback.at();
                provisional |= provisional(feedback);
            }
        }
        return done(new RectificationClassified(s.rectificationId(), classification, blankToNull(reason), dueAt,
                feedbackDue, provisional, by, at));
    }

    /** R2.3: rectified (clear, complex) or explained (no basis), with what was done; R2.6 starts the verification. */
    public static Outcome<List<EventPayload>> resolve(RectificationState s, Resolution resolution, String measures,
            String by, Instant at, JurisdictionRules rules) {
        if (resolution == null || blank(measures)) {
            List<Violation> errors = new ArrayList<>();
            if (resolution == null) {
                errors.add(Violation.of("/resolution", "field.required"));
            }
            if (blank(measures)) {
                errors.add(Violation.of("/measures", "field.required"));
            }
            return Outcome.rejected(errors);
        }
        if (s.status() != Status.CLASSIFIED) {
            return s.active() ? conflict(s.status().compareTo(Status.CLASSIFIED) < 0 ? "rectification.classifyFirst"
                    : "rectification.resolvedAlready", s) : inactive(s);
        }
        Resolution expected = s.classification() == Classification.NO_BASIS ? Resolution.EXPLAINED
                : Resolution.RECTIFIED;
        if (resolution != expected) {
            return Outcome.rejected(Violation.of("/resolution", "rectification.resolutionMismatch",
                    s.classification(), expected));
        }
        Deadline verification = rules.after(rules.policy().verificationAfterRectification(), at);
        return done(new RectificationResolved(s.rectificationId(), resolution, measures.strip(),
                verification == null ? null : verification.at(), verification != null && verification.provisional(),
                by, at));
    }

    /** R2.4: the evaluator is told what is being, or was, done; only once there is something to tell. */
    public static Outcome<List<EventPayload>> giveFeedback(RectificationState s, String means, String summary,
            String by, Instant at) {
        if (blank(means)) {
            return Outcome.rejected(Violation.of("/means", "field.required"));
        }
        if (!s.active()) {
            return inactive(s);
        }
        if (s.classification() == null) {
            return conflict("rectification.feedbackAfterClassification", s);
        }
        return done(new FeedbackGiven(s.rectificationId(), means.strip(), blankToNull(summary), by, at));
    }

    /**
     * R2.6: the bureau checks the rectification by callback. R2.5: a "very dissatisfied" (level 1) review is checked
     * by a phone callback with a satisfaction re-survey, whose answer is recorded.
     */
    public static Outcome<List<EventPayload>> verify(RectificationState s, Boolean confirmed, boolean phoneCallback,
            Integer resurveyLevel, String note, String by, Instant at) {
        if (confirmed == null) {
            return Outcome.rejected(Violation.of("/confirmed", "field.required"));
        }
        if (resurveyLevel != null && !RatingLevel.isValid(resurveyLevel)) {
            return Outcome.rejected(Violation.of("/resurveyLevel", "rectification.resurveyLevel"));
        }
        if (s.status() != Status.RESOLVED) {
            return s.active() ? conflict(s.status() == Status.VERIFIED ? "rectification.verifiedAlready"
                    : "rectification.resolveFirst", s) : inactive(s);
        }
        if (s.opened().level() == RatingLevel.MIN && (!phoneCallback || resurveyLevel == null)) {
            return Outcome.rejected(Violation.of(phoneCallback ? "/resurveyLevel" : "/phoneCallback",
                    "rectification.veryDissatisfiedResurvey"));
        }
        return done(new RectificationVerified(s.rectificationId(), confirmed, phoneCallback, resurveyLevel,
                blankToNull(note), by, at));
    }

    /** R2.6: the responsible person of a late rectification is interviewed by the bureau. */
    public static Outcome<List<EventPayload>> recordInterview(RectificationState s, String interviewee, String note,
            String by, Instant at) {
        if (blank(interviewee)) {
            return Outcome.rejected(Violation.of("/interviewee", "field.required"));
        }
        if (!s.active()) {
            return inactive(s);
        }
        if (!s.late()) {
            return conflict("rectification.noInterviewOwed", s);
        }
        return done(new InterviewRecorded(s.rectificationId(), interviewee.strip(), blankToNull(note), by, at));
    }

    /**
     * Closing checks every rule at once: verified (R2.6), feedback on the result (R2.4), a real-name evaluator
     * reached by a callback (R2.5), and a late rectification's interview (R2.6).
     */
    public static Outcome<List<EventPayload>> close(RectificationState s, String by, Instant at) {
        if (!s.active()) {
            return inactive(s);
        }
        if (s.status() != Status.VERIFIED) {
            return conflict("rectification.verifyFirst", s);
        }
        if (s.lastFeedbackAt() == null || s.lastFeedbackAt().isBefore(s.resolvedAt())) {
            return conflict("rectification.feedbackOnResult", s);
        }
        if (s.realName() && !s.calledBack()) {
            return conflict("rectification.realNameCallback", s);
        }
        if (s.late() && !s.interviewed()) {
            return conflict("rectification.lateNeedsInterview", s);
        }
        return done(new RectificationClosed(s.rectificationId(), !s.late(), by, at));
    }

    /** R3.4: the rating was not adopted; nothing more is owed. Harmless when already withdrawn. */
    public static List<EventPayload> withdraw(RectificationState s, String ratingId, String decisionId, Instant at) {
        if (s == null || s.status() == Status.WITHDRAWN || !s.ratingIds().contains(ratingId)) {
            return List.of();
        }
        return List.of(new RectificationWithdrawn(s.rectificationId(), ratingId, decisionId, at));
    }

    /** R3.5: the rating was reinstated; the rectification goes on where it stood. */
    public static List<EventPayload> resume(RectificationState s, String ratingId, String decisionId, Instant at) {
        if (s == null || s.status() != Status.WITHDRAWN || !s.ratingIds().contains(ratingId)) {
            return List.of();
        }
        return List.of(new RectificationResumed(s.rectificationId(), ratingId, decisionId, at));
    }

    private static final String WORK_ORDER_PREFIX = "HCP-";

    /** The work order of a rectification (docs/hotline.md): one per rectification, the same on every attempt. */
    public static String workOrderIdOf(String rectificationId) {
        return WORK_ORDER_PREFIX + rectificationId;
    }

    /** The rectification a work order id names, or null when it is not one of ours. */
    public static String rectificationIdOfWorkOrder(String workOrderId) {
        return workOrderId == null || !workOrderId.startsWith(WORK_ORDER_PREFIX) ? null
                : workOrderId.substring(WORK_ORDER_PREFIX.length());
    }

    /** Whether this rectification goes to the city's 12345 platform: its policy says so, and it was just opened. */
    public static boolean dispatchesToHotline(List<EventPayload> events, JurisdictionRules rules) {
        return Boolean.TRUE.equals(rules.policy().hotlineWorkOrders())
                && events.stream().anyMatch(e -> e instanceof RectificationOpened);
    }

    /** The 12345 platform took the work order. */
    public static List<EventPayload> dispatched(RectificationState s, String subscriber, Instant at) {
        return List.of(new WorkOrderDispatched(s.rectificationId(), workOrderIdOf(s.rectificationId()), subscriber,
                at));
    }

    /** The 12345 platform's reply on its work order becomes a step of the history; the unit's steps stay its own. */
    public static Outcome<List<EventPayload>> workOrderReplied(RectificationState s, String workOrderId,
            String replyId, WorkOrderStatus status, String text, Instant repliedAt, Instant now) {
        List<Violation> errors = new ArrayList<>();
        if (!workOrderIdOf(s.rectificationId()).equals(workOrderId)) {
            errors.add(Violation.of("/workOrderId", "hotline.workOrderUnknown", workOrderId));
        }
        if (blank(replyId)) {
            errors.add(Violation.of("/replyId", "field.required"));
        }
        if (status == null) {
            errors.add(Violation.of("/status", "field.required"));
        }
        if (repliedAt == null) {
            errors.add(Violation.of("/repliedAt", "field.required"));
        }
        if (!errors.isEmpty()) {
            return Outcome.rejected(errors);
        }
        return done(new WorkOrderReplied(s.rectificationId(), workOrderId, replyId.strip(), status,
                blankToNull(text), repliedAt, now));
    }

    /** R2.6: every step past its deadline at {@code now}, once each; the scheduler escalates them to the bureau. */
    public static List<EventPayload> overdue(RectificationState s, Instant now) {
        List<EventPayload> events = new ArrayList<>();
        owedDeadlines(s).forEach((step, due) -> {
            if (now.isAfter(due) && !s.overdue().contains(step)) {
                events.add(new RectificationStepOverdue(s.rectificationId(), step, due, now));
            }
        });
        return events;
    }

    /**
     * When {@link #overdue} next has something to say: the earliest deadline of a step still owed and not yet
     * flagged; null when none is (the scheduler looks only at rectifications whose moment has come).
     */
    public static Instant nextOverdueCheck(RectificationState s) {
        return owedDeadlines(s).entrySet().stream().filter(e -> !s.overdue().contains(e.getKey()))
                .map(Map.Entry::getValue).min(Instant::compareTo).orElse(null);
    }

    /** The earliest deadline of a step still owed, flagged or not: what "due within N days" asks about. */
    public static Instant nextDue(RectificationState s) {
        return owedDeadlines(s).values().stream().min(Instant::compareTo).orElse(null);
    }

    /**
     * The steps still owed and their deadlines: the callback to a real-name evaluator (R2.2), the rectification
     * once classified (R2.3), the feedback on a complex case (R2.4, JE), the bureau's verification (R2.6).
     */
    static Map<RectificationStep, Instant> owedDeadlines(RectificationState s) {
        Map<RectificationStep, Instant> owed = new EnumMap<>(RectificationStep.class);
        if (!s.active()) {
            return owed;
        }
        Instant callbackDue = s.callbackDueAt();
        if (s.realName() && callbackDue != null && !s.calledBack()) {
            owed.put(RectificationStep.CALLBACK, callbackDue);
        }
        if (s.status() == Status.CLASSIFIED && s.dueAt() != null) {
            owed.put(RectificationStep.RECTIFICATION, s.dueAt());
        }
        if (s.feedbackDueAt() != null && s.lastFeedbackAt() == null) {
            owed.put(RectificationStep.FEEDBACK, s.feedbackDueAt());
        }
        if (s.status() == Status.RESOLVED && s.verificationDueAt() != null) {
            owed.put(RectificationStep.VERIFICATION, s.verificationDueAt());
        }
        return owed;
    }

    /**
     * A year's calendar was loaded: every deadline of an open rectification counted provisionally is counted again,
     * each from the instant it starts from (docs/rules.md, "When each term starts"): the callback (R2.2) and the
     * complex-case feedback (R2.4, JE) from receipt, a clear case's rectification (R2.3) from its classification,
     * the verification (R2.6) from the resolution. A complex case's ledger date is the unit's and stays. Nothing
     * when nothing moved, so a replayed publication is harmless.
     */
    public static List<EventPayload> redate(RectificationState s, int year, RulesAt rules, Instant now) {
        if (s == null || !s.active() || !s.deadlinesProvisional()) {
            return List.of();
        }
        Instant opened = s.opened().openedAt();
        Deadline callback = s.callbackDueAt() == null ? null
                : rules.after(JurisdictionPolicy::callbackReply, opened);
        Deadline feedback = s.feedbackDueAt() == null ? null
                : rules.after(JurisdictionPolicy::complexCaseFeedback, opened);
        Deadline due = s.dueAt() == null || s.classification() == Classification.COMPLEX || s.classifiedAt() == null
                ? null : rules.after(JurisdictionPolicy::rectificationClearCase, s.classifiedAt());
        Deadline verification = s.verificationDueAt() == null || s.resolvedAt() == null ? null
                : rules.after(JurisdictionPolicy::verificationAfterRectification, s.resolvedAt());
        Instant callbackAt = callback == null ? s.callbackDueAt() : callback.at();
        Instant feedbackAt = feedback == null ? s.feedbackDueAt() : feedback.at();
        Instant dueAt = due == null ? s.dueAt() : due.at();
        Instant verificationAt = verification == null ? s.verificationDueAt() : verification.at();
        boolean provisional = provisional(callback) || provisional(feedback) || provisional(due)
                || provisional(verification);
        if (Objects.equals(callbackAt, s.callbackDueAt()) && Objects.equals(feedbackAt,
                s.feedbackDueAt()) && Objects.equals(dueAt, s.dueAt())
                && Objects.equals(verificationAt, s.verificationDueAt())
                && provisional == s.deadlinesProvisional()) {
            return List.of();
        }
        return List.of(new RectificationRedated(s.rectificationId(), year, callbackAt, dueAt, feedbackAt,
                verificationAt, provisional, now));
    }

    private static boolean provisional(Deadline deadline) {
        return deadline != null && deadline.provisional();
    }

    private static <T> Outcome<T> inactive(RectificationState s) {
        return conflict(s.status() == Status.CLOSED ? "rectification.closed" : "rectification.withdrawn", s);
    }

    private static <T> Outcome<T> conflict(String key, RectificationState s) {
        return Outcome.conflict("rectification-step", Text.of(key),
                "rectification " + s.rectificationId() + " is " + s.status());
    }

    private static Outcome<List<EventPayload>> done(EventPayload event) {
        return Outcome.done(List.of(event));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
