package org.hcp.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;
import org.hcp.intake.domain.FollowUpRatingDecider.Status;
import org.hcp.intake.domain.RectificationProgress.Kind;
import org.hcp.intake.domain.RectificationProgress.Step;
import org.junit.jupiter.api.Test;

/** 追评: when the evaluator of a bad review may rate its handling, once, within the policy's period. */
class FollowUpRatingDeciderTest {

    static final JurisdictionPolicy JILIN = PolicyBook.shipped().resolve("220202", LocalDate.of(2026, 12, 1));
    static final WorkingCalendar CALENDAR = WorkingCalendar.shipped();
    static final Instant OPENED = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant FEEDBACK = Instant.parse("2026-12-03T06:00:00Z");

    static RectificationProgress progress(boolean withdrawn, Step... steps) {
        return new RectificationProgress("R1", "JL-CY-CENTRE", "220202", OPENED, "CLEAR", null, null, null, null,
                withdrawn, List.of(steps));
    }

    static final Step OPEN = new Step(Kind.OPENED, OPENED, null, null, null);
    static final Step GAVE_FEEDBACK = new Step(Kind.FEEDBACK, FEEDBACK, "SMS", "已整改", null);

    @Test
    void beforeAnyFeedbackTheHandlingCannotBeRatedYet() {
        assertEquals(Status.NOT_YET, FollowUpRatingDecider.window(null, false, JILIN, CALENDAR, FEEDBACK).status());
        assertEquals(Status.NOT_YET, FollowUpRatingDecider.window(progress(false, OPEN), false, JILIN, CALENDAR,
                FEEDBACK).status());
    }

    @Test
    void fromTheFeedbackItIsOpenForThePolicysPeriodAndThenEnds() {
        var p = progress(false, OPEN, GAVE_FEEDBACK);
        var window = FollowUpRatingDecider.window(p, false, JILIN, CALENDAR, FEEDBACK.plusSeconds(60));
        assertEquals(Status.OPEN, window.status());
        assertEquals(Instant.parse("2026-12-18T06:00:00Z"), window.closesAt(), "15 days, the national default");
        assertEquals(Status.ENDED, FollowUpRatingDecider.window(p, false, JILIN, CALENDAR, window.closesAt())
                .status());
    }

    @Test
    void onceRatedItIsNotOpenAgain() {
        assertEquals(Status.RATED, FollowUpRatingDecider.window(progress(false, OPEN, GAVE_FEEDBACK), true, JILIN,
                CALENDAR, FEEDBACK.plusSeconds(60)).status());
    }

    @Test
    void r3_4_aRatingNotAdoptedIsNotFollowedUp() {
        assertEquals(Status.NOT_ADOPTED, FollowUpRatingDecider.window(progress(true, OPEN, GAVE_FEEDBACK), false,
                JILIN, CALENDAR, FEEDBACK.plusSeconds(60)).status());
    }

    @Test
    void aJurisdictionWithAPeriodOfZeroOffersNone() {
        JurisdictionPolicy none = new JurisdictionPolicy(JILIN.regionCode(), JILIN.effectiveFrom(), JILIN.name(),
                JILIN.source(), JILIN.zone(), JILIN.levelLabels(), JILIN.badReviewTags(),
                JILIN.supplementaryRatingPeriod(), JILIN.defaultRating(), JILIN.callbackReply(),
                JILIN.rectificationClearCase(), JILIN.rectificationComplexCase(), JILIN.complexCaseFeedback(),
                JILIN.verificationAfterRectification(), JILIN.appealWindow(), JILIN.appealDecision(),
                JILIN.maliciousEvaluatorCreditRecord(), JILIN.integrity(), JILIN.rankingWarning(),
                JILIN.showStaffOnRatingPage(), org.hcp.events.policy.Term.days(0), JILIN.messaging(),
                JILIN.hotlineWorkOrders(), JILIN.rankingMinimumRatings(), JILIN.bulletin());
        assertEquals(Status.NOT_OFFERED, FollowUpRatingDecider.window(progress(false, OPEN, GAVE_FEEDBACK), false,
                none, CALENDAR, FEEDBACK.plusSeconds(60)).status());
    }
}
