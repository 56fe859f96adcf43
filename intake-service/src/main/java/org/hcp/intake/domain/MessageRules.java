package org.hcp.intake.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.hcp.events.policy.MessageKind;
import org.hcp.events.policy.MessagingRules;

/**
 * Whether a short message to an evaluator goes now, waits, or never goes (issue 29; docs/messages.md): the
 * evaluator's 退订 (TD) and the jurisdiction's choice of messages stop it; its quiet hours and its daily cap per phone
 * make it wait.
 */
public final class MessageRules {

    private MessageRules() {
    }

    public enum Action {
        SEND, WAIT, DROP
    }

    /** @param until for WAIT: when to look again; @param reason for DROP: why, for the operator */
    public record Decision(Action action, Instant until, String reason) {

        static Decision send() {
            return new Decision(Action.SEND, null, null);
        }

        static Decision waitUntil(Instant until) {
            return new Decision(Action.WAIT, until, null);
        }

        static Decision drop(String reason) {
            return new Decision(Action.DROP, null, reason);
        }
    }

    /**
     * @param optedOut  the phone replied 退订 (TD)
     * @param sentToday messages already sent to this phone today (the jurisdiction's day)
     */
    public static Decision decide(MessageKind kind, MessagingRules rules, ZoneId zone, Instant now, boolean optedOut,
            int sentToday) {
        if (optedOut) {
            return Decision.drop("the evaluator unsubscribed (TD)");
        }
        if (rules == null || !rules.sends().contains(kind)) {
            return Decision.drop("the jurisdiction's policy does not send " + kind);
        }
        ZonedDateTime local = now.atZone(zone);
        if (quiet(local.toLocalTime(), rules.quietFrom(), rules.quietTo())) {
            return Decision.waitUntil(endOfQuiet(local, rules.quietTo()));
        }
        if (sentToday >= rules.dailyCapPerPhone()) {
            return Decision.waitUntil(local.toLocalDate().plusDays(1).atTime(rules.quietTo()).atZone(zone)
                    .toInstant());
        }
        return Decision.send();
    }

    /** Quiet hours may run over midnight (21:00–08:00) or not (12:00–14:00). */
    static boolean quiet(LocalTime t, LocalTime from, LocalTime to) {
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    private static Instant endOfQuiet(ZonedDateTime local, LocalTime to) {
        ZonedDateTime end = local.with(to);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
