package org.hcp.rectification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hcp.events.Channel;
import org.hcp.events.EventPayload;
import org.hcp.events.RatingOrigin;
import org.hcp.events.RatingScope;
import org.hcp.events.RatingSubmitted;
import org.hcp.events.calendar.CalendarDay;
import org.hcp.events.calendar.DayKind;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.events.outcome.Outcome;
import org.hcp.events.policy.JurisdictionRules;
import org.hcp.events.policy.PolicyBook;
import org.hcp.events.rectification.CallbackResult;
import org.hcp.events.rectification.Classification;
import org.hcp.events.rectification.RectificationClassified;
import org.hcp.events.rectification.RectificationClosed;
import org.hcp.events.rectification.RectificationOpened;
import org.hcp.events.rectification.RectificationRedated;
import org.hcp.events.rectification.RectificationResolved;
import org.hcp.events.rectification.RectificationStep;
import org.hcp.events.rectification.RectificationStepOverdue;
import org.hcp.events.rectification.RectificationWithdrawn;
import org.hcp.events.rectification.Resolution;
import org.hcp.rectification.domain.RectificationState.Status;
import org.hcp.testkit.Staff;
import org.junit.jupiter.api.Test;

/**
 * R2 as given (the events so far) / when (a command) / then (the events, or the rule that refuses it). Deadlines are
 * checked for Jilin City (JC), Jilin EDZ (JE) and Tai'an (TA) across National Day 2025: 1-8 October off, Sunday 28
 * September and Saturday 11 October worked (the shipped 2025 calendar).
 */
class RectificationDeciderTest {

    private static final PolicyBook BOOK = PolicyBook.shipped();
    private static final WorkingCalendar CALENDAR = WorkingCalendar.shipped();
    private static final String JC = "220202";
    private static final String JE = "220271";
    private static final String TA = "370902";
    /** Monday 29 September 2025, 10:00 in Beijing: the bad review arrives. */
    private static final Instant MON = Staff.beijing("2025-09-29T10:00");
    /** Tuesday 30 September, 10:00: the last working day before the holiday. */
    private static final Instant TUE = Staff.beijing("2025-09-30T10:00");

    private static JurisdictionRules rules(String region) {
        return new JurisdictionRules(BOOK.resolve(region, LocalDate.of(2025, 9, 29)), CALENDAR);
    }

    private static RatingSubmitted badReview(String region, int level, String pseudonym) {
        return new RatingSubmitted("rt-" + region + "-" + level, "C-" + region, null, "ITEM", "INST-" + region, "W1",
                "S1", null, region, Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE.nationalPf(), level, List.of("SLOW"),
                "free text, possibly personal", List.of(), null, pseudonym, RatingOrigin.EVALUATOR, 1, MON, MON,
                RatingScope.CASE, null, null, null, null);
    }

    /** The given: a real-name bad review opened in {@code region}, and the events that followed. */
    private static final class Given {
        final JurisdictionRules rules;
        final List<EventPayload> events = new ArrayList<>();

        Given(String region, int level, boolean realName) {
            rules = rules(region);
            events.addAll(RectificationDecider.open(badReview(region, level, realName ? "ev1_x" : null), null, false,
                    null, rules, MON));
        }

        RectificationState state() {
            return RectificationState.fold(events);
        }

        Given then(Outcome<List<EventPayload>> outcome) {
            events.addAll(accepted(outcome));
            return this;
        }

        Given assigned() {
            return then(RectificationDecider.assign(state(), "王科长", "handler", MON));
        }

        Given calledBack(Instant when) {
            return then(RectificationDecider.recordCallback(state(), CallbackResult.REACHED, null, "handler", when));
        }

        Given classified(Classification c, Instant ledgerDue, Instant when) {
            return then(RectificationDecider.classify(state(), c, "why", ledgerDue, "handler", when, rules));
        }

        Given resolved(Resolution r, Instant when) {
            return then(RectificationDecider.resolve(state(), r, "what was done", "handler", when, rules));
        }

