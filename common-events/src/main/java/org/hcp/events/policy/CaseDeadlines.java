package org.hcp.events.policy;

import java.time.Instant;
import java.time.ZoneId;
import org.hcp.events.calendar.WorkingCalendar;

/**
 * The moments a completed case's rating depends on, from its jurisdiction's policy and the working calendar:
 * R1.7 how long it may still be rated, R1.9 when it is reminded and when it gets its default rating.
 *
 * @param provisional a year without an official calendar was counted on weekends only
 */
public record CaseDeadlines(Instant supplementaryUntil, Instant reminderDueAt, Instant defaultRatingDueAt,
        Integer defaultLevel, boolean provisional) {

    public static CaseDeadlines of(JurisdictionPolicy policy, Instant completedAt, WorkingCalendar calendar) {
        ZoneId zone = ZoneId.of(policy.zone());
        Deadline supplementary = policy.supplementaryRatingPeriod().after(completedAt, calendar, zone);
        DefaultRatingRule rule = policy.defaultRating();
        if (rule == null) {
            return new CaseDeadlines(supplementary.at(), null, null, null, supplementary.provisional());
        }
        // R1.9 (TA): with a reminder, the default rating's term counts from the reminder.
        Deadline reminder = rule.reminderAfter() == null ? null : rule.reminderAfter().after(completedAt, calendar, zone);
        Deadline rating = reminder == null
                ? rule.ratingAfter().after(completedAt, calendar, zone)
                : reminder.then(rule.ratingAfter(), calendar, zone);
        boolean provisional = supplementary.provisional() || rating.provisional()
                || reminder != null && reminder.provisional();
        return new CaseDeadlines(supplementary.at(), reminder == null ? null : reminder.at(), rating.at(),
                rule.level(), provisional);
    }
}
