package org.hcp.events.policy;

import java.time.Instant;
import org.hcp.events.calendar.WorkingCalendar;

/**
 * The policy in force for a region and the working calendar its days are counted on: what a decider needs to set a
 * deadline (rectification's R2 terms, appeals' R3.2 windows).
 */
public record JurisdictionRules(JurisdictionPolicy policy, WorkingCalendar calendar) {

    /** When {@code term} counted from {@code from} ends, in the jurisdiction's zone; null when the policy sets none. */
    public Deadline after(Term term, Instant from) {
        return term == null ? null : term.after(from, calendar, PolicyBook.zoneOf(policy));
    }
}
