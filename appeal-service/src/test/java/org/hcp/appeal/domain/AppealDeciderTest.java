package org.hcp.appeal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hcp.appeal.domain.AppealDecider.RatedCase;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingOrigin;
import org.hcp.events.appeal.AppealDecided;
import org.hcp.events.appeal.AppealEvidenceAdded;
import org.hcp.events.appeal.AppealFiled;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.AppealOverdue;
import org.hcp.events.appeal.AppealRedated;
import org.hcp.events.appeal.Appellant;
import org.hcp.events.appeal.RatingNotAdopted;
import org.hcp.events.appeal.RatingReinstated;
import org.hcp.events.appeal.VerificationMethod;
import org.hcp.events.calendar.CalendarDay;
import org.hcp.events.calendar.DayKind;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.events.policy.PolicyBook;
import org.hcp.events.policy.RulesAt;
import org.hcp.testkit.Staff;
import org.junit.jupiter.api.Test;

/**
 * R3 as given (the appeal's events so far) / when (a command) / then (the events, or the rule that refuses it).
 * Windows and decision terms for Jilin City (JC, the national default's 5 and 10), Jilin EDZ (JE, 2 and 5) and Tai'an
 * (TA, 3 and 3) across National Day 2025: 1-8 October off, Sunday 28 September and Saturday 11 October worked.
 */
class AppealDeciderTest {

    private static final PolicyBook BOOK = PolicyBook.shipped();
    private static final WorkingCalendar CALENDAR = WorkingCalendar.shipped();
    private static final String JC = "220202";
    private static final String JE = "220271";
    private static final String TA = "370902";
    /** Monday 29 September 2025, 10:00 in Beijing: the unit receives the bad review. */
    private static final Instant MON = Staff.beijing("2025-09-29T10:00");

    private static JurisdictionRules rules(String region) {
        return new JurisdictionRules(BOOK.resolve(region, LocalDate.of(2025, 9, 29)), CALENDAR);
    }

    private static RatedCase bad(String region, int level, RatingOrigin origin) {
        return new RatedCase("rt-" + region, "C-" + region, level, origin, "INST-" + region, region, MON,
                "INST-" + region, "p-" + region);
    }

    private static List<EventPayload> accepted(Outcome<List<EventPayload>> outcome) {
        assertInstanceOf(Outcome.Done.class, outcome, outcome.toString());
        return ((Outcome.Done<List<EventPayload>>) outcome).value();
    }

    private static void refused(Outcome<?> outcome, String key) {
        if (outcome instanceof Outcome.Conflict<?> c) {
            assertEquals(key, c.title().key(), c.detail());
        } else if (outcome instanceof Outcome.Rejected<?> r) {
            assertTrue(r.violations().stream().anyMatch(v -> v.key().equals(key)), r.violations().toString());
        } else {
            throw new AssertionError("expected refusal " + key + ", was " + outcome);
        }
    }

    /** The given: an appeal filed in {@code region} at {@code when}, and what followed. */
    private static final class Given {
        final List<EventPayload> events = new ArrayList<>();

        Given(String region, Instant when) {
            events.addAll(accepted(AppealDecider.file(bad(region, 2, RatingOrigin.EVALUATOR), null, "ap-1",
                    Appellant.STAFF, "误触评价器", "handler", when, rules(region))));
        }

        AppealState state() {
            return AppealState.fold(events);
        }

        Given then(Outcome<List<EventPayload>> outcome) {
            events.addAll(accepted(outcome));
            return this;
        }

        Given verified() {
            return then(AppealDecider.verify(state(), VerificationMethod.FILE_REVIEW, "调阅监控", "bureau",
                    Staff.beijing("2025-10-09T11:00")));
        }
    }