        Given fedBack(Instant when) {
            return then(RectificationDecider.giveFeedback(state(), "PHONE", null, "handler", when));
        }

        Given verified(Instant when) {
            return then(RectificationDecider.verify(state(), true, true, 4, null, "bureau", when));
        }
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

    @Test
    void r2_1_aBadReviewOpensOneRectificationRoutedToTheUnitThatHandledTheCase() {
        RatingSubmitted rating = badReview(JC, 2, "ev1_x");
        List<EventPayload> events = RectificationDecider.open(rating, null, false, null, rules(JC), MON);
        RectificationOpened opened = assertInstanceOf(RectificationOpened.class, events.get(0));
        assertEquals("INST-" + JC, opened.institutionCode());
        assertEquals("W1", opened.windowCode());
        assertEquals("S1", opened.staffId());
        assertTrue(opened.realName());
        // Replaying the same rating opens nothing more.
        assertTrue(RectificationDecider.open(rating, RectificationState.fold(events), false, null, rules(JC), MON)
                .isEmpty());
        // The evaluator's free text never reaches the rectification's events.
        assertFalse(events.toString().contains("possibly personal"));
    }

    @Test
    void aPolicyThatSendsTo12345DispatchesANewRectificationAndItsReplyIsAStepThatChangesNoDeadline() {
        Given given = new Given(JC, 2, true);
        assertFalse(RectificationDecider.dispatchesToHotline(given.events, given.rules),
                "Jilin City's policy does not send bad reviews to 12345");
        RectificationState before = given.state();
        given.events.addAll(RectificationDecider.dispatched(before, "jilin-12345", MON));
        given.then(RectificationDecider.workOrderReplied(given.state(), "HCP-" + before.rectificationId(), "R1",
                org.hcp.events.rectification.WorkOrderStatus.CLOSED, "已回复", MON, MON));
        assertEquals(before.callbackDueAt(), given.state().callbackDueAt());
        assertEquals(before.status(), given.state().status(), "the unit's steps stay its own");
        refused(RectificationDecider.workOrderReplied(given.state(), "HCP-another", "R2",
                org.hcp.events.rectification.WorkOrderStatus.CLOSED, null, MON, MON), "hotline.workOrderUnknown");
        refused(RectificationDecider.workOrderReplied(given.state(), "HCP-" + before.rectificationId(), " ", null,
                null, null, MON), "field.required");
    }

    @Test
    void r2_1_goodReviewsAndSystemDefaultsNeverOpenOne() {
        assertTrue(RectificationDecider.open(badReview(JC, 3, null), null, false, null, rules(JC), MON).isEmpty());
        RatingSubmitted bad = badReview(JC, 1, null);
        RatingSubmitted systemMade = new RatingSubmitted(bad.ratingId(), bad.caseNumber(), null, "ITEM", "I", null,
                null, null, JC, Channel.SYSTEM_DEFAULT, 5, 1, List.of(), null, List.of(), null, null,
                RatingOrigin.DEFAULT_RATING, 1, MON, MON, null, null, null, null, null);
        assertTrue(RectificationDecider.open(systemMade, null, false, null, rules(JC), MON).isEmpty());
    }

