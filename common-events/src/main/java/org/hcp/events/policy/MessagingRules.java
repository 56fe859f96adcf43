package org.hcp.events.policy;

import java.time.LocalTime;
import java.util.List;

/**
 * Which short messages a jurisdiction sends its evaluators, and when not (issue 29; docs/messages.md). A reply to an
 * evaluator's own message is not among them: it answers at once.
 *
 * @param sends            the kinds sent; a kind left out is never sent
 * @param quietFrom        no message from this time of day (the jurisdiction's zone) …
 * @param quietTo          … until this one; a message due in between waits until then
 * @param dailyCapPerPhone at most this many messages to one phone per day; more wait for the next day
 */
public record MessagingRules(List<MessageKind> sends, LocalTime quietFrom, LocalTime quietTo, int dailyCapPerPhone) {

    public MessagingRules {
        sends = sends == null ? List.of() : List.copyOf(sends);
        if (quietFrom == null || quietTo == null || dailyCapPerPhone < 1) {
            throw new IllegalArgumentException("messaging needs quietFrom, quietTo and a dailyCapPerPhone of 1 or more");
        }
    }
}