    @Test
    void r3_1_onlyABadReviewAnEvaluatorGaveMayBeAppealed() {
        for (int level = 1; level <= 5; level++) {
            assertEquals(level <= 2, AppealDecider.isAppealable(bad(JE, level, RatingOrigin.EVALUATOR)),
                    "level " + level);
        }
        assertFalse(AppealDecider.isAppealable(bad(JE, 1, RatingOrigin.DEFAULT_RATING)), "a system default");
        refused(AppealDecider.file(bad(JE, 4, RatingOrigin.EVALUATOR), null, "ap", Appellant.STAFF, "x", "h", MON,
                rules(JE)), "appeal.notAppealable");
    }

    @Test
    void r3_2_jilinEdzAppealsWithin2WorkingDaysAndDecidesWithin5() {
        AppealFiled filed = (AppealFiled) new Given(JE, Staff.beijing("2025-10-09T09:00")).events.get(0);
        // Received Monday 29 September: 30 September, then 9 October.
        assertEquals(Staff.beijing("2025-10-09T10:00"), filed.windowDueAt());
        // Filed 9 October: 10, 11 (worked Saturday), 13, 14, 15 October.
        assertEquals(Staff.beijing("2025-10-15T09:00"), filed.decisionDueAt());
        assertFalse(filed.deadlinesProvisional());
        refused(AppealDecider.file(bad(JE, 2, RatingOrigin.EVALUATOR), null, "ap", Appellant.STAFF, "x", "h",
                Staff.beijing("2025-10-09T10:01"), rules(JE)), "appeal.late");
    }