    @Test
    void r1_5_aBatchRatingIsOneRectificationListingEveryCase() {
        RatingSubmitted first = badReview(JC, 2, null);
        RatingSubmitted firstOfBatch = new RatingSubmitted("rt-a", "C-A", null, "ITEM", "I", null, null, null, JC,
                Channel.WEBSITE, 1, 2, List.of("SLOW"), null, List.of(), null, null, RatingOrigin.EVALUATOR, 1, MON,
                MON, RatingScope.BATCH, "B1", null, "req-1", null);
        RatingSubmitted secondOfBatch = new RatingSubmitted("rt-b", "C-B", null, "ITEM", "I", null, null, null, JC,
                Channel.WEBSITE, 1, 2, List.of("SLOW"), null, List.of(), null, null, RatingOrigin.EVALUATOR, 1, MON,
                MON, RatingScope.BATCH, "B1", null, "req-1", null);
        assertEquals(RectificationDecider.rectificationIdOf(firstOfBatch),
                RectificationDecider.rectificationIdOf(secondOfBatch));
        List<EventPayload> events = new ArrayList<>(
                RectificationDecider.open(firstOfBatch, null, false, null, rules(JC), MON));
        events.addAll(RectificationDecider.open(secondOfBatch, RectificationState.fold(events), false, null,
                rules(JC), MON));
        assertEquals(Set.of("C-A", "C-B"), RectificationState.fold(events).caseNumbers());
        assertEquals(first.ratingId(), RectificationDecider.rectificationIdOf(first));
    }

    @Test
    void r2_2_jilinCityCallsBackWithin10WorkingDaysAcrossNationalDay() {
        RectificationState s = new Given(JC, 2, true).state();
        // 30 Sep, then 9, 10, 11 (worked Saturday), 13-17 and 20 October.
        assertEquals(Staff.beijing("2025-10-20T10:00"), s.opened().callbackDueAt());
        assertFalse(s.opened().deadlinesProvisional());
        assertEquals(Staff.beijing("2025-10-20T10:00"), new Given(JE, 2, true).state().opened().callbackDueAt(), "JE: JC's");
        assertNull(new Given(TA, 2, true).state().opened().callbackDueAt(), "TA sets no callback term");
    }

    @Test
    void r2_2_anAnonymousRatingCannotBeCalledBackAndIsNeverOverdueForIt() {
        Given anonymous = new Given(JC, 2, false).assigned();
        assertNull(anonymous.state().opened().callbackDueAt());
        refused(RectificationDecider.recordCallback(anonymous.state(), CallbackResult.REACHED, null, "h", TUE),
                "rectification.anonymousNoCallback");
        assertTrue(RectificationDecider.overdue(anonymous.state(), Staff.beijing("2026-01-01T00:00")).isEmpty());
    }

    @Test
    void r2_3_jilinCityRectifiesAClearCaseWithin15WorkingDays() {
        Given jc = new Given(JC, 2, true).assigned().classified(Classification.CLEAR, null, TUE);
        assertEquals(Staff.beijing("2025-10-28T10:00"), jc.state().dueAt());
    }

    @Test
    void r2_3_jilinEdzRectifiesAClearCaseAtOnceByTheEndOfThatWorkingDay() {
        assertEquals(Staff.beijing("2025-10-01T00:00"),
                new Given(JE, 2, true).assigned().classified(Classification.CLEAR, null, TUE).state().dueAt());
        // Classified on a holiday: by the end of the next working day, 9 October.
        assertEquals(Staff.beijing("2025-10-10T00:00"), new Given(JE, 2, true).assigned()
                .classified(Classification.CLEAR, null, Staff.beijing("2025-10-03T10:00")).state().dueAt());
    }

    @Test
    void r2_3_aComplexCaseIsALedgerEntryWithTheUnitsDeadlineOfAtMostSixMonths() {
        Given given = new Given(JC, 2, true).assigned();
        refused(RectificationDecider.classify(given.state(), Classification.COMPLEX, "why", null, "h", TUE,
                given.rules), "rectification.ledgerDueRequired");
        refused(RectificationDecider.classify(given.state(), Classification.COMPLEX, "why",
                Staff.beijing("2026-03-31T10:00"), "h", TUE, given.rules), "rectification.ledgerDueCap");
        given.classified(Classification.COMPLEX, Staff.beijing("2026-03-30T10:00"), TUE);
        assertEquals(Staff.beijing("2026-03-30T10:00"), given.state().dueAt());
    }

