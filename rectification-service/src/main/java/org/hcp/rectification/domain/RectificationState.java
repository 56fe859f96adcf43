package org.hcp.rectification.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hcp.events.EventPayload;
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

/**
 * One rectification as its events made it: a pure fold ({@link #evolve}), so the live read model and a rebuild from
 * {@code hcp.rectifications} are the same by construction. Immutable.
 */
public record RectificationState(
        RectificationOpened opened,
        Set<String> ratingIds,
        Set<String> caseNumbers,
        Status status,
        String responsiblePerson,
        int callbackAttempts,
        Instant callbackDueAt,
        Instant firstContactAt,
        Classification classification,
        Instant classifiedAt,
        Instant dueAt,
        Instant feedbackDueAt,
        Resolution resolution,
        Instant resolvedAt,
        String measures,
        Instant verificationDueAt,
        Instant lastFeedbackAt,
        Set<RectificationStep> overdue,
        boolean interviewed,
        boolean deadlinesProvisional,
        Status statusBeforeWithdrawal,
        Instant closedAt,
        Boolean closedOnTime) {

    /** Where a rectification stands; each step moves it on (R2.1-R2.6), withdrawal sets it aside (R3.4). */
    public enum Status {
        /** Routed to the handling unit, nobody named yet (R2.1). */
        OPEN,
        /** A responsible person is named. */
        ASSIGNED,
        /** Clear, complex or without basis, with its deadline (R2.3). */
        CLASSIFIED,
        /** Rectified or explained (R2.3). */
        RESOLVED,
        /** Checked by the bureau (R2.6). */
        VERIFIED,
        CLOSED,
        /** Its rating was not adopted (R3.4). */
        WITHDRAWN
    }

    public RectificationState {
        ratingIds = Set.copyOf(ratingIds);
        caseNumbers = Set.copyOf(caseNumbers);
        overdue = overdue.isEmpty() ? Set.of() : Set.copyOf(overdue);
    }

    public String rectificationId() {
        return opened.rectificationId();
    }

    /** R2.5: a real-name evaluator is owed a callback that reached them. */
    public boolean realName() {
        return opened.realName();
    }

    public boolean calledBack() {
        return firstContactAt != null;
    }

    /** Still to be worked on: neither closed nor withdrawn. */
    public boolean active() {
        return status != Status.CLOSED && status != Status.WITHDRAWN;
    }

    /** R2.6: a step missed its deadline (flagged, or visibly late on the recorded times). */
    public boolean late() {
        return !overdue.isEmpty()
                || dueAt != null && resolvedAt != null && resolvedAt.isAfter(dueAt)
                || callbackDueAt != null && firstContactAt != null && firstContactAt.isAfter(callbackDueAt);
    }

    /** The state after the first event; every other event goes through {@link #evolve}. */
    public static RectificationState open(RectificationOpened e) {
        return new RectificationState(e, new LinkedHashSet<>(e.ratingIds()), new LinkedHashSet<>(e.caseNumbers()),
                Status.OPEN, null, 0, e.callbackDueAt(), null, null, null, null, e.feedbackDueAt(), null, null, null,
                null, null, Set.of(), false, e.deadlinesProvisional(), null, null, null);
    }

    /** Folds the events of one rectification, in log order. */
    public static RectificationState fold(List<? extends EventPayload> events) {
        RectificationState state = null;
        for (EventPayload e : events) {
            state = evolve(state, e);
        }
        return state;
    }

    public static RectificationState evolve(RectificationState s, EventPayload event) {
        if (event instanceof RectificationOpened e) {
            return s != null ? s : open(e);
        }
        if (s == null) {
            throw new IllegalStateException("a rectification starts with RectificationOpened, not " + event);
        }
        if (event instanceof RectificationCaseAdded e) {
            return s.with(b -> {
                b.ratingIds.add(e.ratingId());
                b.caseNumbers.add(e.caseNumber());
            });
        }
        if (event instanceof ResponsibleAssigned e) {
            return s.with(b -> {
                b.responsiblePerson = e.responsiblePerson();
                if (b.status == Status.OPEN) {
                    b.status = Status.ASSIGNED;
                }
            });
        }
        if (event instanceof CallbackRecorded e) {
            return s.with(b -> {
                b.callbackAttempts++;
                if (e.result() == CallbackResult.REACHED && b.firstContactAt == null) {
                    b.firstContactAt = e.calledAt();
                }
            });
        }
        if (event instanceof RectificationClassified e) {
            return s.with(b -> {
                b.classification = e.classification();
                b.classifiedAt = e.classifiedAt();
                b.dueAt = e.dueAt();
                b.feedbackDueAt = e.feedbackDueAt();
                b.deadlinesProvisional |= e.deadlinesProvisional();
                b.status = Status.CLASSIFIED;
            });
        }
        if (event instanceof RectificationResolved e) {
            return s.with(b -> {
                b.resolution = e.resolution();
                b.resolvedAt = e.resolvedAt();
                b.measures = e.measures();
                b.verificationDueAt = e.verificationDueAt();
                b.deadlinesProvisional |= e.deadlinesProvisional();
                b.status = Status.RESOLVED;
            });
        }
        if (event instanceof FeedbackGiven e) {
            return s.with(b -> b.lastFeedbackAt = e.givenAt());
        }
        if (event instanceof RectificationVerified e) {
            return s.with(b -> {
                // Not confirmed: the unit rectifies again, then the bureau verifies again.
                b.status = e.confirmed() ? Status.VERIFIED : Status.CLASSIFIED;
                if (!e.confirmed()) {
                    b.resolution = null;
                    b.resolvedAt = null;
                    b.measures = null;
                }
            });
        }
        if (event instanceof InterviewRecorded) {
            return s.with(b -> b.interviewed = true);
        }
        if (event instanceof RectificationStepOverdue e) {
            // The scheduler flags only open rectifications; a flag found after the closing in the log (a generated
            // history's closure written before the scheduler read it, docs/history.md) says nothing of the closed one.
            return s.status == Status.CLOSED ? s : s.with(b -> b.overdue.add(e.step()));
        }
        if (event instanceof RectificationRedated e) {
            return s.with(b -> {
                b.callbackDueAt = e.callbackDueAt();
                b.dueAt = e.dueAt();
                b.feedbackDueAt = e.feedbackDueAt();
                b.verificationDueAt = e.verificationDueAt();
                b.deadlinesProvisional = e.deadlinesProvisional();
                // The flag followed a deadline that was wrong; the step is overdue again only past its new one.
                b.overdue.removeIf(step -> {
                    Instant due = switch (step) {
                        case CALLBACK -> e.callbackDueAt();
                        case RECTIFICATION -> e.dueAt();
                        case FEEDBACK -> e.feedbackDueAt();
                        case VERIFICATION -> e.verificationDueAt();
                    };
                    return due != null && due.isAfter(e.redatedAt());
                });
            });
        }
        if (event instanceof RectificationClosed e) {
            return s.with(b -> {
                b.status = Status.CLOSED;
                b.closedAt = e.closedAt();
                // As the closing recorded it (the decider's !late() when this service closes it): the ledger and the
                // figures, which count the event, then agree whoever wrote it.
                b.closedOnTime = e.onTime();
            });
        }
        if (event instanceof RectificationWithdrawn) {
            return s.status == Status.WITHDRAWN ? s : s.with(b -> {
                b.statusBeforeWithdrawal = b.status;
                b.status = Status.WITHDRAWN;
            });
        }
        if (event instanceof RectificationResumed) {
            return s.status != Status.WITHDRAWN ? s : s.with(b -> {
                b.status = b.statusBeforeWithdrawal;
                b.statusBeforeWithdrawal = null;
            });
        }
        if (event instanceof WorkOrderDispatched || event instanceof WorkOrderReplied) {
            // The 12345 platform's part is history: the unit's steps and deadlines stand as they were.
            return s;
        }
        throw new IllegalArgumentException("not a rectification event: " + event.getClass().getSimpleName());
    }

    /** A copy changed by {@code change}; keeps {@link #evolve} readable without a 20-argument constructor per case. */
    private RectificationState with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        final RectificationOpened opened;
        final Set<String> ratingIds;
        final Set<String> caseNumbers;
        Status status;
        String responsiblePerson;
        int callbackAttempts;
        Instant callbackDueAt;
        Instant firstContactAt;
        Classification classification;
        Instant classifiedAt;
        Instant dueAt;
        Instant feedbackDueAt;
        Resolution resolution;
        Instant resolvedAt;
        String measures;
        Instant verificationDueAt;
        Instant lastFeedbackAt;
        final Set<RectificationStep> overdue;
        boolean interviewed;
        boolean deadlinesProvisional;
        Status statusBeforeWithdrawal;
        Instant closedAt;
        Boolean closedOnTime;

        Builder(RectificationState s) {
            opened = s.opened;
            ratingIds = new LinkedHashSet<>(s.ratingIds);
            caseNumbers = new LinkedHashSet<>(s.caseNumbers);
            status = s.status;
            responsiblePerson = s.responsiblePerson;
            callbackAttempts = s.callbackAttempts;
            callbackDueAt = s.callbackDueAt;
            firstContactAt = s.firstContactAt;
            classification = s.classification;
            classifiedAt = s.classifiedAt;
            dueAt = s.dueAt;
            feedbackDueAt = s.feedbackDueAt;
            resolution = s.resolution;
            resolvedAt = s.resolvedAt;
            measures = s.measures;
            verificationDueAt = s.verificationDueAt;
            lastFeedbackAt = s.lastFeedbackAt;
            overdue = s.overdue.isEmpty() ? EnumSet.noneOf(RectificationStep.class) : EnumSet.copyOf(s.overdue);
            interviewed = s.interviewed;
            deadlinesProvisional = s.deadlinesProvisional;
            statusBeforeWithdrawal = s.statusBeforeWithdrawal;
            closedAt = s.closedAt;
            closedOnTime = s.closedOnTime;
        }

        RectificationState build() {
            return new RectificationState(opened, ratingIds, caseNumbers, status, responsiblePerson, callbackAttempts,
                    callbackDueAt, firstContactAt, classification, classifiedAt, dueAt, feedbackDueAt, resolution,
                    resolvedAt, measures, verificationDueAt, lastFeedbackAt, overdue, interviewed, deadlinesProvisional,
                    statusBeforeWithdrawal, closedAt, closedOnTime);
        }
    }
}
