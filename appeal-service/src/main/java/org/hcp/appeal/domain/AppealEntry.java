package org.hcp.appeal.domain;

import java.time.Instant;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.Appellant;

/**
 * An appeal's row in the bureau's queue, as its state says: a pure function of the events, so the live queue and one
 * rebuilt from hcp.appeals are equal by construction.
 *
 * @param status         OPEN, UPHELD or REJECTED
 * @param overdueCheckAt when the scheduler next has something to flag (null: nothing)
 * @param events         how many events made it: the next event's sequence number
 */
public record AppealEntry(String ratingId, String appealId, String caseNumber, String institutionCode,
        String regionCode, int level, Appellant appellant, String grounds, String status, boolean notAdopted,
        Instant receivedAt, Instant filedAt, Instant windowDueAt, Instant decisionDueAt, Instant decidedAt,
        int verifications, int evidence, boolean overdue, Instant overdueCheckAt, int events) {

    public static AppealEntry of(AppealState s, int events) {
        AppealFiled f = s.filed();
        Instant check = s.open() && !s.overdueFlagged() ? s.decisionDueAt() : null;
        return new AppealEntry(f.ratingId(), f.appealId(), f.caseNumber(), f.institutionCode(), f.regionCode(),
                f.level(), f.appellant(), f.grounds(), s.open() ? "OPEN" : s.outcome().name(), s.notAdopted(),
                f.receivedAt(), f.filedAt(), s.windowDueAt(), s.decisionDueAt(), s.decidedAt(), s.verifications(),
                s.evidence(), s.overdueFlagged(), check, events);
    }
}