    @Test
    void r2_4_jilinEdzGivesFeedbackOnAComplexCaseWithin7WorkingDaysOfReceipt() {
        // Received Monday 29 September, classified the next day: counted from receipt, not from the classification.
        Given je = new Given(JE, 2, true).assigned().classified(Classification.COMPLEX, Staff.beijing("2025-12-01T10:00"), TUE);
        // 30 September, 9, 10, 11 (worked Saturday), 13, 14, 15 October.
        assertEquals(Staff.beijing("2025-10-15T10:00"), je.state().feedbackDueAt());
        assertEquals(RectificationStep.FEEDBACK, ((RectificationStepOverdue) RectificationDecider
                .overdue(je.state(), Staff.beijing("2025-10-15T10:01")).get(0)).step());
        assertNull(new Given(JC, 2, true).assigned().classified(Classification.COMPLEX, Staff.beijing("2025-12-01T10:00"), TUE)
                .state().feedbackDueAt(), "JC sets no interim feedback term");
    }

    @Test
    void r2_4_aJilinEdzUnitThatNeverClassifiesIsLateOnTheFeedbackSevenWorkingDaysAfterReceipt() {
        // Given a bad review received on Friday 26 September 2025, before National Day, and no step taken since.
        Instant friday = Staff.beijing("2025-09-26T15:00");
        RatingSubmitted rating = badReview(JE, 2, null);
        List<EventPayload> events = new ArrayList<>(RectificationDecider.open(rating, null, false, null, rules(JE),
                friday));
        RectificationState s = RectificationState.fold(events);
        // Then: 28 September (worked Sunday), 29, 30 September, 9, 10, 11 (worked Saturday), 13 October.
        assertEquals(Staff.beijing("2025-10-13T15:00"), s.feedbackDueAt());
        assertTrue(RectificationDecider.overdue(s, Staff.beijing("2025-10-13T14:59")).isEmpty());
        // When the overdue check runs fourteen months later, the feedback is late.
        List<EventPayload> late = RectificationDecider.overdue(s, Staff.beijing("2026-11-26T10:00"));
        assertEquals(RectificationStep.FEEDBACK, ((RectificationStepOverdue) late.get(0)).step());
        // A clear case owes no interim feedback: classifying it so ends the term.
        Given clear = new Given(JE, 2, false).assigned().classified(Classification.CLEAR, null, TUE);
        assertNull(clear.state().feedbackDueAt());
    }

    @Test
    void anOverdueFlagFoundAfterTheClosingInTheLogLeavesTheClosedRectificationAsItWas() {
        // Given a rectification opened and closed (a generated history writes its closure before the scheduler reads
        // the rectification as open, docs/history.md).
        List<EventPayload> events = new ArrayList<>(RectificationDecider.open(badReview(JE, 2, null), null, false,
                null, rules(JE), MON));
        String id = RectificationState.fold(events).rectificationId();
        events.add(new RectificationClosed(id, true, "history", TUE));
        // When the scheduler's flag of the callback follows it in the log.
        events.add(new RectificationStepOverdue(id, RectificationStep.CALLBACK, TUE, TUE.plusSeconds(60)));
        // Then the ledger folds it closed, and on time, with no step overdue.
        RectificationState s = RectificationState.fold(events);
        assertEquals(RectificationState.Status.CLOSED, s.status());
        assertTrue(s.overdue().isEmpty(), s.overdue().toString());
        assertEquals(Boolean.TRUE, LedgerEntry.of(s, events.size()).closedOnTime());
        // And a closure the log records as late is late in the ledger, as in the figures, with no flag before it.
        List<EventPayload> late = new ArrayList<>(events.subList(0, events.size() - 2));
        late.add(new RectificationClosed(id, false, "history", TUE));
        assertEquals(Boolean.FALSE, LedgerEntry.of(RectificationState.fold(late), late.size()).closedOnTime());
    }

