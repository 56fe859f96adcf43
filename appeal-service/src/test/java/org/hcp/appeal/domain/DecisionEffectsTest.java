package org.hcp.appeal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hcp.appeal.domain.AppealDecider.RatedCase;
import org.hcp.appeal.domain.DecisionEffects.Notice;
import org.hcp.appeal.domain.DecisionEffects.Recipient;
import org.hcp.events.RatingOrigin;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.Appellant;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.policy.PolicyBook;
import org.junit.jupiter.api.Test;

/** R3.4: given a decision, then the notices and credit records it leaves. */
class DecisionEffectsTest {

    private static final Instant AT = Instant.parse("2025-10-14T02:00:00Z");
    private static final PolicyBook POLICIES = PolicyBook.shipped();

    private static RatedCase rating(String region, String registeredBy) {
        return new RatedCase("r-1", "C-1", 1, RatingOrigin.EVALUATOR, "UNIT-A", region, AT, registeredBy, "p-1");
    }

    private static AppealState appeal(RatedCase r) {
        return AppealState.fold(List.of(new AppealFiled("ap-1", r.ratingId(), r.caseNumber(), 1, "UNIT-A",
                r.regionCode(), Appellant.STAFF, "误评", AT, AT, AT, false, "unit-a", AT)));
    }

    @Test
    void r3_4_anUpheldAppealNotifiesTheAppellantAndThePlatformThatRegisteredTheRating() {
        RatedCase r = rating("370902", "TA-BIZ");
        var decided = new AppealDecided("ap-1", "r-1", AppealOutcome.UPHELD, true, "恶意差评", true, "bureau", AT);

        List<Notice> notices = DecisionEffects.notices(r, appeal(r), decided, "e-1");

        assertEquals(List.of("UNIT-A", "TA-BIZ"), notices.stream().map(Notice::addressee).toList());
        assertEquals(List.of(List.of(Recipient.APPELLANT), List.of(Recipient.REGISTERING_DEPARTMENT)),
                notices.stream().map(Notice::recipients).toList());
        assertEquals("UPHELD", notices.get(0).decision());
        assertEquals("e-1:UNIT-A", notices.get(0).id(), "stable: a rebuild writes the same notice");
    }

    @Test
    void r3_4_whenTheAppellantRegisteredTheRatingItself_oneNoticeNamesBothRoles() {
        RatedCase r = rating("220271", "UNIT-A");
        var rejected = new AppealDecided("ap-1", "r-1", AppealOutcome.REJECTED, false, "属实", true, "bureau", AT);

        List<Notice> notices = DecisionEffects.notices(r, appeal(r), rejected, "e-2");

        assertEquals(1, notices.size());
        assertEquals(List.of(Recipient.APPELLANT, Recipient.REGISTERING_DEPARTMENT), notices.get(0).recipients());
        assertEquals("REJECTED", notices.get(0).decision());
    }

    @Test
    void r3_5_aReinstatementIsNoticedToo() {
        RatedCase r = rating("370902", "TA-BIZ");
        var reinstated = new RatingReinstated("r-1", "C-1", "d-2", "复核", "bureau", AT);

        assertEquals(List.of("REINSTATED", "REINSTATED"), DecisionEffects.notices(r, appeal(r), reinstated, "e-3")
                .stream().map(Notice::decision).toList());
    }

    @Test
    void r3_4_taianKeepsAMaliciousEvaluatorsPseudonymInACreditRecordAndJilinDoesNot() {
        var malicious = new RatingNotAdopted("r-1", "C-1", "d-1", true, "恶意差评", "bureau", AT);
        var mistaken = new RatingNotAdopted("r-1", "C-1", "d-1", false, "误评", "bureau", AT);
        LocalDate day = LocalDate.of(2025, 10, 14);

        assertEquals(List.of(new DecisionEffects.CreditRecord("r-1", "p-1", "370902", "d-1", "恶意差评", AT, null)),
                DecisionEffects.creditRecords("p-1", "370902", malicious, POLICIES.resolve("370902", day)));
        assertEquals(List.of(), DecisionEffects.creditRecords("p-1", "370902", mistaken,
                POLICIES.resolve("370902", day)), "a mistake is no one's fault");
        assertEquals(List.of(), DecisionEffects.creditRecords(null, "370902", malicious,
                POLICIES.resolve("370902", day)), "an anonymous evaluator has no file");
        assertEquals(List.of(), DecisionEffects.creditRecords("p-1", "220271", malicious,
                POLICIES.resolve("220271", day)), "JE keeps no credit records");
    }
}