    @Test
    void r3_2_anAppealCountedWithoutThe2027CalendarIsRedatedWhenItIsLoadedAndItsOverdueFlagFollows() {
        // Given a Jilin EDZ bad review received Wednesday 30 December 2026 and appealed on 31 December, 2027 missing.
        RatedCase rating = new RatedCase("rt-ny", "C-ny", 2, RatingOrigin.EVALUATOR, "INST-JE", JE,
                Staff.beijing("2026-12-30T10:00"), "INST-JE", "p-ny");
        JurisdictionRules without = new JurisdictionRules(BOOK.resolve(JE, LocalDate.of(2026, 12, 31)), CALENDAR);
        List<EventPayload> events = new ArrayList<>(accepted(AppealDecider.file(rating, null, "ap-ny",
                Appellant.STAFF, "误触", "handler", Staff.beijing("2026-12-31T09:00"), without)));
        AppealState filed = AppealState.fold(events);
        // Weekends only: 31 December, 1 January (window); 1, 4, 5, 6, 7 January (decision).
        assertEquals(Staff.beijing("2027-01-01T10:00"), filed.windowDueAt());
        assertEquals(Staff.beijing("2027-01-07T09:00"), filed.decisionDueAt());
        assertTrue(filed.deadlinesProvisional());
        events.addAll(AppealDecider.overdue(filed, Staff.beijing("2027-01-07T10:00")));
        assertTrue(AppealState.fold(events).overdueFlagged());

        // When the 2027 calendar is loaded on 7 January at noon (here: 1 and 4-5 January off).
        WorkingCalendar with2027 = CALENDAR.with(new YearArrangement(2027, List.of(
                new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2027, 1, 4), DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2027, 1, 5), DayKind.HOLIDAY, "元旦"))));
        RulesAt after = start -> new JurisdictionRules(BOOK.resolve(JE, LocalDate.of(2026, 12, 31)),
                with2027);
        List<EventPayload> redated = AppealDecider.redate(AppealState.fold(events), 2027, after,
                Staff.beijing("2027-01-07T12:00"));
        events.addAll(redated);

        // Then: window 31 December and 6 January; decision 6, 7, 8, 11, 12 January; no longer overdue.
        AppealRedated event = (AppealRedated) redated.get(0);
        assertEquals(2027, event.calendarYear());
        AppealState now = AppealState.fold(events);
        assertEquals(Staff.beijing("2027-01-06T10:00"), now.windowDueAt());
        assertEquals(Staff.beijing("2027-01-12T09:00"), now.decisionDueAt());
        assertFalse(now.deadlinesProvisional());
        assertFalse(now.overdueFlagged());
        assertTrue(AppealDecider.redate(now, 2027, after, Staff.beijing("2027-01-07T12:00")).isEmpty(), "a replay moves nothing");
        // Decided on 11 January: on time by the new deadline.
        events.addAll(accepted(AppealDecider.verify(now, VerificationMethod.FILE_REVIEW, "调阅", "bureau",
                Staff.beijing("2027-01-11T09:00"))));
        AppealDecided decided = (AppealDecided) accepted(AppealDecider.decide(AppealState.fold(events),
                AppealOutcome.REJECTED, false, "维持", "d-ny", "bureau", Staff.beijing("2027-01-11T10:00"))).get(0);
        assertTrue(decided.onTime());
    }

    @Test
    void r3_2_taianAppealsWithin3WorkingDaysAndVerifiesWithin3() {
        AppealFiled filed = (AppealFiled) new Given(TA, Staff.beijing("2025-09-30T10:00")).events.get(0);
        assertEquals(Staff.beijing("2025-10-10T10:00"), filed.windowDueAt(), "30 September, 9 and 10 October");
        assertEquals(Staff.beijing("2025-10-11T10:00"), filed.decisionDueAt(), "from 30 September: 9, 10, 11 (worked Saturday)");
    }

    @Test
    void r3_2_jilinCityHasTheNationalDefaultsFiveAndTenWorkingDays() {
        AppealFiled filed = (AppealFiled) new Given(JC, MON).events.get(0);
        // 30 September, 9, 10, 11 (worked Saturday) and 13 October.
        assertEquals(Staff.beijing("2025-10-13T10:00"), filed.windowDueAt());
    }

    @Test
    void r3_1_oneOpenAppealPerRatingAndADecidedOneIsNotFiledAgain() {
        Given given = new Given(JE, MON);
        refused(AppealDecider.file(bad(JE, 2, RatingOrigin.EVALUATOR), given.state(), "ap-2", Appellant.INSTITUTION,
                "again", "h", MON, rules(JE)), "appeal.openAlready");
        given.verified().then(AppealDecider.decide(given.state(), AppealOutcome.REJECTED, false, "评价属实", "d-1",
                "bureau", Staff.beijing("2025-10-10T10:00")));
        refused(AppealDecider.file(bad(JE, 2, RatingOrigin.EVALUATOR), given.state(), "ap-2", Appellant.INSTITUTION,
                "again", "h", MON, rules(JE)), "appeal.decidedAlready");
    }

    @Test
    void r3_3_r3_4_theBureauVerifiesThenAnUpheldAppealMakesTheRatingNotAdopted() {
        Given given = new Given(JE, MON);
        refused(AppealDecider.decide(given.state(), AppealOutcome.UPHELD, false, "误评", "d-1", "bureau",
                Staff.beijing("2025-10-09T12:00")), "appeal.verifyFirst");
        List<EventPayload> decided = accepted(AppealDecider.decide(given.verified().state(), AppealOutcome.UPHELD, true,
                "恶意差评", "d-1", "bureau", Staff.beijing("2025-10-09T12:00")));
        AppealDecided decision = assertInstanceOf(AppealDecided.class, decided.get(0));
        assertTrue(decision.onTime());
        RatingNotAdopted notAdopted = assertInstanceOf(RatingNotAdopted.class, decided.get(1));
        assertEquals("rt-" + JE, notAdopted.ratingId());
        assertTrue(notAdopted.malicious());
        given.events.addAll(decided);
        assertTrue(given.state().notAdopted());
        refused(AppealDecider.verify(given.state(), VerificationMethod.SITE_VISIT, "x", "bureau", MON),
                "appeal.decidedAlready");
    }

    @Test
    void r3_5_aRejectedAppealLeavesTheRatingStandingAndIsNeverMalicious() {
        Given given = new Given(TA, MON).verified();
        refused(AppealDecider.decide(given.state(), AppealOutcome.REJECTED, true, "x", "d", "b", MON),
                "appeal.maliciousOnlyUpheld");
        List<EventPayload> decided = accepted(AppealDecider.decide(given.state(), AppealOutcome.REJECTED, false,
                "评价属实", "d-1", "bureau", Staff.beijing("2025-10-09T12:00")));
        assertEquals(1, decided.size(), "no RatingNotAdopted: " + decided);
        given.events.addAll(decided);
        refused(AppealDecider.reinstate(given.state(), "复核", "d-2", "bureau", MON), "appeal.nothingToReinstate");
    }

    @Test
    void r3_5_aReviewReinstatesAnUpheldRating() {
        Given given = new Given(JE, MON).verified();
        given.then(AppealDecider.decide(given.state(), AppealOutcome.UPHELD, false, "误评", "d-1", "bureau",
                Staff.beijing("2025-10-09T12:00")));
        List<EventPayload> reinstated = accepted(AppealDecider.reinstate(given.state(), "复核发现评价属实", "d-2",
                "bureau", Staff.beijing("2025-10-20T10:00")));
        assertInstanceOf(RatingReinstated.class, reinstated.get(0));
        given.events.addAll(reinstated);
        assertFalse(given.state().notAdopted());
    }

    @Test
    void r3_2_anUndecidedAppealIsFlaggedOverdueOnceAndADecisionAfterItIsLate() {
        Given given = new Given(TA, MON);
        Instant due = ((AppealFiled) given.events.get(0)).decisionDueAt();
        assertTrue(AppealDecider.overdue(given.state(), due).isEmpty(), "due is not past");
        List<EventPayload> flagged = AppealDecider.overdue(given.state(), due.plusSeconds(60));
        assertInstanceOf(AppealOverdue.class, flagged.get(0));
        given.events.addAll(flagged);
        assertTrue(AppealDecider.overdue(given.state(), due.plusSeconds(3600)).isEmpty(), "flagged once");
        AppealDecided late = (AppealDecided) accepted(AppealDecider.decide(given.verified().state(),
                AppealOutcome.REJECTED, false, "评价属实", "d", "bureau", due.plusSeconds(7200))).get(0);
        assertFalse(late.onTime());
    }

    @Test
    void r3_1_evidenceIsAPdfJpegOrPngByItsContentAtMost5MbAndTheEventCarriesItsHashNotItsBytes() {
        Given given = new Given(JE, MON);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
        AppealEvidenceAdded added = (AppealEvidenceAdded) accepted(AppealDecider.addEvidence(given.state(), "att-1",
                "截图.png", png, "handler", MON)).get(0);
        assertEquals("image/png", added.mediaType());
        assertEquals(Evidence.sha256(png), added.sha256());
        assertEquals(64, added.sha256().length());
        refused(AppealDecider.addEvidence(given.state(), "att-2", "合同.pdf", "not a pdf".getBytes(), "h", MON),
                "appeal.evidenceType");
        byte[] huge = new byte[Evidence.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(), 0, huge, 0, 5);
        refused(AppealDecider.addEvidence(given.state(), "att-3", "big.pdf", huge, "h", MON),
                "appeal.evidenceTooLarge");
        assertEquals("application/pdf", Evidence.mediaTypeOf("%PDF-1.7".getBytes()).orElseThrow());
        assertEquals("image/jpeg", Evidence.mediaTypeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})
                .orElseThrow());
    }

    @Test
    void theCaseFileIsAFoldOfItsEventsAlone() {
        Given given = new Given(JE, MON).verified();
        given.then(AppealDecider.decide(given.state(), AppealOutcome.UPHELD, false, "误评", "d-1", "bureau",
                Staff.beijing("2025-10-09T12:00")));
        assertEquals(given.state(), AppealState.fold(List.copyOf(given.events)));
        assertEquals(AppealOutcome.UPHELD, given.state().outcome());
        assertEquals(1, given.state().verifications());
    }
}
