package org.hcp.rectification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hcp.events.Channel;
import org.hcp.events.rectification.Classification;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationStep;
import org.hcp.events.rectification.Resolution;
import org.hcp.rectification.domain.RectificationState.Status;

/**
 * A rectification's row in the ledger (台账), as its state says: a pure function of the events, so the live ledger and
 * one rebuilt from {@code hcp.rectifications} are equal by construction. No evaluator identity: "real-name or not".
 *
 * @param nextDueAt       the earliest deadline of a step still owed (flagged or not); null when nothing is owed
 * @param overdueCheckAt  when the scheduler next has a step to flag (RectificationDecider.nextOverdueCheck)
 * @param closedOnTime    null until closed
 * @param events          how many events made it: the next event's sequence number
 */
public record LedgerEntry(
        String rectificationId,
        String regionCode,
        String institutionCode,
        String windowCode,
        String staffId,
        String itemCode,
        Channel channel,
        int level,
        List<String> tags,
        List<String> ratingIds,
        List<String> caseNumbers,
        boolean realName,
        Status status,
        String responsiblePerson,
        int callbackAttempts,
        Instant callbackDueAt,
        Instant firstContactAt,
        Classification classification,
        Instant dueAt,
        Instant feedbackDueAt,
        Resolution resolution,
        String measures,
        Instant resolvedAt,
        Instant verificationDueAt,
        Instant lastFeedbackAt,
        Set<RectificationStep> overdueSteps,
        boolean late,
        boolean interviewed,
        boolean deadlinesProvisional,
        Instant ratedAt,
        Instant openedAt,
        Instant closedAt,
        Boolean closedOnTime,
        Instant nextDueAt,
        Instant overdueCheckAt,
        int events) {

    public static LedgerEntry of(RectificationState s, int events) {
        RectificationOpened o = s.opened();
        return new LedgerEntry(s.rectificationId(), o.regionCode(), o.institutionCode(), o.windowCode(), o.staffId(),
                o.itemCode(), o.channel(), o.level(), o.tags(), List.copyOf(s.ratingIds()),
                List.copyOf(s.caseNumbers()), s.realName(), s.status(), s.responsiblePerson(), s.callbackAttempts(),
                s.callbackDueAt(), s.firstContactAt(), s.classification(), s.dueAt(), s.feedbackDueAt(),
                s.resolution(), s.measures(), s.resolvedAt(), s.verificationDueAt(), s.lastFeedbackAt(),
                s.overdue(), s.late(), s.interviewed(), s.deadlinesProvisional(), o.ratedAt(), o.openedAt(),
                s.closedAt(), s.status() == Status.CLOSED ? s.closedOnTime() : null, RectificationDecider.nextDue(s),
                RectificationDecider.nextOverdueCheck(s), events);
    }
}
