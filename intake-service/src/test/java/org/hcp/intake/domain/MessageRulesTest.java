package org.hcp.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hcp.events.policy.MessageKind;
import org.hcp.events.policy.MessagingRules;
import org.hcp.intake.domain.MessageRules.Action;
import org.junit.jupiter.api.Test;

/** Issue 29: when a message to an evaluator goes, waits or never goes. */
class MessageRulesTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final MessagingRules RULES = new MessagingRules(List.of(MessageKind.INVITATION, MessageKind.FEEDBACK),
            LocalTime.of(21, 0), LocalTime.of(8, 0), 3);

    static Instant at(String beijing) {
        return OffsetDateTime.parse(beijing + "+08:00").toInstant();
    }

    @Test
    void inTheDayAnInvitationGoes() {
        assertEquals(Action.SEND, MessageRules.decide(MessageKind.INVITATION, RULES, CHINA, at("2026-12-07T10:00"),
                false, 0).action());
    }

    @Test
    void inQuietHoursItWaitsForTheirEndBeforeOrAfterMidnight() {
        var evening = MessageRules.decide(MessageKind.INVITATION, RULES, CHINA, at("2026-12-07T22:30"), false, 0);
        assertEquals(Action.WAIT, evening.action());
        assertEquals(at("2026-12-08T08:00"), evening.until());
        var night = MessageRules.decide(MessageKind.FEEDBACK, RULES, CHINA, at("2026-12-08T06:59"), false, 0);
        assertEquals(at("2026-12-08T08:00"), night.until());
        assertEquals(Action.SEND, MessageRules.decide(MessageKind.FEEDBACK, RULES, CHINA, at("2026-12-08T08:00"),
                false, 0).action());
        assertEquals(Action.WAIT, MessageRules.decide(MessageKind.FEEDBACK, RULES, CHINA, at("2026-12-08T21:00"),
                false, 0).action());
    }

    @Test
    void pastTheDailyCapItWaitsForTheNextMorning() {
        var capped = MessageRules.decide(MessageKind.INVITATION, RULES, CHINA, at("2026-12-07T15:00"), false, 3);
        assertEquals(Action.WAIT, capped.action());
        assertEquals(at("2026-12-08T08:00"), capped.until());
    }

    @Test
    void anUnsubscribedPhoneAndAKindThePolicyDoesNotSendGetNothing() {
        assertEquals(Action.DROP, MessageRules.decide(MessageKind.INVITATION, RULES, CHINA, at("2026-12-07T10:00"),
                true, 0).action());
        assertEquals(Action.DROP, MessageRules.decide(MessageKind.REMINDER, RULES, CHINA, at("2026-12-07T10:00"),
                false, 0).action());
    }

    @Test
    void quietHoursWithinADayAreQuietToo() {
        assertEquals(true, MessageRules.quiet(LocalTime.of(13, 0), LocalTime.of(12, 0), LocalTime.of(14, 0)));
        assertEquals(false, MessageRules.quiet(LocalTime.of(14, 0), LocalTime.of(12, 0), LocalTime.of(14, 0)));
    }
}
