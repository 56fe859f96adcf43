package org.hcp.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.policy.PolicyBook;
import org.hcp.events.policy.Term;
import org.hcp.intake.domain.FollowUpTimeline.Entry;
import org.hcp.intake.domain.RectificationProgress.Kind;
import org.hcp.intake.domain.RectificationProgress.Step;
import org.junit.jupiter.api.Test;

/** R2.4: what the evaluator of a bad review sees behind the rating link, given the rectification's steps. */
class FollowUpTimelineTest {

    static final JurisdictionPolicy JILIN = PolicyBook.shipped().resolve("220202", LocalDate.of(2026, 12, 1));
    static final Instant RATED = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant CALLBACK_DUE = Instant.parse("2026-12-15T09:00:00Z");
    static final Instant DUE = Instant.parse("2026-12-22T09:00:00Z");

    static RectificationProgress progress(String classification, boolean withdrawn, Step... steps) {
        return new RectificationProgress("R1", "JL-CY-CENTRE", "220202", RATED.plusSeconds(5), classification,
                CALLBACK_DUE, DUE, null, null, withdrawn, List.of(steps));
    }

    static Step step(Kind kind, int minutes, String code, String detail) {
        return new Step(kind, RATED.plusSeconds(60L * minutes), code, detail, null);
    }

    @Test
    void r2_4_beforeARectificationIsOpenedTheRatingIsReceivedAndWaitsToBePassedOn() {
        List<Entry> entries = FollowUpTimeline.of(RATED, null, JILIN);
        assertEquals(List.of("RECEIVED", "OPENED"), entries.stream().map(Entry::step).toList());
        assertTrue(entries.get(0).done());
        assertFalse(entries.get(1).done());
    }

    @Test
    void r2_2_anOpenedRectificationOwesTheCallbackByItsDueDateWithinThePolicysTerm() {
        List<Entry> entries = FollowUpTimeline.of(RATED, progress(null, false, step(Kind.OPENED, 0, null, null)), JILIN);
        Entry next = entries.get(entries.size() - 1);
        assertEquals("CALLBACK", next.step());
        assertEquals(CALLBACK_DUE, next.dueAt());
        assertEquals(Term.workingDays(10), next.term(), "Jilin City's callback term");
    }

    @Test
    void r2_3_afterTheCallbackAComplexCaseOwesItsMeasuresWithinTheComplexTerm() {
        var p = progress("COMPLEX", false, step(Kind.OPENED, 0, null, null), step(Kind.CALLBACK, 60, "REACHED", null),
                step(Kind.CLASSIFIED, 61, "COMPLEX", null));
        Entry next = FollowUpTimeline.next(p, JILIN);
        assertEquals("RESOLVED", next.step());
        assertEquals(DUE, next.dueAt());
        assertEquals(JILIN.rectificationComplexCase(), next.term());
    }

    @Test
    void r2_4_theFeedbackWrittenForTheEvaluatorIsShownAndAClosedRectificationOwesNothing() {
        var p = progress("CLEAR", false, step(Kind.OPENED, 0, null, null), step(Kind.CALLBACK, 60, "REACHED", null),
                step(Kind.RESOLVED, 120, "RECTIFIED", "增设取号机"), step(Kind.FEEDBACK, 130, "SMS", "已增设取号机"),
                step(Kind.CLOSED, 200, "true", null));
        List<Entry> entries = FollowUpTimeline.of(RATED, p, JILIN);
        assertEquals(List.of("RECEIVED", "OPENED", "CALLBACK", "RESOLVED", "FEEDBACK", "CLOSED"),
                entries.stream().map(Entry::step).toList());
        assertTrue(entries.stream().allMatch(Entry::done));
        assertEquals("已增设取号机", entries.get(4).detail());
    }

    @Test
    void r3_4_aRatingNotAdoptedOnAppealOwesNoMoreSteps() {
        var p = progress(null, true, step(Kind.OPENED, 0, null, null), step(Kind.WITHDRAWN, 3000, null, null));
        List<Entry> entries = FollowUpTimeline.of(RATED, p, JILIN);
        assertTrue(FollowUpTimeline.notAdopted(p));
        assertEquals("WITHDRAWN", entries.get(entries.size() - 1).step());
        assertTrue(entries.stream().allMatch(Entry::done));
    }
}
