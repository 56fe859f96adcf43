package org.hcp.events.policy;

/**
 * R1.9: what happens to a completed case nobody rated. With a reminder, the rating term counts from the reminder
 * (TA: reminder after 1 working day, level 4 after 4 more); without, from completion (JC: level 3 after 7 days).
 *
 * @param reminderAfter null when the jurisdiction sends no reminder
 * @param ratingAfter   when the default rating is made
 * @param level         the default level, 1..5
 */
public record DefaultRatingRule(Term reminderAfter, Term ratingAfter, int level) {
}
