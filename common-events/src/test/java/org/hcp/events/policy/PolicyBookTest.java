package org.hcp.events.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hcp.events.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** Jurisdiction policies are data keyed by region with effective dates, inherited field by field. */
class PolicyBookTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);
    private final PolicyBook book = PolicyBook.shipped();

    @Test
    void r1_9_jilinCityDefaultsToLevel3After7Days() {
        JurisdictionPolicy jc = book.resolve("220202", DAY);
        assertEquals(new DefaultRatingRule(null, Term.days(7), 3), jc.defaultRating());
        assertEquals(Term.workingDays(10), jc.callbackReply());
        assertEquals(Term.workingDays(15), jc.rectificationClearCase());
        assertEquals(Term.months(6), jc.rectificationComplexCase());
        // R3.2: JC names no appeal terms, so the national default's apply.
        assertEquals(Term.workingDays(5), jc.appealWindow());
        assertEquals(Term.workingDays(10), jc.appealDecision());
    }

    @Test
    void noRegionResolvesTheNationalPolicyAlone() {
        JurisdictionPolicy national = book.resolve(null, DAY);
        JurisdictionPolicy beijing = book.resolve("110101", DAY); // no policy of its own here: the national one
        assertEquals(beijing.defaultRating(), national.defaultRating());
        assertEquals(beijing.badReviewTags(), national.badReviewTags());
        assertEquals(beijing.appealWindow(), national.appealWindow());
        assertEquals(Term.workingDays(5), national.appealWindow(), "not Tai'an's 3 (R3.2)");
        assertTrue(national.maliciousEvaluatorCreditRecord() != Boolean.TRUE, "a Tai'an setting only");
    }

    @Test
    void r1_9_taianRemindsAfter1WorkingDayAndDefaultsToLevel4After4More() {
        JurisdictionPolicy ta = book.resolve("370902", DAY);
        assertEquals(new DefaultRatingRule(Term.workingDays(1), Term.workingDays(4), 4), ta.defaultRating());
        assertEquals(Term.workingDays(3), ta.appealWindow());
        assertEquals(Boolean.TRUE, ta.maliciousEvaluatorCreditRecord());
    }

    @Test
    void jilinEdzInheritsJilinCitysDefaultRatingAndOverridesItsAppealTerms() {
        JurisdictionPolicy je = book.resolve("220271", DAY);
        assertEquals(book.resolve("220200", DAY).defaultRating(), je.defaultRating(), "JE: (JC applies)");
        assertEquals(Term.workingDays(2), je.appealWindow());
        assertEquals(Term.workingDays(5), je.appealDecision());
        assertEquals(Term.workingDays(10), je.callbackReply(), "inherited from Jilin City");
        assertEquals(Term.workingDays(0), je.rectificationClearCase(), "JE: at once");
    }

    @Test
    void r6_3_integrityThresholdsAreDataEveryJurisdictionInherits() {
        IntegrityThresholds ta = book.resolve("370902", DAY).integrity();
        assertEquals(new IntegrityThresholds.Burst(6, java.time.Duration.ofMinutes(10)), ta.deviceBurst());
        assertEquals(2, ta.quickOwnDevice().evaluators());
        assertEquals(book.resolve("220271", DAY).integrity(), ta, "no jurisdiction overrides them yet");
        assertThrows(IllegalArgumentException.class,
                () -> new IntegrityThresholds.Burst(4, java.time.Duration.ofDays(2)), "a day at most");
    }

    @Test
    void aTownshipOfJilinEdzInheritsThroughEveryLevel() {
        JurisdictionPolicy village = book.resolve("220271001002", DAY);
        assertEquals(Term.workingDays(2), village.appealWindow());
        assertEquals(3, village.defaultRating().level());
        assertEquals("Asia/Shanghai", village.zone(), "from the national default");
    }

    @Test
    void aRegionWithNoPolicyOfItsOwnGetsTheNationalDefault() {
        JurisdictionPolicy other = book.resolve("110101", DAY);
        assertNull(other.defaultRating(), "SC sets no default rating");
        assertEquals(Term.days(15), other.supplementaryRatingPeriod());
        assertTrue(other.hasTag("ATTITUDE"));
        // R1.3: a tag is named from the catalogue; a code it does not hold has no name.
        assertEquals("办理时间长", other.tag("SLOW").orElseThrow().name());
        assertEquals("Took too long", other.tag("SLOW").orElseThrow().englishName());
        assertTrue(other.tag("NOT_A_TAG").isEmpty() && !other.hasTag("NOT_A_TAG"));
    }

    @Test
    void beforeItsEffectiveDateAPolicyDoesNotApply() {
        assertNull(book.resolve("220200", LocalDate.of(2020, 8, 8)).defaultRating());
        assertEquals(3, book.resolve("220200", LocalDate.of(2020, 8, 9)).defaultRating().level());
    }

    @Test
    void r5_6_anotherCitysDeadlinesAndANewVersionAreDataOnly() {
        List<JurisdictionPolicy> versions = new ArrayList<>(book.versions());
        versions.addAll(PolicyBook.parse("""
                [{"regionCode":"440300","effectiveFrom":"2024-01-01","name":"another city",
                  "rectificationClearCase":{"amount":5,"unit":"WORKING_DAYS"}},
                 {"regionCode":"220200","effectiveFrom":"2026-01-01",
                  "defaultRating":{"ratingAfter":{"amount":5,"unit":"WORKING_DAYS"},"level":3}}]"""));
        PolicyBook extended = PolicyBook.of(versions);
        assertEquals(Term.workingDays(5), extended.resolve("440304", DAY).rectificationClearCase());
        assertEquals(Term.days(7), extended.resolve("220271", LocalDate.of(2025, 12, 31)).defaultRating().ratingAfter());
        assertEquals(Term.workingDays(5), extended.resolve("220271", LocalDate.of(2026, 1, 1)).defaultRating().ratingAfter());
    }

    @Test
    void aPolicyWithoutANationalDefaultOrWithABadRegionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PolicyBook.of(PolicyBook.parse(
                "{\"regionCode\":\"220200\",\"effectiveFrom\":\"2020-01-01\"}")));
        List<JurisdictionPolicy> versions = new ArrayList<>(book.versions());
        versions.addAll(PolicyBook.parse("{\"regionCode\":\"Jilin\",\"effectiveFrom\":\"2020-01-01\"}"));
        assertThrows(IllegalArgumentException.class, () -> PolicyBook.of(versions));
    }

    @Test
    void termsCountCalendarDaysWorkingDaysAndMonthsInTheJurisdictionsZone() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        WorkingCalendar calendar = WorkingCalendar.shipped();
        Instant fridayMorning = Instant.parse("2025-09-26T02:00:00Z"); // 10:00 in Shanghai
        assertEquals(Instant.parse("2025-10-03T02:00:00Z"), Term.days(7).after(fridayMorning, calendar, zone).at());
        Deadline oneWorkingDay = Term.workingDays(1).after(fridayMorning, calendar, zone);
        assertEquals(Instant.parse("2025-09-28T02:00:00Z"), oneWorkingDay.at(), "the make-up Sunday counts");
        assertEquals(Instant.parse("2025-10-10T02:00:00Z"), oneWorkingDay.then(Term.workingDays(4), calendar, zone).at(),
                "09-29, 09-30, then 10-09 and 10-10 after the holiday");
        assertFalse(oneWorkingDay.provisional());
        assertEquals(Instant.parse("2026-03-26T02:00:00Z"), Term.months(6).after(fridayMorning, calendar, zone).at());
    }
}