    @Test
    void deadlinesCountedWithoutAYearsCalendarAreRedatedWhenItIsLoadedAndOverdueFlagsFollow() {
        // Given Jilin City, a calendar without 2027, and a real-name bad review on Wednesday 30 December 2026.
        WorkingCalendar without2027 = CALENDAR;
        Instant received = Staff.beijing("2026-12-30T10:00");
        JurisdictionRules before = new JurisdictionRules(BOOK.resolve(JC, LocalDate.of(2026, 12, 30)), without2027);
        List<EventPayload> events = new ArrayList<>(RectificationDecider.open(badReview(JC, 2, "ev1_x"), null, false,
                null, before, received));
        RectificationState opened = RectificationState.fold(events);
        // Weekends only: 31 December, 1, 4, 5, 6, 7, 8, 11, 12, 13 January.
        assertEquals(Staff.beijing("2027-01-13T10:00"), opened.callbackDueAt());
        assertTrue(opened.deadlinesProvisional());
        events.addAll(RectificationDecider.overdue(opened, Staff.beijing("2027-01-14T09:00")));
        assertEquals(Set.of(RectificationStep.CALLBACK), RectificationState.fold(events).overdue());

        // When the 2027 calendar is loaded (1 January and 4-5 January off, here) on 14 January at noon.
        WorkingCalendar with2027 = without2027.with(new YearArrangement(2027, List.of(
                new CalendarDay(LocalDate.of(2027, 1, 1),
                        DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2027, 1, 4),
                        DayKind.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2027, 1, 5),
                        DayKind.HOLIDAY, "元旦"))));
        Instant loaded = Staff.beijing("2027-01-14T12:00");
        List<EventPayload> redated = RectificationDecider.redate(RectificationState.fold(events), 2027,
                start -> new JurisdictionRules(BOOK.resolve(JC, LocalDate.of(2026, 12, 30)), with2027), loaded);

        // Then the callback is due on 18 January, no longer provisional, and no longer overdue.
        RectificationRedated event =
                (RectificationRedated) redated.get(0);
        assertEquals(2027, event.calendarYear());
        assertEquals(Staff.beijing("2027-01-18T10:00"), event.callbackDueAt());
        events.addAll(redated);
        RectificationState after = RectificationState.fold(events);
        assertEquals(Staff.beijing("2027-01-18T10:00"), after.callbackDueAt());
        assertFalse(after.deadlinesProvisional());
        assertTrue(after.overdue().isEmpty());
        assertEquals(Staff.beijing("2027-01-18T10:00"), RectificationDecider.nextOverdueCheck(after));
        // A second publication of the same year changes nothing.
        assertTrue(RectificationDecider.redate(after, 2027, start -> new JurisdictionRules(
                BOOK.resolve(JC, LocalDate.of(2026, 12, 30)), with2027), loaded).isEmpty());
    }

    @Test
    void aRedatedDeadlineAlreadyPastStaysOverdue() {
        Instant received = Staff.beijing("2026-12-30T10:00");
        JurisdictionRules before = new JurisdictionRules(BOOK.resolve(JC, LocalDate.of(2026, 12, 30)), CALENDAR);
        List<EventPayload> events = new ArrayList<>(RectificationDecider.open(badReview(JC, 2, "ev1_x"), null, false,
                null, before, received));
        events.addAll(RectificationDecider.overdue(RectificationState.fold(events), Staff.beijing("2027-01-14T09:00")));
        WorkingCalendar with2027 = CALENDAR.with(new YearArrangement(2027, List.of()));
        events.addAll(RectificationDecider.redate(RectificationState.fold(events), 2027,
                start -> new JurisdictionRules(BOOK.resolve(JC, LocalDate.of(2026, 12, 30)), with2027),
                Staff.beijing("2027-01-20T12:00")));
        RectificationState after = RectificationState.fold(events);
        assertFalse(after.deadlinesProvisional());
        assertEquals(Set.of(RectificationStep.CALLBACK), after.overdue());
    }

    @Test
    void r2_6_taianVerifiesWithin5WorkingDaysOfTheRectification() {
        Given ta = new Given(TA, 2, true).assigned().classified(Classification.CLEAR, null, MON)
                .resolved(Resolution.RECTIFIED, MON);
        // 30 Sep, 9, 10, 11 (worked Saturday), 13 October.
        assertEquals(Staff.beijing("2025-10-13T10:00"), ta.state().verificationDueAt());
    }

    @Test
    void r2_1_r2_3_r2_4_stepsComeInTheirOrderAndAWrongOneNamesItsRule() {
        Given given = new Given(JC, 2, true);
        refused(RectificationDecider.classify(given.state(), Classification.CLEAR, null, null, "h", TUE, given.rules),
                "rectification.assignFirst");
        given.assigned();
        refused(RectificationDecider.giveFeedback(given.state(), "PHONE", null, "h", TUE),
                "rectification.feedbackAfterClassification");
        refused(RectificationDecider.resolve(given.state(), Resolution.RECTIFIED, "x", "h", TUE, given.rules),
                "rectification.classifyFirst");
        given.classified(Classification.NO_BASIS, null, TUE);
        refused(RectificationDecider.resolve(given.state(), Resolution.RECTIFIED, "x", "h", TUE, given.rules),
                "rectification.resolutionMismatch");
        refused(RectificationDecider.close(given.state(), "b", TUE), "rectification.verifyFirst");
    }

    @Test
    void r2_5_aRealNameBadReviewCannotCloseWithoutACallbackThatReachedTheEvaluator() {
        Given given = new Given(JC, 2, true).assigned();
        given.then(RectificationDecider.recordCallback(given.state(), CallbackResult.NOT_REACHED, null, "h", TUE));
        given.classified(Classification.CLEAR, null, TUE).resolved(Resolution.RECTIFIED, TUE).fedBack(TUE)
                .verified(TUE);
        refused(RectificationDecider.close(given.state(), "b", TUE), "rectification.realNameCallback");
        given.calledBack(TUE);
        RectificationClosed closed = (RectificationClosed) accepted(RectificationDecider.close(given.state(), "b",
                TUE)).get(0);
        assertTrue(closed.onTime());
    }

    @Test
    void r2_4_closingNeedsFeedbackOnTheResultNotOnlyBeforeIt() {
        Given given = new Given(JC, 2, true).assigned().calledBack(TUE).classified(Classification.CLEAR, null, TUE)
                .fedBack(TUE).resolved(Resolution.RECTIFIED, Staff.beijing("2025-10-09T10:00")).verified(Staff.beijing("2025-10-09T11:00"));
        refused(RectificationDecider.close(given.state(), "b", Staff.beijing("2025-10-09T12:00")),
                "rectification.feedbackOnResult");
    }

    @Test
    void r2_5_aVeryDissatisfiedReviewIsVerifiedByPhoneWithASatisfactionResurvey() {
        Given given = new Given(JC, 1, true).assigned().calledBack(TUE).classified(Classification.CLEAR, null, TUE)
                .resolved(Resolution.RECTIFIED, TUE);
        refused(RectificationDecider.verify(given.state(), true, false, null, null, "b", TUE),
                "rectification.veryDissatisfiedResurvey");
        refused(RectificationDecider.verify(given.state(), true, true, null, null, "b", TUE),
                "rectification.veryDissatisfiedResurvey");
        given.verified(TUE);
        assertEquals(Status.VERIFIED, given.state().status());
    }

    @Test
    void r2_6_anOverdueStepIsFlaggedOnceAndALateRectificationClosesOnlyAfterAnInterview() {
        Given given = new Given(JC, 2, true).assigned();
        List<EventPayload> first = RectificationDecider.overdue(given.state(), Staff.beijing("2025-10-20T10:01"));
        assertEquals(1, first.size());
        assertEquals(RectificationStep.CALLBACK, ((RectificationStepOverdue) first.get(0)).step());
        given.events.addAll(first);
        assertTrue(RectificationDecider.overdue(given.state(), Staff.beijing("2025-10-21T10:00")).isEmpty(), "once");
        given.calledBack(Staff.beijing("2025-10-21T10:00")).classified(Classification.CLEAR, null, Staff.beijing("2025-10-21T10:00"))
                .resolved(Resolution.RECTIFIED, Staff.beijing("2025-10-22T10:00")).fedBack(Staff.beijing("2025-10-22T11:00"))
                .verified(Staff.beijing("2025-10-23T10:00"));
        refused(RectificationDecider.close(given.state(), "b", Staff.beijing("2025-10-23T11:00")),
                "rectification.lateNeedsInterview");
        given.then(RectificationDecider.recordInterview(given.state(), "王科长", "约谈", "bureau",
                Staff.beijing("2025-10-23T11:00")));
        RectificationClosed closed = (RectificationClosed) accepted(RectificationDecider.close(given.state(), "b",
                Staff.beijing("2025-10-23T12:00"))).get(0);
        assertFalse(closed.onTime());
    }

    @Test
    void r2_6_anInterviewIsOnlyForALateRectification() {
        Given given = new Given(JC, 2, true).assigned();
        refused(RectificationDecider.recordInterview(given.state(), "王科长", null, "b", TUE),
                "rectification.noInterviewOwed");
    }

    @Test
    void r3_4_notAdoptedBeforeTheRatingArrivesOpensItWithdrawn() {
        List<EventPayload> events = RectificationDecider.open(badReview(JC, 2, "ev1_x"), null, true, "d-1",
                rules(JC), MON);
        assertInstanceOf(RectificationWithdrawn.class, events.get(1));
        RectificationState s = RectificationState.fold(events);
        assertEquals(Status.WITHDRAWN, s.status());
        assertTrue(RectificationDecider.overdue(s, Staff.beijing("2026-01-01T00:00")).isEmpty(), "nothing owed");
        refused(RectificationDecider.assign(s, "x", "h", TUE), "rectification.withdrawn");
    }

    @Test
    void r3_4_r3_5_notAdoptedAfterwardsWithdrawsAndAReinstatementResumesWhereItStood() {
        Given given = new Given(JC, 2, true).assigned().classified(Classification.CLEAR, null, TUE);
        String ratingId = given.state().ratingIds().iterator().next();
        given.events.addAll(RectificationDecider.withdraw(given.state(), ratingId, "d-1", TUE));
        assertEquals(Status.WITHDRAWN, given.state().status());
        assertTrue(RectificationDecider.withdraw(given.state(), ratingId, "d-1", TUE).isEmpty(), "idempotent");
        given.events.addAll(RectificationDecider.resume(given.state(), ratingId, "d-2", TUE));
        assertEquals(Status.CLASSIFIED, given.state().status());
        assertTrue(RectificationDecider.resume(given.state(), ratingId, "d-2", TUE).isEmpty(), "idempotent");
    }

    @Test
    void aDeadlineCountedOnAYearWithoutACalendarSaysItIsProvisional() {
        JurisdictionRules rules = new JurisdictionRules(BOOK.resolve(JC, LocalDate.of(2027, 12, 20)), CALENDAR);
        RectificationOpened opened = (RectificationOpened) RectificationDecider.open(badReview(JC, 2, "ev1_x"), null,
                false, null, rules, Staff.beijing("2027-12-20T10:00")).get(0);
        assertTrue(opened.deadlinesProvisional());
    }

    @Test
    void theStateIsAFoldOfTheEventsAlone() {
        Given given = new Given(TA, 2, true).assigned().calledBack(TUE).classified(Classification.CLEAR, null, TUE);
        RectificationClassified classified = (RectificationClassified) given.events.get(given.events.size() - 1);
        assertEquals(classified.dueAt(), given.state().dueAt());
        assertEquals(given.state(), RectificationState.fold(List.copyOf(given.events)));
        RectificationResolved resolved = (RectificationResolved) accepted(RectificationDecider.resolve(given.state(),
                Resolution.RECTIFIED, "did", "h", TUE, given.rules)).get(0);
        assertEquals(Resolution.RECTIFIED, resolved.resolution());
    }
}
